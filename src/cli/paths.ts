// Checks on the files of a run, made before anything is read or written: no output may be the
// input, the rules file or the other output, and each output must be a place a file can go.
// Files are compared by what they are (device and inode, real paths), not by how they are spelt,
// so a symlink, a hard link or "./a/../in.xlsx" cannot slip through.
import { accessSync, constants, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Locale } from "../i18n/locale";
import { CliError, fileErrorMessage, parentNotDirectory, sameFile, systemErrorCode, targetIsDirectory, targetNotRegularFile, type FileRef, type OutputRef } from "./messages";

interface Identity {
  /** Device and inode of an existing file (a symlink's target, as opening it would reach). */
  inode?: { dev: number; ino: number };
  /** The real path: of the file when it exists, else its nearest existing folder's joined with the rest. */
  path: string;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = systemErrorCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
}

/** The nearest folder (or file) above `abs` that exists, and the path components below it. */
function nearestExisting(abs: string): { existing: string; rest: string[] } {
  const rest: string[] = [];
  let at = abs;
  while (statOrUndefined(at) === undefined) {
    const up = dirname(at);
    if (up === at) break;
    rest.unshift(basename(at));
    at = up;
  }
  return { existing: at, rest };
}

function identity(path: string): Identity {
  const abs = resolve(path);
  const stats = statOrUndefined(abs);
  if (stats) return { inode: { dev: stats.dev, ino: stats.ino }, path: realpathSync(abs) };
  const { existing, rest } = nearestExisting(abs);
  return { path: join(realpathSync(existing), ...rest) };
}

// Two files that do not exist yet can only be compared by name; where the file system usually
// ignores case, "Out.json" and "out.json" would be one file.
const CASE_INSENSITIVE = process.platform === "win32" || process.platform === "darwin";

function same(a: Identity, b: Identity): boolean {
  if (a.inode && b.inode) return a.inode.dev === b.inode.dev && a.inode.ino === b.inode.ino;
  if (a.inode || b.inode) return false;
  return CASE_INSENSITIVE ? a.path.toLowerCase() === b.path.toLowerCase() : a.path === b.path;
}

/** Refuses (CliError) when an output is one of the sources or the other output. */
export function checkDistinct(sources: readonly FileRef[], targets: readonly OutputRef[], locale: Locale): void {
  const seen = sources.map((ref) => ({ ref, id: identity(ref.path) }));
  for (const target of targets) {
    const id = identity(target.path);
    const other = seen.find((s) => same(id, s.id));
    if (other) throw new CliError(sameFile(target, other.ref, locale));
    seen.push({ ref: target, id });
  }
}

function checkWritable(path: string, ref: FileRef, locale: Locale): void {
  try {
    accessSync(path, constants.W_OK);
  } catch (e) {
    throw new CliError(fileErrorMessage(e, ref, "write", locale) ?? String(e));
  }
}

/** Refuses (CliError) an output that is a folder or a device, lies under a file, or may not be written. */
export function checkTarget(ref: OutputRef, locale: Locale): void {
  const abs = resolve(ref.path);
  const stats = statOrUndefined(abs);
  if (stats) {
    if (stats.isDirectory()) throw new CliError(targetIsDirectory(ref, locale));
    if (!stats.isFile()) throw new CliError(targetNotRegularFile(ref, locale));
    checkWritable(abs, ref, locale);
    checkWritable(dirname(abs), ref, locale);
    return;
  }
  const { existing } = nearestExisting(abs);
  if (!statSync(existing).isDirectory()) throw new CliError(parentNotDirectory(ref, existing, locale));
  checkWritable(existing, ref, locale);
}

// Writes a run's outputs all or none. Each is written to a temporary file beside its target (same
// folder, so the final rename cannot cross disks), and only when every one is complete are they
// renamed into place. A failure on the way removes the temporary files and leaves every existing
// target as it was, so a full disk or a bad --json never costs the user a file; so does Ctrl-C
// (SIGINT) or SIGTERM while they are written, after which the run ends as interrupted.
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, renameSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { constants } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { FileRef } from "./messages";

/** The file operations the writer uses, injectable so a test can make one of them fail. */
export interface OutputFs {
  /** Creates the folder and any missing parents; returns the top folder it created, if any. */
  mkdir(path: string): string | undefined;
  /** Writes the text, given whole or as pieces to be written one after another. */
  writeFile(path: string, text: string | Iterable<string>): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  link(existing: string, newPath: string): void;
  copyFile(from: string, to: string): void;
  rmdir(path: string): void;
  exists(path: string): boolean;
}

/** Pieces are gathered up to this many characters before each write. */
const WRITE_CHUNK = 1 << 20;

function writeTextFile(path: string, text: string | Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    let pending = "";
    for (const piece of typeof text === "string" ? [text] : text) {
      pending += piece;
      if (pending.length >= WRITE_CHUNK) {
        writeSync(fd, pending, null, "utf8");
        pending = "";
      }
    }
    if (pending.length > 0) writeSync(fd, pending, null, "utf8");
  } finally {
    closeSync(fd);
  }
}

export const nodeOutputFs: OutputFs = {
  mkdir: (path) => mkdirSync(path, { recursive: true }),
  writeFile: writeTextFile,
  rename: renameSync,
  unlink: unlinkSync,
  link: linkSync,
  copyFile: copyFileSync,
  rmdir: rmdirSync,
  exists: existsSync,
};

export interface Output {
  ref: FileRef;
  /**
   * Writes the whole output into `tempPath`; the writer then moves it to ref.path. A long write
   * stops when `signal` is aborted (throwing its reason).
   */
  write(tempPath: string, fs: OutputFs, signal: AbortSignal): Promise<void> | void;
}

/** The signals that stop a run while it writes, with what the process then exits with (128 + the signal's number). */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** The run was stopped by a signal while writing: nothing was written, every existing target is as it was. */
export class Interrupted extends Error {
  readonly exitCode: number;
  constructor(readonly signal: (typeof STOP_SIGNALS)[number]) {
    super(`Interrupted by ${signal}`);
    this.exitCode = 128 + constants.signals[signal];
  }
}

/** Why the outputs were not written: the output concerned and the error met. */
export class OutputWriteError extends Error {
  constructor(
    readonly ref: FileRef,
    readonly cause: unknown,
  ) {
    super(`Cannot write ${ref.path}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

interface Staged {
  ref: FileRef;
  target: string;
  temp: string;
  /** A second name for the target's old content, to put it back should a later rename fail. */
  backup?: string;
  renamed?: boolean;
}

/** A hidden name beside the target that no other run picks: .name.<pid>.<random>.<ext>. */
function besidePath(target: string, ext: "tmp" | "bak"): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.${ext}`);
}

async function attempt<T>(ref: FileRef, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw e instanceof OutputWriteError || e instanceof Interrupted ? e : new OutputWriteError(ref, e);
  }
}

function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // Cleaning up after a failure: the failure itself is what gets reported.
  }
}

/** Keeps the target's content under a second name without copying it when the file system allows a hard link. */
function keepBackup(s: Staged, fs: OutputFs): void {
  const backup = besidePath(s.target, "bak");
  try {
    fs.link(s.target, backup);
  } catch {
    fs.copyFile(s.target, backup);
  }
  s.backup = backup;
}

/** Renames every temporary file into place; when one rename fails, the ones done are undone. */
async function commit(staged: Staged[], fs: OutputFs): Promise<void> {
  try {
    // The last rename has nothing after it that could fail, so its target needs no backup.
    for (const s of staged.slice(0, -1)) if (fs.exists(s.target)) await attempt(s.ref, () => keepBackup(s, fs));
    for (const s of staged) {
      await attempt(s.ref, () => fs.rename(s.temp, s.target));
      s.renamed = true;
    }
  } catch (e) {
    for (const s of staged.filter((x) => x.renamed).reverse()) {
      const backup = s.backup;
      if (backup === undefined) quietly(() => fs.unlink(s.target));
      else quietly(() => fs.rename(backup, s.target));
      s.backup = undefined;
    }
    throw e;
  } finally {
    for (const s of staged) if (s.backup !== undefined) quietly(() => fs.unlink(s.backup as string));
  }
}

/** Removes the folders a failed run created for its outputs, deepest first, as long as they are empty. */
function removeCreatedFolders(created: ReadonlyArray<{ top: string; deepest: string }>, fs: OutputFs): void {
  for (const { top, deepest } of [...created].reverse()) {
    for (let dir = deepest; ; dir = dirname(dir)) {
      try {
        fs.rmdir(dir);
      } catch {
        break;
      }
      if (dir === top || dirname(dir) === dir) break;
    }
  }
}

/**
 * Writes every output, or none: on failure throws an OutputWriteError naming the output, and on
 * SIGINT or SIGTERM meanwhile an Interrupted, with no temporary file left behind and every existing
 * target unchanged. The renames that put the outputs in place run without a pause, so a signal
 * comes either before them (nothing written) or after (everything written).
 */
export async function writeAllOrNothing(outputs: readonly Output[], fs: OutputFs = nodeOutputFs): Promise<void> {
  const staged: Staged[] = [];
  const created: Array<{ top: string; deepest: string }> = [];
  const stop = new AbortController();
  const onSignal = (signal: (typeof STOP_SIGNALS)[number]): void => {
    if (!stop.signal.aborted) stop.abort(new Interrupted(signal));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    for (const output of outputs) {
      stop.signal.throwIfAborted();
      const target = resolve(output.ref.path);
      const top = await attempt(output.ref, () => fs.mkdir(dirname(target)));
      if (top !== undefined) created.push({ top, deepest: dirname(target) });
      const s: Staged = { ref: output.ref, target, temp: besidePath(target, "tmp") };
      staged.push(s);
      await attempt(output.ref, () => output.write(s.temp, fs, stop.signal));
    }
    stop.signal.throwIfAborted();
    await commit(staged, fs);
  } catch (e) {
    for (const s of staged) if (!s.renamed && fs.exists(s.temp)) quietly(() => fs.unlink(s.temp));
    removeCreatedFolders(created, fs);
    throw e;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

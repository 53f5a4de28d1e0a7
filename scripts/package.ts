// `npm run package -- --base-url https://HOST/PATH/ [--out DIR]`: the add-in ready to host on an
// intranet HTTPS server: the production build (office.js included, see src/loader/officeLoader.ts)
// in a folder, a manifest.xml whose every URL points at the base URL, and the folder zipped beside it.
import archiver from "archiver";
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ORIGIN: DEV_ORIGIN } = require("../webpack.config.js") as { ORIGIN: string };

export const USAGE = "Usage: npm run package -- --base-url https://HOST/PATH/ [--out DIR]";

/** A mistake in what the user asked for: reported as its message alone, exit status 1. */
export class PackageError extends Error {}

/**
 * The base URL the add-in will be served from, as a folder URL (ends in "/"): HTTPS only, as Office
 * requires; with `httpToo` (WPS, which also loads add-ins over HTTP) http:// as well.
 */
export function parseBaseUrl(raw: string, httpToo = false): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PackageError(`--base-url "${raw}" is not a URL. Give the full address the add-in's folder will be served from, e.g. https://addins.example.cn/zone-rating/`);
  }
  if (httpToo && url.protocol !== "https:" && url.protocol !== "http:") {
    throw new PackageError(`--base-url must start with https:// or http:// (got "${raw}").`);
  }
  if (!httpToo && url.protocol !== "https:") {
    throw new PackageError(`--base-url must start with https:// (got "${raw}"): Office loads add-ins only over HTTPS.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PackageError(`--base-url "${raw}" must be a plain folder address, without ?query, #fragment or user name.`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** A folder name for the package made from the base URL: https://addins.example.cn:8443/zone-rating/ → addins.example.cn-8443-zone-rating. */
export function packageName(base: URL): string {
  return [base.hostname, base.port, ...base.pathname.split("/")].filter((part) => part !== "").join("-").replace(/[^A-Za-z0-9._-]/g, "_");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * The manifest with every address on the dev server moved under the base URL; an <AppDomain>, which
 * Office wants as a bare origin, becomes the base's origin. The manifest's own layout is kept, so
 * the packaged file reads like the one in the repository.
 */
export function rebaseManifest(manifestXml: string, base: URL): string {
  const devUrl = new RegExp(`(["'>])${DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/[^"'<]*)?(?=["'<])`, "g");
  let rebased = 0;
  const xml = manifestXml.replace(devUrl, (_, opening: string, path: string | undefined) => {
    rebased++;
    return opening + escapeXml(path ? new URL(path.slice(1), base).href : base.origin);
  });
  if (rebased === 0 || xml.includes(DEV_ORIGIN)) {
    throw new Error(`manifest.xml: expected its addresses on ${DEV_ORIGIN}, as the dev server serves them; cannot rebase it`);
  }
  return xml;
}

/** Refuses an output folder whose cleaning (webpack empties it) would delete someone's work: one not empty must hold `marker`, as an earlier package does. */
export function checkOutputFolder(out: string, marker = "manifest.xml"): void {
  const fromOut = relative(out, ROOT);
  // "" is the project itself; a path going down from `out` (no "..", not on another drive) means `out` holds it.
  if (fromOut === "" || (!fromOut.startsWith("..") && !isAbsolute(fromOut))) {
    throw new PackageError(`--out ${out} contains the project itself; choose a folder of its own, e.g. out/package/NAME`);
  }
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, marker))) {
    throw new PackageError(`--out ${out} is a folder with other files in it, and it would be emptied; choose a new folder`);
  }
}

/** The production build into `out`; `part` picks another part of webpack.config.js (`wps`). */
export function build(out: string, part?: string): void {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const env = part ? ["--env", part] : [];
  const result = spawnSync(process.execPath, [webpackCli, "--mode", "production", ...env, "--env", `outputPath=${out}`, "--stats", "errors-warnings"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`the production build failed (webpack exit status ${result.status ?? result.signal})`);
}

/** Zips the folder into zipFile, as one top folder of the same name. */
export function zipFolder(folder: string, zipFile: string): Promise<void> {
  return new Promise((done, fail) => {
    const output = createWriteStream(zipFile);
    const archive = archiver("zip", { zlib: { level: 9 } });
    output.on("close", done);
    archive.on("error", fail);
    archive.on("warning", fail);
    archive.pipe(output);
    // One top folder in the zip, so unpacking it makes the folder to host rather than scattering files.
    archive.directory(folder, basename(folder));
    void archive.finalize();
  });
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function folderStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** The folder as an indented tree; a folder with more than `collapseOver` entries is summed up in one line. */
export function formatTree(dir: string, collapseOver = 12, indent = ""): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || a.name.localeCompare(b.name));
  const lines: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) {
      lines.push(`${indent}${entry.name}  ${humanSize(statSync(path).size)}`);
      continue;
    }
    const inside = readdirSync(path);
    if (inside.length > collapseOver) {
      const { files, bytes } = folderStats(path);
      lines.push(`${indent}${entry.name}/  ${files} files, ${humanSize(bytes)}`);
    } else {
      lines.push(`${indent}${entry.name}/`, ...formatTree(path, collapseOver, `${indent}  `));
    }
  }
  return lines;
}

export interface PackageResult {
  folder: string;
  zip: string;
  manifest: string;
}

/** Where the package goes: `out`, or out/package/NAME; refuses a folder whose emptying would delete someone's work. */
export function outputFolder(base: URL, out?: string): string {
  const folder = resolve(out ?? join(ROOT, "out", "package", packageName(base)));
  checkOutputFolder(folder);
  return folder;
}

/** Builds the add-in into `folder` (emptied first), rebases its manifest on `base`, zips the folder beside it. */
export async function packageAddin(base: URL, folder: string): Promise<PackageResult> {
  checkOutputFolder(folder);
  process.stdout.write(`Building the add-in for ${base.href} …\n`);
  build(folder);
  const manifest = join(folder, "manifest.xml");
  writeFileSync(manifest, rebaseManifest(readFileSync(join(ROOT, "manifest.xml"), "utf8"), base));
  const zip = `${folder}.zip`;
  await zipFolder(folder, zip);
  return { folder, zip, manifest };
}

/** A package script's options: --base-url (required) and --out; undefined when --help printed the usage. */
export function packageArgs(argv: string[], usage: string): { baseUrl: string; out?: string } | undefined {
  const { values } = parseArgs({ args: argv, options: { "base-url": { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return undefined;
  }
  if (!values["base-url"]) throw new PackageError(`--base-url is required.\n${usage}`);
  return values.out === undefined ? { baseUrl: values["base-url"] } : { baseUrl: values["base-url"], out: values.out };
}

async function main(argv: string[]): Promise<void> {
  const args = packageArgs(argv, USAGE);
  if (!args) return;
  const base = parseBaseUrl(args.baseUrl);
  const { folder, zip, manifest } = await packageAddin(base, outputFolder(base, args.out));
  const shown = (path: string) => relative(process.cwd(), path) || ".";
  process.stdout.write(
    [
      `${shown(folder)}/`,
      ...formatTree(folder, 12, "  "),
      "",
      `Zip:      ${shown(zip)}  ${humanSize(statSync(zip).size)}`,
      `Manifest: ${shown(manifest)} (every URL under ${base.href})`,
      `Host the contents of ${basename(folder)}/ at ${base.href} (so that ${new URL("taskpane.html", base).href} opens), then`,
      `give Excel the manifest: see ${shown(join(ROOT, "docs", "intranet-deployment.zh-CN.md"))}.`,
      "",
    ].join("\n"),
  );
}

/** Ends a script that failed, exit status 1: the user's mistakes as their message (bad options with the usage), anything else with its stack. */
export function reportFailure(error: unknown, usage: string): void {
  const badArguments = error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
  if (error instanceof PackageError) process.stderr.write(`${error.message}\n`);
  else if (badArguments) process.stderr.write(`${error.message}\n${usage}\n`);
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => reportFailure(error, USAGE));
}

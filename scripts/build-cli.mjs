// Bundles the command line (src/cli/main.ts and all it imports) into build/cli/rate.js with esbuild,
// so `npm run rate` starts plain JavaScript instead of transpiling TypeScript at every start.
// `npm ci` builds it (prepare); `npm run rate` first runs this with --if-stale (prerate), which
// rebuilds only when a file the bundle was made from is newer than it: never stale, seldom rebuilt.
import { build } from "esbuild";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Two folders below the root, as src/cli/main.ts is: the sample is found at ../../samples from either.
const bundle = join(root, "build/cli/rate.js");
const inputsFile = join(root, "build/cli/inputs.json");

/** True when the bundle exists and no file it was made from (nor this script) changed since. */
function fresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
    return [fileURLToPath(import.meta.url), ...inputs.map((f) => join(root, f))].every((f) => statSync(f).mtimeMs <= built);
  } catch {
    // No bundle yet, or a file it was made from is gone.
    return false;
  }
}

if (!(process.argv.includes("--if-stale") && fresh())) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
}

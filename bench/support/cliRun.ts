// The command line as `npm run rate` runs it (node on the esbuild bundle), each run in a fresh
// process with reportPeakRss.mjs preloaded: its wall time, the CPU time it used (on a shared
// machine the wall time waits for other work too; the CPU time is the run's own), its peak
// resident set and the steps it put on its performance timeline.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const REPO = resolve(__dirname, "../..");
const BUNDLE = join(REPO, "build/cli/rate.js");
const PEAK = pathToFileURL(join(__dirname, "reportPeakRss.mjs")).href;

export interface MeasuredRun {
  status: number | null;
  stderr: string;
  ms: number;
  cpuMs: number;
  peakMiB: number;
  /** The steps the run put on its performance timeline, in order, with their milliseconds. */
  steps: Array<[string, number]>;
}

/** What `npm run rate` does first (prerate): the bundle rebuilt if a source is newer. */
export function buildCliIfStale(): void {
  const build = spawnSync(process.execPath, [join(REPO, "scripts/build-cli.mjs"), "--if-stale"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error(`building the command line's bundle exited ${build.status}`);
}

/** `npm run rate -- …args` as npm runs it after its prerate step, in `cwd`. */
export function runCliMeasured(args: readonly string[], cwd?: string): MeasuredRun {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", PEAK, BUNDLE, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const peak = /PEAK_RSS_KIB (\d+)/.exec(child.stderr);
  const cpu = /CPU_MS (\d+)/.exec(child.stderr);
  if (!peak || !cpu) throw new Error(`the run reported no peak memory or CPU time (exit ${child.status}): ${child.stderr}`);
  const steps = [...child.stderr.matchAll(/^MEASURE (\d+) (.*)$/gm)].map((m): [string, number] => [m[2], Number(m[1])]);
  return { status: child.status, stderr: child.stderr, ms, cpuMs: Number(cpu[1]), peakMiB: Number(peak[1]) / 1024, steps };
}

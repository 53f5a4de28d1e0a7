// The command line in a fresh process, with reportPeakRss preloaded: its wall time, its peak
// resident set and the CPU time it used (on a shared machine the wall time waits for other work
// too; the CPU time is the run's own).
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const REPO = resolve(__dirname, "../..");
const TSX = pathToFileURL(require.resolve("tsx")).href;
const PEAK = pathToFileURL(join(__dirname, "reportPeakRss.ts")).href;

export interface MeasuredRun {
  status: number | null;
  stderr: string;
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
}

export function runCliMeasured(args: readonly string[], cwd?: string): MeasuredRun {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", TSX, "--import", PEAK, join(REPO, "src/cli/main.ts"), ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /PEAK_RSS_KIB (\d+)/.exec(child.stderr);
  const cpu = /CPU_MS (\d+)/.exec(child.stderr);
  if (!peak || !cpu) throw new Error(`the run reported no peak memory or CPU time (exit ${child.status}): ${child.stderr}`);
  return { status: child.status, stderr: child.stderr, seconds, cpuSeconds: Number(cpu[1]) / 1000, peakMiB: Number(peak[1]) / 1024 };
}

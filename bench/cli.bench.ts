// The CLI end to end, as an official runs it (`npm run rate`: the esbuild bundle, .xlsx in → rated
// .xlsx out), each run in a fresh process so its peak resident set is its own: the bundle loading
// and doing nothing (the floor any run pays), the sample, the sample with a data validation over
// whole columns (what Excel writes when a user selects E:V and adds a rule), and 100,000 zones in a
// table as wide as the sample's, with and without --json, with where their time goes. The machine
// may be shared: each line of wall time has its process's CPU time beside it, which load moves less.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { report } from "./measure";
import { writeWideTable } from "./support/wideTable";

const REPO = resolve(__dirname, "..");
const SAMPLE = join(REPO, "samples/henan-zones-sample.xlsx");
const BUNDLE = join(REPO, "build/cli/rate.js");
const PEAK = pathToFileURL(join(__dirname, "support/reportPeakRss.mjs")).href;
const MIB = 1024 * 1024;

interface Run {
  ms: number;
  cpuMs: number;
  peakMiB: number;
  /** The steps the run put on its performance timeline, in order, with their milliseconds. */
  steps: Array<[string, number]>;
}

/** `npm run rate -- …args` as npm runs it after its prerate step: node on the bundle. */
function runCli(args: readonly string[]): Run {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", PEAK, BUNDLE, ...args], { encoding: "utf8", maxBuffer: 64 * MIB });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`rate ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const peak = /PEAK_RSS_KIB (\d+)/.exec(child.stderr);
  const cpu = /CPU_MS (\d+)/.exec(child.stderr);
  if (!peak || !cpu) throw new Error("the run reported no peak memory or CPU time");
  const steps = [...child.stderr.matchAll(/^MEASURE (\d+) (.*)$/gm)].map((m): [string, number] => [m[2], Number(m[1])]);
  return { ms, cpuMs: Number(cpu[1]), peakMiB: Number(peak[1]) / 1024, steps };
}

/** The median run of `times` by wall time. */
function medianRun(times: number, args: readonly string[]): Run {
  const runs = Array.from({ length: times }, () => runCli(args)).sort((a, b) => a.ms - b.ms);
  return runs[runs.length >> 1];
}

/** Where a run's time went, a line per step (each result sheet written is a step of its own). */
function printSteps(run: Run): void {
  for (const [name, ms] of run.steps) process.stdout.write(`    ${name.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s\n`);
}

/** The sample with one rule over whole columns C:V, as Excel stores it: a single sqref, not per cell. */
async function withWholeColumnValidation(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const sheet = Object.keys(zip.files).find((n) => /^\/?xl\/worksheets\/sheet1\.xml$/.test(n))!;
  const xml = await zip.file(sheet)!.async("string");
  const rule = '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="C1:V1048576"><formula1>0</formula1></dataValidation></dataValidations>';
  zip.file(sheet, xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "").replace("</sheetData>", `</sheetData>${rule}`));
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function main(): Promise<void> {
  // What `npm run rate` does first (prerate): the bundle rebuilt if a source is newer.
  spawnSync(process.execPath, [join(REPO, "scripts/build-cli.mjs"), "--if-stale"], { stdio: "inherit" });
  process.stdout.write(`load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(", ")}\n`);
  const dir = mkdtempSync(join(tmpdir(), "cli-bench-"));
  try {
    const floor = medianRun(5, ["--help"]);
    report({ name: "npm run rate: load the bundle, do nothing (median of 5)", value: floor.ms, unit: "ms" });
    report({ name: "  its CPU time", value: floor.cpuMs, unit: "ms" });
    const sample = medianRun(5, ["--out", join(dir, "sample-rated.xlsx")]);
    report({ name: "npm run rate: the sample, 180 zones (median of 5)", value: sample.ms, unit: "ms", target: 1000 });
    report({ name: "  its CPU time", value: sample.cpuMs, unit: "ms" });
    printSteps(sample);

    const validated = join(dir, "sample-whole-column-validation.xlsx");
    await withWholeColumnValidation(validated);
    const whole = medianRun(3, [validated, "--out", join(dir, "validated-rated.xlsx")]);
    // "About the time of the sample": within 1.5 times it.
    report({ name: "the sample with a whole-column validation (median of 3)", value: whole.ms, unit: "ms", target: 1.5 * sample.ms });

    const big = join(dir, "zones-100k.xlsx");
    await writeWideTable(big, 100_000);
    for (const json of [false, true]) {
      const label = json ? "100,000 zones, all the sample's columns, with --json" : "100,000 zones, all the sample's columns";
      const run = runCli([big, "--out", join(dir, "zones-100k-rated.xlsx"), ...(json ? ["--json", join(dir, "zones-100k.json")] : [])]);
      report({ name: label, value: run.ms / 1000, unit: "s", target: 60 });
      report({ name: "  its CPU time", value: run.cpuMs / 1000, unit: "s" });
      report({ name: "  its peak RSS", value: run.peakMiB, unit: "MiB", target: 1536 });
      printSteps(run);
    }
    process.stdout.write(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

// The CLI end to end, as an official runs it (`npm run rate`: the esbuild bundle, .xlsx in → rated
// .xlsx out), each run in a fresh process so its peak resident set is its own: the bundle loading
// and doing nothing (the floor any run pays), the sample, the sample with a data validation over
// whole columns (what Excel writes when a user selects E:V and adds a rule), 100,000 zones in a
// table as wide as the sample's, with and without --json, with where their time goes, and the rated
// workbook of them rated again with itself as last year's. The machine may be shared: each line of
// wall time has its process's CPU time beside it, which load moves less.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { report } from "./measure";
import { buildCliIfStale, runCliMeasured, type MeasuredRun } from "./support/cliRun";
import { writeWideTable } from "./support/wideTable";

const REPO = resolve(__dirname, "..");
const SAMPLE = join(REPO, "samples/henan-zones-sample.xlsx");

/** A run that must succeed. */
function runCli(args: readonly string[]): MeasuredRun {
  const run = runCliMeasured(args);
  if (run.status !== 0) throw new Error(`rate ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return run;
}

/** The median run of `times` by wall time. */
function medianRun(times: number, args: readonly string[]): MeasuredRun {
  const runs = Array.from({ length: times }, () => runCli(args)).sort((a, b) => a.ms - b.ms);
  return runs[runs.length >> 1];
}

/** Where a run's time went, a line per step (each result sheet written is a step of its own). */
function printSteps(run: MeasuredRun): void {
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
  buildCliIfStale();
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
    // The rated workbook within the reader's limits: rated again, its result sheets replaced, and
    // read back as last year's results (星级评定, 综合排名 of 100,000 rows).
    const rated = join(dir, "zones-100k-rated.xlsx");
    const again = runCli([rated, "--out", join(dir, "zones-100k-rerated.xlsx"), "--prev", rated]);
    report({ name: "the rated 100,000 zones rated again, it as last year's", value: again.ms / 1000, unit: "s", target: 120 });
    report({ name: "  its CPU time", value: again.cpuMs / 1000, unit: "s" });
    report({ name: "  its peak RSS", value: again.peakMiB, unit: "MiB", target: 2048 });
    printSteps(again);
    process.stdout.write(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

// The CLI end to end, as an official runs it (.xlsx in → rated .xlsx out), each run in a fresh
// process so its peak resident set is its own: 100,000 zones, the rated workbook of them rated
// again with itself as last year's, and the sample next to the same sample with a data validation
// over whole columns (what Excel writes when a user selects E:V and adds a rule), in one run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { writeLargeTable } from "../test/corpus/large";
import { report } from "./measure";
import { runCliMeasured } from "./support/cliRun";

const REPO = resolve(__dirname, "..");
const SAMPLE = join(REPO, "samples/henan-zones-sample.xlsx");

function runCli(input: string, out: string, extra: string[] = []): { ms: number; cpuSeconds: number; peakMiB: number } {
  const run = runCliMeasured([input, "--out", out, ...extra]);
  if (run.status !== 0) throw new Error(`rate ${input} exited ${run.status}: ${run.stderr}`);
  return { ms: run.seconds * 1000, cpuSeconds: run.cpuSeconds, peakMiB: run.peakMiB };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
  const dir = mkdtempSync(join(tmpdir(), "cli-bench-"));
  try {
    const validated = join(dir, "sample-whole-column-validation.xlsx");
    await withWholeColumnValidation(validated);
    const plain = [1, 2, 3].map(() => runCli(SAMPLE, join(dir, "plain-rated.xlsx")).ms);
    const whole = [1, 2, 3].map(() => runCli(validated, join(dir, "validated-rated.xlsx")).ms);
    report({ name: "rate the sample, 180 zones (median of 3)", value: median(plain), unit: "ms" });
    // "About the time of the sample": within 1.5 times it.
    report({ name: "rate the sample with a whole-column validation (median of 3)", value: median(whole), unit: "ms", target: 1.5 * median(plain) });

    const big = join(dir, "zones-100k.xlsx");
    await writeLargeTable(big, 100_000);
    const run = runCli(big, join(dir, "zones-100k-rated.xlsx"));
    report({ name: "rate 100,000 zones end to end (.xlsx in → rated .xlsx out)", value: run.ms / 1000, unit: "s", target: 60 });
    report({ name: "rate 100,000 zones end to end (CPU time)", value: run.cpuSeconds, unit: "s" });
    report({ name: "rate 100,000 zones end to end (peak RSS)", value: run.peakMiB, unit: "MiB", target: 1536 });
    // The rated workbook within the reader's limits: rated again, its result sheets replaced, and
    // read back as last year's results (星级评定, 综合排名 of 100,000 rows).
    const rated = join(dir, "zones-100k-rated.xlsx");
    const again = runCli(rated, join(dir, "zones-100k-rerated.xlsx"), ["--prev", rated]);
    report({ name: "rate the rated 100,000 zones again, it as last year's", value: again.ms / 1000, unit: "s", target: 120 });
    report({ name: "rate the rated 100,000 zones again (CPU time)", value: again.cpuSeconds, unit: "s" });
    report({ name: "rate the rated 100,000 zones again (peak RSS)", value: again.peakMiB, unit: "MiB", target: 2048 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

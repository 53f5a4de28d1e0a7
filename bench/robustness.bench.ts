// Robustness analysis (稳健性分析): 10,000 re-ratings of the sample's 180 zones in Node and, with
// the same bundled worker the pane runs, in headless Chromium; and the heap between draw 1,000 and
// draw 10,000 of one analysis, which stays flat because ranks are counted, not kept.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { analyseRobustness, type RobustnessOptions } from "../src/engine/robustness";
import type { Grid } from "../src/workbook/grid";
import { prepareRun } from "../src/workbook/read/prepare";
import type { RobustnessRequest } from "../src/taskpane/robustnessProtocol";
import { report } from "./measure";
import { chromiumWorkerMs } from "./robustnessChromium";

const RUNS = 10_000;
const REPEATS = 3;

function sampleRequest(options: RobustnessRequest["options"]): RobustnessRequest {
  const grids = JSON.parse(readFileSync(join(__dirname, "../samples/henan-zones-sample.json"), "utf8")) as Grid[];
  const prepared = prepareRun(grids, { locale: "zh-CN", presetId: "henan-2013" });
  if (!prepared.table || !prepared.rules || prepared.table.zones.length !== 180) throw new Error("the sample should give 180 zones and rules");
  return { table: prepared.table, rules: prepared.rules, options };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function nodeMs(request: RobustnessRequest): number {
  const t0 = performance.now();
  analyseRobustness(request.table, request.rules, request.options);
  return performance.now() - t0;
}

/** Live heap (after a full GC) at draw `at` of one analysis and at its end: what the analysis holds, not what it has freed. */
function heapGrowthMiB(request: RobustnessRequest, at: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc (npm run bench does)");
  let early = NaN;
  let late = NaN;
  const live = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const options: RobustnessOptions = {
    ...request.options,
    onProgress: (done, total) => {
      if (done === at) early = live();
      if (done === total) late = live();
    },
  };
  analyseRobustness(request.table, request.rules, options);
  return (late - early) / (1024 * 1024);
}

async function main(): Promise<void> {
  const request = sampleRequest({ runs: RUNS, seed: 1, weightShare: 0.2, varyMethods: false });
  const warmup = sampleRequest({ runs: 1_000, seed: 2, weightShare: 0.2, varyMethods: false });
  nodeMs(warmup);
  const node = median(Array.from({ length: REPEATS }, () => nodeMs(request)));
  report({ name: "robustness: 10,000 re-ratings of 180 zones, Node (median of 3)", value: node, unit: "ms", target: 2_000 });
  const varied = sampleRequest({ runs: RUNS, seed: 1, weightShare: 0.2, varyMethods: true });
  report({ name: "robustness: same, methods drawn too, Node", value: nodeMs(varied), unit: "ms", target: 2_000 });
  report({ name: "robustness: heap growth from draw 1,000 to 10,000", value: heapGrowthMiB(request, 1_000), unit: "MiB", target: 1 });

  const [, ...browser] = await chromiumWorkerMs([warmup, ...Array.from({ length: REPEATS }, () => request)]);
  const chromium = median(browser);
  report({ name: "robustness: 10,000 re-ratings, headless Chromium worker (median of 3)", value: chromium, unit: "ms", target: 4_000 });
  report({ name: "robustness: Chromium time ÷ Node time, same run", value: chromium / node, unit: "×", target: 2 });
  process.stdout.write(`Node ${Math.round(node)} ms, Chromium ${browser.map((t) => Math.round(t)).join(", ")} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

// The robustness analysis as a job with messages in and out: what the Web Worker runs, kept apart
// from the worker's global scope so it can be tested (and benchmarked) without one.
import { analyseRobustness, type RobustnessOptions, type RobustnessResult } from "../engine/robustness";
import type { Rules, ZoneTable } from "../engine/types";

/** The worker's script, built beside taskpane.html (webpack entry "robustness.worker"). */
export const ROBUSTNESS_WORKER_FILE = "robustness.worker.js";

export interface RobustnessRequest {
  table: ZoneTable;
  rules: Rules;
  options: Omit<RobustnessOptions, "onProgress">;
}

export type RobustnessReply =
  | { type: "progress"; done: number; total: number }
  /** elapsedMs: the analysis alone, without the messages' transfer. */
  | { type: "done"; result: RobustnessResult; elapsedMs: number }
  | { type: "failed"; message: string };

/** Runs the analysis, reporting progress, the result or the failure through `post`; never throws. */
export function runRobustnessJob(request: RobustnessRequest, post: (reply: RobustnessReply) => void, now: () => number = () => performance.now()): void {
  const start = now();
  try {
    const result = analyseRobustness(request.table, request.rules, { ...request.options, onProgress: (done, total) => post({ type: "progress", done, total }) });
    post({ type: "done", result, elapsedMs: now() - start });
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}

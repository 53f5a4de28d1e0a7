// The robustness analysis as a job with messages in and out: what the Web Worker runs, kept apart
// from the worker's global scope so it can be tested (and benchmarked) without one.
import { analyseRobustness } from "../engine/robustness";
import type { RobustnessReply, RobustnessRequest } from "./robustnessProtocol";

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

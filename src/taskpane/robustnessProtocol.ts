// The messages between the pane and the robustness worker, and the worker's file name: types and a
// constant only, so the pane's own bundle does not carry the engine that the worker runs.
import type { RobustnessOptions, RobustnessResult } from "../engine/robustness";
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

// The robustness analysis's settings on their own, free of the engine's code, so the task pane's
// first bundle can show the defaults without carrying the rating engine (which runs in a worker).
import type { NormMethod } from "./types";

export const ROBUSTNESS_DEFAULTS = { runs: 10_000, seed: 1, weightShare: 0.2, varyMethods: false, stableAt: 0.95, closeAt: 0.05 } as const;

/** The methods any indicator may be drawn with; `target` joins them only where a target is set. */
export const ALTERNATIVE_METHODS: readonly NormMethod[] = ["minmax", "p90cap", "zscore"];

/** What an analysis drew and where it drew its lines. */
export interface RobustnessSettings {
  runs: number;
  seed: number;
  weightShare: number;
  varyMethods: boolean;
  stableAt: number;
  closeAt: number;
}

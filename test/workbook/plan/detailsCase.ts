// The hand-worked case of 计算明细's tests: six zones, every normalisation method, a lower-is-better
// indicator and a missing value under the "mean" policy, with every reference worked out by hand
// from SPEC §4.1 in the comments.
import { rate } from "../../../src/engine";
import type { RatingResult, Rules } from "../../../src/engine/types";
import { dim, ind, rules, table, topAward, zone } from "../../engine/fixtures";

/**
 * scale 50: va (3 → 30 points, p90cap), tax (2 → 20 points, zscore);
 * green 30: energy (lower is better, p90cap → P10, 15 points), smart (minmax, 15 points);
 * cluster 20: leadShare (target 80, 20 points).
 * Awards (for the zone pages): the first two by composite, then the first by green points.
 */
export const CASE_RULES: Rules = rules(
  [
    dim("scale", 50, [ind("va", 3, "p90cap"), ind("tax", 2, "zscore")]),
    dim("green", 30, [ind("energy", 1, "p90cap"), ind("smart", 1, "minmax")]),
    dim("cluster", 20, [ind("leadShare", 1, "target", 80)]),
  ],
  { missingPolicy: "mean", awards: [topAward("strong", 2, { kind: "composite" }), topAward("advanced", 1, { kind: "dimensions", dimensions: ["green"] })] },
);

export const CASE_ZONES = [
  zone("甲", { va: 100, tax: 10, emp: 5, energy: 0.5, smart: 20, leadShare: 90 }, { city: "郑州" }),
  zone("乙", { va: 80, tax: 8, emp: 5, energy: 0.8, smart: 50, leadShare: 60 }, { city: "郑州" }),
  zone("丙", { va: 60, tax: 6, emp: 5, energy: 1.0, smart: 80, leadShare: 40 }, { city: "开封" }),
  zone("丁", { va: 40, tax: 4, emp: 5, energy: 1.2, smart: 35, leadShare: 80 }, { city: "开封" }),
  zone("戊", { va: 20, tax: 2, emp: 5, energy: 1.5, smart: 65, leadShare: 20 }, { city: "开封" }),
  zone("己", { va: 10, tax: 6, emp: 5, energy: 2.0, leadShare: 70 }, { city: "郑州" }),
];

/**
 * The references by hand:
 * - va sorted 10 20 40 60 80 100: P90 at position 0.9 × 5 = 4.5, between 80 and 100 → 90.
 * - tax 10 8 6 4 2 6: mean 36 / 6 = 6; squared deviations 16 4 0 4 16 0 = 40; SD = √(40 / 6) = √(20/3).
 * - energy sorted 0.5 0.8 1.0 1.2 1.5 2.0: P10 at position 0.5, between 0.5 and 0.8 → 0.65.
 * - smart (己 missing) 20 50 80 35 65: min 20, max 80; 己 scores the mean of the others' scores.
 * - leadShare: the target, 80.
 */
export const HAND = {
  vaP90: 90,
  taxMean: 6,
  taxSd: Math.sqrt(20 / 3),
  energyP10: 0.65,
  smartMin: 20,
  smartMax: 80,
  /** Scores of 甲 乙 丙 丁 戊: 0, 50, 100, 25, 75 → mean 50. */
  smartMissing: 50,
  leadTarget: 80,
  weights: { va: 30, tax: 20, energy: 15, smart: 15, leadShare: 20 },
};

/** The normalised score SPEC §4.1 defines, written out here apart from the engine. */
export function handScore(method: string, lowerIsBetter: boolean, x: number, ref1: number, ref2: number | null): number {
  const clip = (v: number): number => Math.min(100, Math.max(0, v));
  switch (method) {
    case "minmax":
      return ref2! > ref1 ? clip(((lowerIsBetter ? ref2! - x : x - ref1) / (ref2! - ref1)) * 100) : 100;
    case "p90cap":
      return lowerIsBetter ? (x <= 0 ? 100 : clip((ref1 / x) * 100)) : clip((x / ref1) * 100);
    case "zscore":
      return clip(50 + 10 * ((lowerIsBetter ? -1 : 1) * ((x - ref1) / ref2!)));
    default:
      return lowerIsBetter ? clip((ref1 / x) * 100) : clip((x / ref1) * 100);
  }
}

export function caseResult(): RatingResult {
  return rate(table(CASE_ZONES), CASE_RULES);
}

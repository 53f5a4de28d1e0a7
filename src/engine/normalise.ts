// Mapping one indicator's values onto 0–100 (SPEC §4.1).
import type { NormMethod } from "./types";
import type { Summary } from "./stats";

function clip(score: number): number {
  return score < 0 ? 0 : score > 100 ? 100 : score;
}

/** Higher is better: x / reference × 100, capped. A non-positive reference cannot scale, so meeting it scores 100. */
function ratioScore(x: number, reference: number): number {
  return reference > 0 ? clip((x / reference) * 100) : x >= reference ? 100 : 0;
}

/** Lower is better: reference / x × 100, capped; nothing beats a value of 0 or less. */
function inverseRatioScore(x: number, reference: number): number {
  return x <= 0 ? 100 : clip((reference / x) * 100);
}

/**
 * Score 0–100 of a present value x. Every method is non-decreasing in x for higher-is-better
 * indicators (and non-increasing for lower-is-better) even though x itself moves the statistics,
 * which is what keeps "raise your value, never lose points" true.
 */
export function normalise(x: number, method: NormMethod, stats: Summary, lowerIsBetter: boolean, target: number | undefined): number {
  switch (method) {
    case "minmax": {
      if (!(stats.max > stats.min)) return 100;
      // Halving first keeps a span between values of opposite sign (−1e308 to 1e308) finite.
      const half = !Number.isFinite(stats.max - stats.min);
      const [lo, hi, v] = half ? [stats.min / 2, stats.max / 2, x / 2] : [stats.min, stats.max, x];
      return clip(((lowerIsBetter ? hi - v : v - lo) / (hi - lo)) * 100);
    }
    case "p90cap":
      return lowerIsBetter ? inverseRatioScore(x, stats.p10) : ratioScore(x, stats.p90);
    case "zscore": {
      if (!(stats.sd > 0)) return 50;
      const z = (x - stats.mean) / stats.sd;
      return clip(50 + 10 * (lowerIsBetter ? -z : z));
    }
    case "target": {
      const t = target ?? NaN;
      if (!(t > 0)) return 0;
      return lowerIsBetter ? inverseRatioScore(x, t) : ratioScore(x, t);
    }
  }
}

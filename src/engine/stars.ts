// Star levels, status against last year and what the next star needs (SPEC §4.3).
import type { NextStar, StarRules, StarStatus, StarThresholds, ZoneInput } from "./types";
import { STAR_INDICATORS } from "./types";

/** Absorbs unit-conversion noise (7.4999999999 亿元 from 74,999.9999999 万元 meets 7.5). */
const EPS = 1e-9;

export const MAX_STARS = 6;

export interface StarOutcome {
  stars: number;
  belowGate: boolean;
  status: StarStatus;
  nextStar: NextStar | null;
}

/** A missing value (NaN) meets no threshold. */
function meets(values: StarThresholds, thresholds: StarThresholds, minMet: number): boolean {
  let met = 0;
  if (values.va + EPS >= thresholds.va) met++;
  if (values.tax + EPS >= thresholds.tax) met++;
  if (values.emp + EPS >= thresholds.emp) met++;
  return met >= minMet;
}

/**
 * Rounded to 1e-9 so float noise never shows as a shortfall; never negative and never -0. From
 * 2^53 nanounits up a double holds no fraction of a nanounit to round away, and scaling a
 * threshold in the 1e300s by 1e9 would overflow, so such a shortfall is kept as it is.
 */
function cleanShortfall(x: number): number {
  const nano = x * 1e9;
  const r = Math.abs(nano) < 2 ** 53 ? Math.round(nano) / 1e9 : x;
  return r > 0 ? r : 0;
}

function nextStarOf(values: StarThresholds, stars: number, rules: StarRules): NextStar | null {
  if (stars >= MAX_STARS) return null;
  const level = stars + 1;
  const thresholds = rules.levels[level - 1];
  if (!thresholds) return null;
  const shortfall: StarThresholds = { va: 0, tax: 0, emp: 0 };
  for (const key of STAR_INDICATORS) shortfall[key] = cleanShortfall(thresholds[key] - (Number.isNaN(values[key]) ? 0 : values[key]));
  return { level, shortfall };
}

function statusOf(stars: number, belowGate: boolean, prevStars: number | undefined, maxStars: number | undefined): StarStatus {
  if (belowGate) return "belowGate";
  if (prevStars === undefined) return "new";
  if (stars < prevStars) return "demoted";
  if (stars === prevStars) return "kept";
  // Without a history column nobody can say a promotion is a first, so it stays a plain promotion.
  if (maxStars !== undefined && stars > Math.max(maxStars, prevStars)) return "first";
  return "promoted";
}

function knownInteger(v: number | undefined): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** `values` holds the zone's va, tax and emp, NaN where missing. */
export function rateStars(zone: ZoneInput, values: StarThresholds, vetoed: boolean, rules: StarRules): StarOutcome {
  const minMet = rules.minIndicatorsMet;
  const belowGate = !meets(values, rules.gate, minMet);
  let stars = 0;
  if (!belowGate) {
    for (let i = Math.min(rules.levels.length, MAX_STARS) - 1; i >= 0; i--) {
      if (meets(values, rules.levels[i], minMet)) {
        stars = i + 1;
        break;
      }
    }
  }
  const prevStars = knownInteger(zone.prevStars);
  if (prevStars !== undefined && rules.maxStepPerYear !== null) stars = Math.min(stars, prevStars + rules.maxStepPerYear);
  // A vetoed zone gains nothing that year; one with no known level has nothing to keep.
  if (vetoed && rules.vetoBlocksPromotion) stars = Math.min(stars, prevStars ?? 0);
  return { stars, belowGate, status: statusOf(stars, belowGate, prevStars, knownInteger(zone.maxStars)), nextStar: nextStarOf(values, stars, rules) };
}

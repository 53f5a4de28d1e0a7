// Composite score: normalise each indicator, weight it inside its dimension, add the capped bonus
// and take off the penalty (SPEC §4.1). Missing values follow the rules' missing policy and warn.
import type { IndicatorKey, IndicatorReference, IndicatorScore, Issue, MissingPolicy, NormMethod, RawIndicatorKey, Rules, ZoneInput, ZoneTable } from "./types";
import { LOWER_IS_BETTER, divisorOf, extremeInput, inputsOf, isDerivedKey, rawValue } from "./indicators";
import type { IndicatorColumns } from "./columns";
import { sortedSum, summarise, type Summary } from "./stats";
import { normalise } from "./normalise";
import { MAX_MISSING_WARNINGS_PER_INDICATOR } from "./issueCodes";

export interface ZoneScores {
  dimensions: Record<string, number>;
  bonus: number;
  penalty: number;
  composite: number;
}

export interface ScoredIndicator {
  key: IndicatorKey;
  dimension: string;
  /** Points at most: the dimension's weight × this indicator's share of the dimension's relative weights. */
  weight: number;
  method: IndicatorScore["method"];
  raw: Float64Array;
  score: Float64Array;
  /** What the scores were computed from, for IndicatorReference. */
  stats: Summary;
  target: number | undefined;
}

export function nonNegative(v: number | undefined): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
}

/** The smallest normal double: below it a product has lost precision. */
const MIN_NORMAL = 2 ** -1022;

/**
 * Points an indicator can give: the dimension's weight × its share of the relative weights.
 * Multiplying before dividing keeps round weights round (40 × 12 / 40 = 12 exactly); where the
 * product leaves the normal double range (weights in the 1e200s, or the 1e-200s), dividing first
 * keeps it finite and exact to rounding, as the share is at most 1.
 */
export function pointsAtMost(dimensionWeight: number, weight: number, relativeTotal: number): number {
  if (!(relativeTotal > 0)) return 0;
  const product = dimensionWeight * weight;
  return product >= MIN_NORMAL && product <= Number.MAX_VALUE ? product / relativeTotal : dimensionWeight * (weight / relativeTotal);
}

/** Mean of the scores of zones that have the value (0 when none has); summed in sorted order for determinism. */
function meanOfPresent(raw: Float64Array, score: Float64Array, count: number): number {
  if (count === 0) return 0;
  const present = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < raw.length; i++) if (!Number.isNaN(raw[i])) present[k++] = score[i];
  return sortedSum(present.sort()) / count;
}

/**
 * Every zone's 0–100 score on one indicator under `method`, a missing value filled per the policy.
 * It depends on the data alone, never on a weight.
 */
export function scoreColumn(key: IndicatorKey, raw: Float64Array, stats: Summary, method: NormMethod, target: number | undefined, policy: MissingPolicy): Float64Array {
  const n = raw.length;
  const lower = LOWER_IS_BETTER.has(key);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) if (!Number.isNaN(raw[i])) score[i] = normalise(raw[i], method, stats, lower, target);
  if (stats.count < n) {
    const fill = policy === "mean" ? meanOfPresent(raw, score, stats.count) : 0;
    for (let i = 0; i < n; i++) if (Number.isNaN(raw[i])) score[i] = fill;
  }
  return score;
}

function scoreIndicators(columns: IndicatorColumns, rules: Rules): ScoredIndicator[] {
  const scored: ScoredIndicator[] = [];
  for (const dim of rules.dimensions) {
    let relativeTotal = 0;
    for (const ind of dim.indicators) relativeTotal += nonNegative(ind.weight);
    for (const ind of dim.indicators) {
      const raw = columns.of(ind.key);
      const stats = summarise(raw);
      const score = scoreColumn(ind.key, raw, stats, ind.method, ind.target, rules.missingPolicy);
      const weight = pointsAtMost(nonNegative(dim.weight), nonNegative(ind.weight), relativeTotal);
      scored.push({ key: ind.key, dimension: dim.key, weight, method: ind.method, raw, score, stats, target: ind.target });
    }
  }
  return scored;
}

interface MissingCause {
  code: "MISSING_VALUE" | "DERIVED_OUT_OF_RANGE";
  /** The input whose cell the warning points at. */
  input: RawIndicatorKey;
  /** That input's value, where it has one. */
  value?: number;
}

/**
 * Why a zone lacks a value: an input is blank, a divisor is 0, or both inputs are there and the
 * quotient left the double range (deriveValue), which names the out-of-range input.
 */
function missingCause(zone: ZoneInput, key: IndicatorKey): MissingCause {
  const inputs = inputsOf(key);
  const values = inputs.map((input) => rawValue(zone, input));
  const blank = values.indexOf(undefined);
  if (blank >= 0) return { code: "MISSING_VALUE", input: inputs[blank] };
  if (!isDerivedKey(key)) return { code: "MISSING_VALUE", input: key };
  const [a, b] = values as [number, number];
  if (b === 0) return { code: "MISSING_VALUE", input: divisorOf(key) };
  const input = extremeInput(key, a, b);
  return { code: "DERIVED_OUT_OF_RANGE", input, value: input === inputs[0] ? a : b };
}

/**
 * MISSING_COLUMN once per indicator whose columns are absent; otherwise MISSING_VALUE (or
 * DERIVED_OUT_OF_RANGE) per zone,
 * bounded, walking zones in `order` (the ranking) so the list does not depend on row order.
 */
export function missingValueIssues(table: ZoneTable, rules: Rules, scored: readonly ScoredIndicator[], order: readonly number[]): Issue[] {
  const issues: Issue[] = [];
  const present = new Set<RawIndicatorKey>(table.columns.indicators);
  const seen = new Set<IndicatorKey>();
  const policy = rules.missingPolicy;
  for (const ind of scored) {
    if (seen.has(ind.key)) continue;
    seen.add(ind.key);
    const absent = inputsOf(ind.key).filter((k) => !present.has(k));
    if (absent.length > 0) {
      issues.push({ severity: "warning", code: "MISSING_COLUMN", params: { indicator: ind.key, policy, columns: absent.join(",") } });
      continue;
    }
    let count = 0;
    for (const i of order) {
      if (!Number.isNaN(ind.raw[i])) continue;
      count++;
      if (count > MAX_MISSING_WARNINGS_PER_INDICATOR) continue;
      const zone = table.zones[i];
      const cause = missingCause(zone, ind.key);
      const params: Record<string, string | number> = { indicator: ind.key, policy, input: cause.input };
      if (cause.value !== undefined) params.value = cause.value;
      const issue: Issue = { severity: "warning", code: cause.code, zone: zone.zone, params };
      if (zone.source) {
        issue.sheet = zone.source.sheet;
        const cell = zone.source.cells[cause.input];
        if (cell !== undefined) issue.cell = cell;
      }
      issues.push(issue);
    }
    if (count > MAX_MISSING_WARNINGS_PER_INDICATOR) {
      issues.push({ severity: "warning", code: "MISSING_VALUE_MORE", params: { indicator: ind.key, policy, count: count - MAX_MISSING_WARNINGS_PER_INDICATOR } });
    }
  }
  return issues;
}

/** Scores of every zone, in table order, and each scored indicator's raw values and scores. */
export function scoreZones(table: ZoneTable, rules: Rules, columns: IndicatorColumns): { scores: ZoneScores[]; scored: ScoredIndicator[] } {
  const zones = table.zones;
  const scored = scoreIndicators(columns, rules);
  const dimIndex = new Map(rules.dimensions.map((d, k) => [d.key, k]));
  const dimOf = Int32Array.from(scored, (ind) => dimIndex.get(ind.dimension) ?? 0);
  const points = new Float64Array(rules.dimensions.length);
  const bonusCap = nonNegative(rules.bonusCap);
  const scores: ZoneScores[] = new Array(zones.length);
  for (let i = 0; i < zones.length; i++) {
    points.fill(0);
    let composite = 0;
    for (let j = 0; j < scored.length; j++) {
      const ind = scored[j];
      const contribution = (ind.score[i] / 100) * ind.weight;
      points[dimOf[j]] += contribution;
      composite += contribution;
    }
    // Keyed by the rules' dimension keys, which are user text: no prototype to collide with.
    const dimensions = Object.create(null) as Record<string, number>;
    for (let k = 0; k < rules.dimensions.length; k++) dimensions[rules.dimensions[k].key] = points[k];
    const bonus = Math.min(nonNegative(zones[i].bonus), bonusCap);
    const penalty = nonNegative(zones[i].penalty);
    scores[i] = { dimensions, bonus, penalty, composite: composite + bonus - penalty };
  }
  return { scores, scored };
}

/** Zone i's path from raw value to points, indicator by indicator, in rule order. */
export function indicatorScores(scored: readonly ScoredIndicator[], i: number): IndicatorScore[] {
  return scored.map((ind) => {
    const raw = ind.raw[i];
    const missing = Number.isNaN(raw);
    const score = ind.score[i];
    return { key: ind.key, dimension: ind.dimension, raw: missing ? null : raw, missing, score, weight: ind.weight, contribution: (score / 100) * ind.weight, method: ind.method };
  });
}

function statOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The fill every zone without the value got (scoreColumn gives them all the same), or null when every zone has it. */
function missingScoreOf(ind: ScoredIndicator): number | null {
  for (let i = 0; i < ind.raw.length; i++) if (Number.isNaN(ind.raw[i])) return ind.score[i];
  return null;
}

/** Each scored indicator's statistics, target and missing score, in rule order. */
export function indicatorReferences(scored: readonly ScoredIndicator[]): IndicatorReference[] {
  return scored.map((ind) => ({
    key: ind.key,
    dimension: ind.dimension,
    method: ind.method,
    lowerIsBetter: LOWER_IS_BETTER.has(ind.key),
    weight: ind.weight,
    count: ind.stats.count,
    min: statOrNull(ind.stats.min),
    max: statOrNull(ind.stats.max),
    mean: statOrNull(ind.stats.mean),
    sd: statOrNull(ind.stats.sd),
    p10: statOrNull(ind.stats.p10),
    p90: statOrNull(ind.stats.p90),
    target: ind.method === "target" && ind.target !== undefined && Number.isFinite(ind.target) ? ind.target : null,
    missingScore: missingScoreOf(ind),
  }));
}

// Composite score: normalise each indicator, weight it inside its dimension, add the capped bonus
// and take off the penalty (SPEC §4.1). Missing values follow the rules' missing policy and warn.
import type { DerivedIndicatorKey, IndicatorKey, IndicatorScore, Issue, RawIndicatorKey, Rules, ZoneInput, ZoneTable } from "./types";
import { DERIVED_INPUTS, LOWER_IS_BETTER, indicatorValue, inputsOf, isDerivedKey, rawValue } from "./indicators";
import { sortedSum, summarise } from "./stats";
import { normalise } from "./normalise";
import { MAX_MISSING_WARNINGS_PER_INDICATOR } from "./issueCodes";

export interface ZoneScores {
  indicators: IndicatorScore[];
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
}

function nonNegative(v: number | undefined): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
}

/** Mean of the scores of zones that have the value (0 when none has); summed in sorted order for determinism. */
function meanOfPresent(raw: Float64Array, score: Float64Array, count: number): number {
  if (count === 0) return 0;
  const present = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < raw.length; i++) if (!Number.isNaN(raw[i])) present[k++] = score[i];
  return sortedSum(present.sort()) / count;
}

function scoreIndicators(zones: ZoneInput[], derived: Partial<Record<DerivedIndicatorKey, number>>[], rules: Rules): ScoredIndicator[] {
  const n = zones.length;
  const scored: ScoredIndicator[] = [];
  for (const dim of rules.dimensions) {
    let relativeTotal = 0;
    for (const ind of dim.indicators) relativeTotal += nonNegative(ind.weight);
    for (const ind of dim.indicators) {
      const raw = new Float64Array(n);
      for (let i = 0; i < n; i++) raw[i] = indicatorValue(zones[i], derived[i], ind.key) ?? NaN;
      const stats = summarise(raw);
      const lower = LOWER_IS_BETTER.has(ind.key);
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) if (!Number.isNaN(raw[i])) score[i] = normalise(raw[i], ind.method, stats, lower, ind.target);
      if (stats.count < n) {
        const fill = rules.missingPolicy === "mean" ? meanOfPresent(raw, score, stats.count) : 0;
        for (let i = 0; i < n; i++) if (Number.isNaN(raw[i])) score[i] = fill;
      }
      const share = relativeTotal > 0 ? nonNegative(ind.weight) / relativeTotal : 0;
      scored.push({ key: ind.key, dimension: dim.key, weight: nonNegative(dim.weight) * share, method: ind.method, raw, score });
    }
  }
  return scored;
}

/** The input that makes a zone's value missing: the blank one, else the divisor that is 0. */
function missingInput(zone: ZoneInput, key: IndicatorKey): RawIndicatorKey {
  for (const input of inputsOf(key)) if (rawValue(zone, input) === undefined) return input;
  return isDerivedKey(key) ? DERIVED_INPUTS[key].divisor : key;
}

/**
 * MISSING_COLUMN once per indicator whose columns are absent; otherwise MISSING_VALUE per zone,
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
      const input = missingInput(zone, ind.key);
      const issue: Issue = { severity: "warning", code: "MISSING_VALUE", zone: zone.zone, params: { indicator: ind.key, policy, input } };
      if (zone.source) {
        issue.sheet = zone.source.sheet;
        const cell = zone.source.cells[input];
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
export function scoreZones(table: ZoneTable, rules: Rules, derived: Partial<Record<DerivedIndicatorKey, number>>[]): { scores: ZoneScores[]; scored: ScoredIndicator[] } {
  const zones = table.zones;
  const scored = scoreIndicators(zones, derived, rules);
  const scores: ZoneScores[] = new Array(zones.length);
  for (let i = 0; i < zones.length; i++) {
    const dimensions: Record<string, number> = {};
    for (const dim of rules.dimensions) dimensions[dim.key] = 0;
    const indicators: IndicatorScore[] = new Array(scored.length);
    let points = 0;
    for (let j = 0; j < scored.length; j++) {
      const ind = scored[j];
      const raw = ind.raw[i];
      const missing = Number.isNaN(raw);
      const contribution = (ind.score[i] / 100) * ind.weight;
      dimensions[ind.dimension] += contribution;
      points += contribution;
      indicators[j] = { key: ind.key, dimension: ind.dimension, raw: missing ? null : raw, missing, score: ind.score[i], weight: ind.weight, contribution, method: ind.method };
    }
    const bonus = Math.min(nonNegative(zones[i].bonus), nonNegative(rules.bonusCap));
    const penalty = nonNegative(zones[i].penalty);
    scores[i] = { indicators, dimensions, bonus, penalty, composite: points + bonus - penalty };
  }
  return { scores, scored };
}

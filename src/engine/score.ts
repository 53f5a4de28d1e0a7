// Composite score: normalise each indicator, weight it inside its dimension, add the capped bonus
// and take off the penalty (SPEC §4.1). Missing values follow the rules' missing policy and warn.
import type { IndicatorKey, IndicatorScore, Issue, RawIndicatorKey, Rules, ZoneInput, ZoneTable } from "./types";
import { LOWER_IS_BETTER, divisorOf, inputsOf, isDerivedKey, rawValue } from "./indicators";
import type { IndicatorColumns } from "./columns";
import { sortedSum, summarise } from "./stats";
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

function scoreIndicators(columns: IndicatorColumns, rules: Rules): ScoredIndicator[] {
  const n = columns.size;
  const scored: ScoredIndicator[] = [];
  for (const dim of rules.dimensions) {
    let relativeTotal = 0;
    for (const ind of dim.indicators) relativeTotal += nonNegative(ind.weight);
    for (const ind of dim.indicators) {
      const raw = columns.of(ind.key);
      const stats = summarise(raw);
      const lower = LOWER_IS_BETTER.has(ind.key);
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) if (!Number.isNaN(raw[i])) score[i] = normalise(raw[i], ind.method, stats, lower, ind.target);
      if (stats.count < n) {
        const fill = rules.missingPolicy === "mean" ? meanOfPresent(raw, score, stats.count) : 0;
        for (let i = 0; i < n; i++) if (Number.isNaN(raw[i])) score[i] = fill;
      }
      // Multiplying before dividing keeps round weights round (40 × 12 / 40 = 12 exactly).
      const weight = relativeTotal > 0 ? (nonNegative(dim.weight) * nonNegative(ind.weight)) / relativeTotal : 0;
      scored.push({ key: ind.key, dimension: dim.key, weight, method: ind.method, raw, score });
    }
  }
  return scored;
}

/** The input that makes a zone's value missing: the blank one, else the divisor that is 0. */
function missingInput(zone: ZoneInput, key: IndicatorKey): RawIndicatorKey {
  for (const input of inputsOf(key)) if (rawValue(zone, input) === undefined) return input;
  return isDerivedKey(key) ? divisorOf(key) : key;
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
    const dimensions: Record<string, number> = {};
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

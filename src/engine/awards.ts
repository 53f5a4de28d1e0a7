// Award lists (SPEC §4.5): eligibility, exclusivity in rule order, the tie-break chain
// metric → composite → va → tax, and the unsplittable last-place tie.
import type { AwardList, AwardMetric, AwardRule, Issue, Rules, ZoneInput, ZoneResult } from "./types";
import { TIE_EPSILON, byName } from "./ranking";
import { rawValue } from "./indicators";

interface Candidate {
  zone: ZoneResult;
  metric: number;
  va: number;
  tax: number;
}

/** A missing va or tax ranks last in the chain. */
function chainValue(v: number | undefined): number {
  return v === undefined ? -Infinity : v;
}

function compareDesc(a: number, b: number): number {
  if (a === b || Math.abs(a - b) <= TIE_EPSILON) return 0;
  return a > b ? -1 : 1;
}

function compareChain(a: Candidate, b: Candidate): number {
  return compareDesc(a.metric, b.metric) || compareDesc(a.zone.composite, b.zone.composite) || compareDesc(a.va, b.va) || compareDesc(a.tax, b.tax);
}

type MetricUsed = AwardList["metricUsed"];

function metricOf(metric: AwardMetric, hasPrevRankColumn: boolean): { used: MetricUsed; value: (z: ZoneResult) => number | null } {
  switch (metric.kind) {
    case "composite":
      return { used: "composite", value: (z) => z.composite };
    case "rankChange":
      return hasPrevRankColumn ? { used: "rankChange", value: (z) => z.rankChange } : { used: "vaGrowth", value: (z) => z.derived.vaGrowth ?? null };
    case "dimensions":
      return {
        used: "dimensions",
        value: (z) => {
          let sum = 0;
          for (const key of metric.dimensions) sum += z.dimensions[key] ?? 0;
          return sum;
        },
      };
  }
}

export interface AwardOutcome {
  lists: AwardList[];
  prizeTotalYuan: number;
  issues: Issue[];
}

/** The award's key, and its names so a message can say 十强 rather than "strong". */
function awardParams(rule: AwardRule): Record<string, string> {
  return { award: rule.key, awardZh: rule.nameZh, awardEn: rule.nameEn };
}

function list(rule: AwardRule, zones: string[], tieAtLastPlace: boolean, metricUsed: MetricUsed): AwardList {
  return { key: rule.key, nameZh: rule.nameZh, nameEn: rule.nameEn, prizeYuan: rule.prizeYuan, zones, tieAtLastPlace, metricUsed };
}

/**
 * The count-th largest value (NaN entries left out; count ≥ 1 and below the number present), kept
 * in a small ascending buffer of the best so far: the robustness analysis asks this thousands of
 * times, where sorting every value each time would dominate.
 */
function countThLargest(values: Float64Array, count: number): number {
  const best = new Float64Array(count).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > best[0])) continue;
    let k = 0;
    while (k + 1 < count && best[k + 1] < v) {
      best[k] = best[k + 1];
      k++;
    }
    best[k] = v;
  }
  return best[0];
}

/**
 * The metric of each open zone (NaN where closed or without a value), and the lowest value that can
 * still win: the count-th best less the tie tolerance. Only zones at or above it become candidates,
 * so on a large table the chain sort runs over a handful instead of every zone.
 */
function contenders(ranked: ZoneResult[], inputs: ZoneInput[], open: (z: ZoneResult) => boolean, value: (z: ZoneResult) => number | null, count: number): Candidate[] {
  const metrics = new Float64Array(ranked.length);
  let present = 0;
  for (let i = 0; i < ranked.length; i++) {
    const v = open(ranked[i]) ? value(ranked[i]) : null;
    metrics[i] = v === null || !Number.isFinite(v) ? NaN : v;
    if (!Number.isNaN(metrics[i])) present++;
  }
  const cutoff = present > count ? countThLargest(metrics, count) - 2 * TIE_EPSILON : -Infinity;
  const candidates: Candidate[] = [];
  for (let i = 0; i < ranked.length; i++) {
    if (!(metrics[i] >= cutoff)) continue;
    candidates.push({ zone: ranked[i], metric: metrics[i], va: chainValue(rawValue(inputs[i], "va")), tax: chainValue(rawValue(inputs[i], "tax")) });
  }
  return candidates;
}

/** Picks the winners of one "top" award from candidates in rank order; takes in an unsplittable last-place tie. */
function pickTop(candidates: Candidate[], count: number): { winners: Candidate[]; tiedAtLast: Candidate[] } {
  if (!(count >= 1)) return { winners: [], tiedAtLast: [] };
  // Candidates arrive in rank order (deterministic), and the sort is stable, so the name decides only true ties.
  const sorted = candidates.sort((a, b) => compareChain(a, b) || byName(a.zone.zone, b.zone.zone));
  if (sorted.length <= count) return { winners: sorted, tiedAtLast: [] };
  const last = sorted[count - 1];
  let end = count;
  while (end < sorted.length && compareChain(last, sorted[end]) === 0) end++;
  if (end === count) return { winners: sorted.slice(0, count), tiedAtLast: [] };
  let start = count - 1;
  while (start > 0 && compareChain(sorted[start - 1], last) === 0) start--;
  return { winners: sorted.slice(0, end), tiedAtLast: sorted.slice(start, end) };
}

/**
 * Assigns every award to `ranked` (zones in rank order; `inputs[i]` is the input row of `ranked[i]`)
 * and records each title on its zone.
 * Eligible: not vetoed and not below the gate. An exclusive award skips zones an earlier exclusive
 * award already took, so the next zone moves up.
 */
export function assignAwards(ranked: ZoneResult[], inputs: ZoneInput[], rules: Rules, hasPrevRankColumn: boolean): AwardOutcome {
  const lists: AwardList[] = [];
  const issues: Issue[] = [];
  const titled = new Set<ZoneResult>();
  let prizeTotalYuan = 0;
  for (const rule of rules.awards) {
    const open = (z: ZoneResult): boolean => !z.vetoed && !z.belowGate && !(rule.exclusive && titled.has(z));
    let winners: ZoneResult[];
    let award: AwardList;
    if (rule.selection.kind === "firstStar") {
      winners = ranked.filter((z) => open(z) && z.starStatus === "first");
      award = list(rule, winners.map((z) => z.zone), false, "firstStar");
    } else {
      const metric = metricOf(rule.selection.metric, hasPrevRankColumn);
      if (metric.used === "vaGrowth") issues.push({ severity: "warning", code: "FAST_FALLBACK_GROWTH", params: awardParams(rule) });
      const picked = pickTop(contenders(ranked, inputs, open, metric.value, rule.selection.count), rule.selection.count);
      winners = picked.winners.map((c) => c.zone);
      const tie = picked.tiedAtLast.length > 0;
      if (tie) issues.push({ severity: "warning", code: "AWARD_TIE_LAST_PLACE", params: { ...awardParams(rule), zones: picked.tiedAtLast.map((c) => c.zone.zone).join(",") } });
      award = list(rule, winners.map((z) => z.zone), tie, metric.used);
    }
    for (const z of winners) {
      z.awards.push(rule.key);
      if (rule.exclusive) titled.add(z);
    }
    prizeTotalYuan += winners.length * rule.prizeYuan;
    lists.push(award);
  }
  return { lists, prizeTotalYuan, issues };
}

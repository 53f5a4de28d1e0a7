// 达标情况: each zone against the targets the rules score by method "target" (the 2019 action plan's
// 亩均税收 15 万元/亩, 能耗年均下降 4 %, 智能化改造普及率 60 %), met or not and by how much.
import type { ExitRule, IndicatorKey, Issue, Provenance, RatingResult, Rules } from "./types";
import { isIndicatorKey, LOWER_IS_BETTER } from "./indicators";

/** Absorbs unit-conversion noise, as the star thresholds do. */
const EPS = 1e-9;

export interface TargetDef {
  key: IndicatorKey;
  /** The figure that counts this year (an interim one where the rules give one for the year). */
  value: number;
  lowerIsBetter: boolean;
  /** An interim target for this year stands in for the indicator's own. */
  interim: boolean;
  provenance: Provenance;
}

export interface TargetCheck {
  key: IndicatorKey;
  /** null where the zone has no value. */
  value: number | null;
  target: number;
  met: boolean | null;
  /** How far beyond (positive) or short of (negative) the target, in the indicator's unit. */
  margin: number | null;
}

export interface ZoneTargets {
  zone: string;
  city: string;
  rank: number;
  checks: TargetCheck[];
  metCount: number;
}

export interface TargetCount {
  key: IndicatorKey;
  met: number;
  notMet: number;
  missing: number;
}

export interface TargetAttainment {
  year?: number;
  targets: TargetDef[];
  /** In rank order. */
  zones: ZoneTargets[];
  counts: TargetCount[];
  /** Zones that meet every target. */
  allMet: number;
}

/** Every indicator the rules score against a target, once, with the year's interim figure where there is one. */
export function targetsOf(rules: Rules, year: number | undefined): TargetDef[] {
  const out: TargetDef[] = [];
  for (const dim of rules.dimensions) {
    for (const ind of dim.indicators) {
      if (ind.method !== "target" || ind.target === undefined || out.some((t) => t.key === ind.key)) continue;
      const interim = year === undefined ? undefined : rules.interimTargets?.find((t) => t.key === ind.key && t.year === year);
      out.push({
        key: ind.key,
        value: interim?.value ?? ind.target,
        lowerIsBetter: LOWER_IS_BETTER.has(ind.key),
        interim: interim !== undefined,
        provenance: interim?.provenance ?? ind.provenance,
      });
    }
  }
  return out;
}

function check(def: TargetDef, value: number | null): TargetCheck {
  if (value === null) return { key: def.key, value, target: def.value, met: null, margin: null };
  const margin = def.lowerIsBetter ? def.value - value : value - def.value;
  return { key: def.key, value, target: def.value, met: margin + EPS >= 0, margin };
}

/** 达标情况 of every zone of the result; empty when the rules score nothing against a target. */
export function targetAttainment(result: RatingResult): TargetAttainment {
  const targets = targetsOf(result.rules, result.year);
  const counts: TargetCount[] = targets.map((t) => ({ key: t.key, met: 0, notMet: 0, missing: 0 }));
  let allMet = 0;
  const zones = targets.length === 0 ? [] : result.zones.map((z): ZoneTargets => {
    const checks = targets.map((t, i) => {
      const c = check(t, z.indicators.find((s) => s.key === t.key)?.raw ?? null);
      if (c.met === null) counts[i].missing++;
      else if (c.met) counts[i].met++;
      else counts[i].notMet++;
      return c;
    });
    const metCount = checks.filter((c) => c.met === true).length;
    if (metCount === targets.length) allMet++;
    return { zone: z.zone, city: z.city, rank: z.rank, checks, metCount };
  });
  const out: TargetAttainment = { targets, zones, counts, allMet };
  if (result.year !== undefined) out.year = result.year;
  return out;
}

const PROVENANCES: ReadonlySet<string> = new Set(["official", "otherProvince", "inferred"]);

function isWhole(v: unknown, min: number): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= min;
}

function badOption(path: string, value: unknown, min?: number, max?: number): Issue {
  const params: Record<string, string | number> = { path, value: typeof value === "number" && Number.isFinite(value) ? value : String(value) };
  if (min !== undefined) params.min = min;
  if (max !== undefined) params.max = max;
  return { severity: "error", code: "RULES_BAD_OPTION", params };
}

function checkExit(exit: ExitRule, out: Issue[]): void {
  if (typeof exit !== "object" || exit === null) {
    out.push(badOption("exit", exit));
    return;
  }
  if (!isWhole(exit.bottomN, 1)) out.push(badOption("exit.bottomN", exit.bottomN, 1));
  if (!isWhole(exit.window, 1)) out.push(badOption("exit.window", exit.window, 1));
  else if (!isWhole(exit.times, 1) || exit.times > exit.window) out.push(badOption("exit.times", exit.times, 1, exit.window));
  if (!PROVENANCES.has(exit.provenance)) out.push({ severity: "error", code: "RULES_BAD_PROVENANCE", params: { path: "exit.provenance", value: String(exit.provenance) } });
}

/** The year-cycle parts of a rule set (exit rule, interim targets), checked like the rest by validateRules. */
export function validateYearCycleRules(rules: Rules): Issue[] {
  const out: Issue[] = [];
  if (rules.exit !== undefined) checkExit(rules.exit, out);
  if (rules.interimTargets === undefined) return out;
  if (!Array.isArray(rules.interimTargets)) return [...out, badOption("interimTargets", rules.interimTargets)];
  rules.interimTargets.forEach((t, i) => {
    const path = `interimTargets.${i}`;
    if (typeof t !== "object" || t === null) {
      out.push(badOption(path, t));
      return;
    }
    if (!isIndicatorKey(t.key)) out.push({ severity: "error", code: "RULES_UNKNOWN_INDICATOR", params: { path: `${path}.key`, value: String(t.key) } });
    if (!isWhole(t.year, 1900)) out.push(badOption(`${path}.year`, t.year, 1900));
    if (!(typeof t.value === "number" && Number.isFinite(t.value) && t.value > 0)) out.push({ severity: "error", code: "RULES_TARGET_MISSING", params: { path: `${path}.value`, indicator: String(t.key), value: String(t.value) } });
    if (!PROVENANCES.has(t.provenance)) out.push({ severity: "error", code: "RULES_BAD_PROVENANCE", params: { path: `${path}.provenance`, value: String(t.provenance) } });
  });
  return out;
}

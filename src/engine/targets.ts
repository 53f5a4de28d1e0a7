// 达标情况: each zone against the targets the rules score by method "target" (the 2019 action plan's
// 亩均税收 15 万元/亩, 能耗年均下降 4 %, 智能化改造普及率 60 %), met or not and by how much.
import type { IndicatorKey, Provenance, RatingResult, Rules } from "./types";
import { LOWER_IS_BETTER } from "./indicators";

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

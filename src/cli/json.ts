// The machine-readable result of a run (SPEC §6), built as a plain value so it can be tested
// without running the command line.
import type { Issue, RatingResult, StarStatus, StarThresholds } from "../engine/types";
import type { RobustnessResult, RobustnessSettings } from "../engine/robustness";

export interface JsonIssue {
  severity: Issue["severity"];
  sheet: string | null;
  cell: string | null;
  code: string;
  message: string;
}

export interface JsonZone {
  zone: string;
  city: string;
  composite: number;
  rank: number;
  cityRank: number;
  rankChange: number | null;
  stars: number;
  prevStars: number | null;
  starStatus: StarStatus;
  dimensions: Record<string, number>;
  awards: string[];
  vetoed: boolean;
  nextStar: { level: number; shortfall: StarThresholds } | null;
  /** Only when the robustness analysis was asked for (--robustness N). */
  robustness?: JsonZoneRobustness;
}

export interface JsonZoneRobustness {
  medianRank: number;
  rankP5: number;
  rankP95: number;
  /** By award key, rounded to 4 decimals. */
  awardProbability: Record<string, number>;
  anyAwardProbability: number;
}

/** The analysis's settings and each award's stable, borderline and close zones. */
export interface JsonRobustness extends RobustnessSettings {
  awards: Record<string, { stable: string[]; borderline: string[]; close: string[] }>;
}

export interface JsonResult {
  rules: string;
  year: number | null;
  zoneCount: number;
  zones: JsonZone[];
  awards: Record<string, string[]>;
  prizeTotalYuan: number;
  starCounts: Record<string, number>;
  issues: JsonIssue[];
  robustness?: JsonRobustness;
}

const STAR_LEVELS = ["0", "1", "2", "3", "4", "5", "6"];

function round4(x: number): number {
  const rounded = Math.round(x * 10_000) / 10_000;
  // Past about 1.8e304 the scaled value overflows; such a number has no digits after the point to round.
  return Number.isFinite(rounded) ? rounded : x;
}

function jsonIssue(i: Issue): JsonIssue {
  return { severity: i.severity, sheet: i.sheet ?? null, cell: i.cell ?? null, code: i.code, message: i.message ?? i.code };
}

/** Adds the analysis to a run's JSON: per zone, and its settings and lists at the top level. */
function withRobustness(json: JsonResult, robustness: RobustnessResult): JsonResult {
  const byZone = new Map(robustness.zones.map((z) => [z.zone, z]));
  const zones = json.zones.map((zone) => {
    const z = byZone.get(zone.zone);
    if (!z) return zone;
    const awardProbability: Record<string, number> = {};
    for (const [key, p] of Object.entries(z.awardProbability)) awardProbability[key] = round4(p);
    return { ...zone, robustness: { medianRank: z.medianRank, rankP5: z.rankP5, rankP95: z.rankP95, awardProbability, anyAwardProbability: round4(z.anyAwardProbability) } };
  });
  const awards: JsonRobustness["awards"] = {};
  const names = (list: readonly { zone: string }[]) => list.map((c) => c.zone);
  for (const a of robustness.awards) awards[a.key] = { stable: names(a.stable), borderline: names(a.borderline), close: names(a.close) };
  const { runs, seed, weightShare, varyMethods, stableAt, closeAt } = robustness;
  return { ...json, zones, robustness: { runs, seed, weightShare, varyMethods, stableAt, closeAt, awards } };
}

/**
 * The JSON of a finished run; `issues` are every issue of the run, already localised. The
 * robustness analysis joins it only when one was run, so the default output never changes.
 */
export function resultJson(result: RatingResult, issues: readonly Issue[], robustness?: RobustnessResult): JsonResult {
  const json = plainResultJson(result, issues);
  return robustness ? withRobustness(json, robustness) : json;
}

function plainResultJson(result: RatingResult, issues: readonly Issue[]): JsonResult {
  const starCounts: Record<string, number> = {};
  for (const k of STAR_LEVELS) starCounts[k] = result.starCounts[k] ?? 0;
  const awards: Record<string, string[]> = {};
  for (const a of result.awards) awards[a.key] = [...a.zones];
  return {
    rules: result.rules.id,
    year: result.year ?? null,
    zoneCount: result.zones.length,
    zones: result.zones.map((z) => ({
      zone: z.zone,
      city: z.city,
      composite: round4(z.composite),
      rank: z.rank,
      cityRank: z.cityRank,
      rankChange: z.rankChange,
      stars: z.stars,
      prevStars: z.prevStars,
      starStatus: z.starStatus,
      dimensions: { ...z.dimensions },
      awards: [...z.awards],
      vetoed: z.vetoed,
      nextStar: z.nextStar ? { level: z.nextStar.level, shortfall: { va: z.nextStar.shortfall.va, tax: z.nextStar.shortfall.tax, emp: z.nextStar.shortfall.emp } } : null,
    })),
    awards,
    prizeTotalYuan: result.prizeTotalYuan,
    starCounts,
    issues: issues.map(jsonIssue),
  };
}

/** The JSON of a run stopped by input errors: the issues, and no zones. */
export function failureJson(rulesId: string | null, year: number | null, awardKeys: readonly string[], issues: readonly Issue[]): JsonResult {
  const starCounts: Record<string, number> = {};
  for (const k of STAR_LEVELS) starCounts[k] = 0;
  const awards: Record<string, string[]> = {};
  for (const k of awardKeys) awards[k] = [];
  return { rules: rulesId ?? "", year, zoneCount: 0, zones: [], awards, prizeTotalYuan: 0, starCounts, issues: issues.map(jsonIssue) };
}

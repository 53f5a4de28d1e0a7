// The machine-readable result of a run (SPEC §6), built as a plain value so it can be tested
// without running the command line.
import type { Issue, RatingResult, StarStatus, StarThresholds } from "../engine/types";

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
}

const STAR_LEVELS = ["0", "1", "2", "3", "4", "5", "6"];

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function jsonIssue(i: Issue): JsonIssue {
  return { severity: i.severity, sheet: i.sheet ?? null, cell: i.cell ?? null, code: i.code, message: i.message ?? i.code };
}

/** The JSON of a finished run; `issues` are every issue of the run, already localised. */
export function resultJson(result: RatingResult, issues: readonly Issue[]): JsonResult {
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

// The years behind a rating (历年评定): each year's stars and ranks per zone, carried forward into
// this year's 上年综合排名 / 上年星级 / 历史最高星级, and read back for streaks and 退出预警.
// Zones are followed across renames and mergers by the names each row records for the year before.
import type { ExitRule, Issue, RatingResult, StarStatus, ZoneResult } from "./types";
import { byName } from "./ranking";

/**
 * MOFCOM's rule for national development zones (商务部, 国家级经开区综合发展水平考核): a zone in the
 * bottom 5 twice within three years is warned. No Henan notice states one for 产业集聚区.
 */
export const DEFAULT_EXIT_RULE: Readonly<ExitRule> = Object.freeze({ bottomN: 5, times: 2, window: 3, provenance: "otherProvince" });

/** One zone in one year, as the history sheet keeps it. */
export interface HistoryRow {
  year: number;
  zone: string;
  /** The zone's names in the year before where they differ from `zone`: a rename, or several zones merged into it. */
  prevNames: string[];
  city: string;
  stars: number;
  /** null where the source did not say (a history typed in by hand). */
  status: StarStatus | null;
  rank: number | null;
  cityRank: number | null;
  composite: number | null;
  /** Awards won, by their printed names. */
  awards: string[];
}

/** What last year leaves a zone with: the figures of SPEC §2's 上年综合排名, 上年星级, 历史最高星级. */
export interface CarriedForward {
  zone: string;
  prevYear: number;
  /** Best rank among the zone's predecessors (one, or several merged). */
  prevRank: number | null;
  prevStars: number;
  /** Highest level in any earlier year, under any earlier name. */
  maxStars: number;
  /** The names last year's rows carry. */
  from: string[];
}

/** One year of a zone's track, under the name it had that year. */
export interface TrackPoint {
  year: number;
  zone: string;
  stars: number;
  rank: number | null;
  belowGate: boolean;
  /** Among the province's last N that year (N of the exit rule). */
  bottom: boolean;
}

export interface ExitWarning {
  /** The years counted against the zone, oldest first. */
  years: number[];
  rule: ExitRule;
}

export interface ZoneTrack {
  zone: string;
  /** Oldest first; where zones merged, the predecessor with the best rank stands for the zone. */
  series: TrackPoint[];
  /** Consecutive years, this one included, at this year's level. */
  yearsAtLevel: number;
  /** Highest level in any year, this one included. */
  maxStars: number;
  exitWarning: ExitWarning | null;
}

/** Rows by year, then by name. */
export class HistoryIndex {
  readonly years: number[];
  private readonly byYear = new Map<number, Map<string, HistoryRow>>();
  private readonly ranked = new Map<number, number>();

  constructor(rows: readonly HistoryRow[]) {
    for (const row of rows) {
      let year = this.byYear.get(row.year);
      if (!year) this.byYear.set(row.year, (year = new Map()));
      year.set(row.zone, row);
      if (row.rank !== null) this.ranked.set(row.year, (this.ranked.get(row.year) ?? 0) + 1);
    }
    this.years = [...this.byYear.keys()].sort((a, b) => a - b);
  }

  row(year: number, zone: string): HistoryRow | undefined {
    return this.byYear.get(year)?.get(zone);
  }

  rowsOf(year: number): HistoryRow[] {
    return [...(this.byYear.get(year)?.values() ?? [])];
  }

  /** The latest year with rows before `year`. */
  yearBefore(year: number): number | undefined {
    for (let i = this.years.length - 1; i >= 0; i--) if (this.years[i] < year) return this.years[i];
    return undefined;
  }

  /** Zones ranked that year: the province's last N are the ranks above this count − N. */
  rankedCount(year: number): number {
    return this.ranked.get(year) ?? 0;
  }

  /** The rows of the year before that `row` descends from (its own name where it records none). */
  predecessors(row: HistoryRow): HistoryRow[] {
    const before = this.yearBefore(row.year);
    if (before === undefined) return [];
    const names = row.prevNames.length > 0 ? row.prevNames : [row.zone];
    return names.map((n) => this.row(before, n)).filter((r): r is HistoryRow => r !== undefined);
  }

  /** Every earlier row the given rows descend from, each once. */
  ancestors(rows: readonly HistoryRow[]): HistoryRow[] {
    const seen = new Set<HistoryRow>();
    const stack = [...rows];
    while (stack.length > 0) {
      for (const p of this.predecessors(stack.pop()!)) {
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return [...seen];
  }
}

/** The best-ranked row stands for a merger; rows without a rank come last, then by name. */
function mainRow(rows: readonly HistoryRow[]): HistoryRow | undefined {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName(a.zone, b.zone))[0];
}

/**
 * This year's figures from last year for each zone linked to rows of the latest earlier year.
 * `links` maps a zone of `year` to its names in that earlier year (found by name matching).
 */
export function carryForward(history: readonly HistoryRow[] | HistoryIndex, year: number, links: ReadonlyMap<string, readonly string[]>): Map<string, CarriedForward> {
  const index = history instanceof HistoryIndex ? history : new HistoryIndex(history);
  const out = new Map<string, CarriedForward>();
  const prevYear = index.yearBefore(year);
  if (prevYear === undefined) return out;
  for (const [zone, names] of links) {
    const rows = names.map((n) => index.row(prevYear, n)).filter((r): r is HistoryRow => r !== undefined);
    if (rows.length === 0) continue;
    const ranks = rows.map((r) => r.rank).filter((r): r is number => r !== null);
    const prevStars = Math.max(...rows.map((r) => r.stars));
    const maxStars = Math.max(prevStars, ...index.ancestors(rows).map((r) => r.stars));
    out.set(zone, { zone, prevYear, prevRank: ranks.length > 0 ? Math.min(...ranks) : null, prevStars, maxStars, from: rows.map((r) => r.zone) });
  }
  return out;
}

/**
 * This year's rows from a result. `links` gives each zone's names last year; a zone linked to its
 * own name only records none, so a history typed by hand needs the column only for renames.
 */
export function historyRowsOf(result: RatingResult, year: number, links: ReadonlyMap<string, readonly string[]>, awardName: (key: string) => string): HistoryRow[] {
  return result.zones.map((z: ZoneResult) => {
    const names = links.get(z.zone) ?? [];
    return {
      year,
      zone: z.zone,
      prevNames: names.length === 1 && names[0] === z.zone ? [] : [...names],
      city: z.city,
      stars: z.stars,
      status: z.starStatus,
      rank: z.rank,
      cityRank: z.cityRank,
      composite: z.composite,
      awards: z.awards.map(awardName),
    };
  });
}

/** Orders rows by year, rank (unranked last), then name: the history sheet's order. */
function sortHistory(rows: HistoryRow[]): HistoryRow[] {
  return rows.sort((a, b) => a.year - b.year || (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName(a.zone, b.zone));
}

/** The history with `year` replaced by `rows` (a re-run of a year replaces it, never doubles it). */
export function replaceYear(history: readonly HistoryRow[], year: number, rows: readonly HistoryRow[]): HistoryRow[] {
  return sortHistory([...history.filter((r) => r.year !== year), ...rows]);
}

/** Zones counted per star level (index 0..6) in each year, oldest first. */
export function starCountsByYear(history: readonly HistoryRow[]): Array<{ year: number; counts: number[] }> {
  const index = new HistoryIndex(history);
  return index.years.map((year) => {
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (const r of index.rowsOf(year)) if (r.stars >= 0 && r.stars <= 6) counts[r.stars]++;
    return { year, counts };
  });
}

function pointOf(row: HistoryRow, index: HistoryIndex, rule: ExitRule): TrackPoint {
  const count = index.rankedCount(row.year);
  return {
    year: row.year,
    zone: row.zone,
    stars: row.stars,
    rank: row.rank,
    belowGate: row.status === "belowGate",
    bottom: row.rank !== null && count > 0 && row.rank > count - rule.bottomN,
  };
}

/** The zone's track from its row of `year` back through its predecessors. */
function trackOf(row: HistoryRow, index: HistoryIndex, rule: ExitRule): TrackPoint[] {
  const series: TrackPoint[] = [];
  let current: HistoryRow | undefined = row;
  const seen = new Set<HistoryRow>();
  while (current && !seen.has(current)) {
    seen.add(current);
    series.push(pointOf(current, index, rule));
    current = mainRow(index.predecessors(current));
  }
  return series.reverse();
}

/** Streaks, the historical maximum and 退出预警 for every zone of `year` in the history. */
export function analyseHistory(history: readonly HistoryRow[] | HistoryIndex, year: number, rule: ExitRule = DEFAULT_EXIT_RULE): Map<string, ZoneTrack> {
  const index = history instanceof HistoryIndex ? history : new HistoryIndex(history);
  const out = new Map<string, ZoneTrack>();
  for (const row of index.rowsOf(year)) {
    const series = trackOf(row, index, rule);
    let yearsAtLevel = 0;
    for (let i = series.length - 1; i >= 0 && series[i].stars === row.stars; i--) yearsAtLevel++;
    const maxStars = Math.max(row.stars, ...index.ancestors([row]).map((r) => r.stars));
    // Calendar years: a year the zone was not rated (or the province skipped) counts in the window, never against the zone.
    const bad = series.filter((p) => p.year > year - rule.window && (p.belowGate || p.bottom)).map((p) => p.year);
    out.set(row.zone, { zone: row.zone, series, yearsAtLevel, maxStars, exitWarning: bad.length >= rule.times ? { years: bad, rule } : null });
  }
  return out;
}

/** One EXIT_WARNING per warned zone, at its zone cell, in rank order. */
export function exitWarningIssues(result: RatingResult, tracks: ReadonlyMap<string, ZoneTrack>): Issue[] {
  const issues: Issue[] = [];
  for (const z of result.zones) {
    const w = tracks.get(z.zone)?.exitWarning;
    if (!w) continue;
    const issue: Issue = {
      severity: "warning",
      code: "EXIT_WARNING",
      zone: z.zone,
      params: { years: w.years.join("、"), count: w.years.length, bottomN: w.rule.bottomN, times: w.rule.times, window: w.rule.window },
    };
    if (z.source) {
      issue.sheet = z.source.sheet;
      issue.cell = z.source.zoneCell;
    }
    issues.push(issue);
  }
  return issues;
}

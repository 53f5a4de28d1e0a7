// A page per zone (一区一档): where one zone stands, worked out from a rating result alone, so the
// sheet, the printed pages and the task pane show the same figures.
import type { AwardList, DimensionRule, IndicatorScore, NextStar, RatingResult, StarStatus, ZoneResult } from "./types";
import { percentileInc, sortedSum } from "./stats";
import { TIE_EPSILON } from "./ranking";

/** The figure an award ranked `z` by (its star level for 首次晋星); null where the zone has none (no prevRank for 十快). */
export function awardMetric(result: RatingResult, award: AwardList, z: ZoneResult): number | null {
  switch (award.metricUsed) {
    case "composite":
      return z.composite;
    case "rankChange":
      return z.rankChange;
    case "vaGrowth":
      return z.derived.vaGrowth ?? null;
    case "firstStar":
      return z.stars;
    case "dimensions": {
      const rule = result.rules.awards.find((a) => a.key === award.key);
      const keys = rule && rule.selection.kind === "top" && rule.selection.metric.kind === "dimensions" ? rule.selection.metric.dimensions : [];
      return keys.reduce((sum, k) => sum + (z.dimensions[k] ?? 0), 0);
    }
  }
}

export interface DimensionStanding {
  key: string;
  nameZh: string;
  nameEn: string;
  points: number;
  /** The dimension's weight: the most points it can give. */
  maxPoints: number;
  /** Over every zone of the run (PERCENTILE.INC at 0.5, as Excel's MEDIAN). */
  median: number;
  /** Mean over the leaders (十强); null when there are none. */
  leadersMean: number | null;
}

export interface IndicatorStanding extends IndicatorScore {
  /** Competition rank of the zone's score among all zones (1 = best), ties within 1e-9 shared. */
  rank: number;
  tied: boolean;
  /** Zones ranked. */
  of: number;
}

/** Why a zone has or has not an award. */
export type AwardStatus =
  | { kind: "won" }
  | { kind: "vetoed" }
  | { kind: "belowGate" }
  /** Already holds an earlier exclusive title (one title per zone). */
  | { kind: "titled"; award: string }
  /** Only zones promoted to a level for the first time qualify. */
  | { kind: "notFirstStar" }
  /** The zone has no figure for the award's metric (十快 without a prevRank). */
  | { kind: "noMetric" }
  | { kind: "noWinners" }
  /**
   * Ranked below the last winner: `place` among the zones the award was open to, `gap` the metric
   * the zone lacks to equal the last winner (0: level, lost on the tie-break chain).
   */
  | { kind: "behind"; metric: number; place: number; lastPlace: number; lastZone: string; lastMetric: number; gap: number };

export interface AwardStanding {
  key: string;
  nameZh: string;
  nameEn: string;
  metricUsed: AwardList["metricUsed"];
  status: AwardStatus;
}

export interface ZoneProfile {
  zone: string;
  city: string;
  group?: string;
  /** Zones in the run, and in the zone's city. */
  zoneCount: number;
  cityZoneCount: number;
  stars: number;
  prevStars: number | null;
  starStatus: StarStatus;
  belowGate: boolean;
  nextStar: NextStar | null;
  composite: number;
  rank: number;
  tied: boolean;
  prevRank: number | null;
  rankChange: number | null;
  cityRank: number;
  cityTied: boolean;
  /**
   * Last year's place within the city, from 上年综合排名 among this year's zones of the city that
   * have one (competition ranking); null without a prevRank.
   */
  prevCityRank: number | null;
  cityRankChange: number | null;
  /** Whom leadersMean is over: the winners of the first award by composite (十强), else (award null) the first ten by rank. */
  leaders: { award: { key: string; nameZh: string; nameEn: string } | null; count: number };
  dimensions: DimensionStanding[];
  /** Up to three indicators where the zone ranks best, and up to three others where it ranks worst (below all of those). */
  strongest: IndicatorStanding[];
  weakest: IndicatorStanding[];
  awards: AwardStanding[];
  /** The award the zone missed by the fewest places (status "behind"), or null. */
  nearestMissed: string | null;
  bonus: number;
  penalty: number;
  vetoed: boolean;
  veto?: string;
}

const SHOWN_INDICATORS = 3;
const DEFAULT_LEADERS = 10;

/** Values sorted descending, for places by binary search. */
function descending(values: Float64Array): Float64Array {
  return values.sort().reverse();
}

/** How many of `sortedDesc` are above `bound`. */
function countOver(sortedDesc: Float64Array, bound: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sortedDesc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedDesc[mid] > bound || (orEqual && sortedDesc[mid] === bound)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of `sortedDesc` are better than v by more than the tie tolerance. */
function countAbove(sortedDesc: Float64Array, v: number): number {
  return countOver(sortedDesc, v + TIE_EPSILON, false);
}

/** How many of `sortedDesc` are within the tie tolerance of v (v among them). */
function countLevel(sortedDesc: Float64Array, v: number): number {
  return countOver(sortedDesc, v - TIE_EPSILON, true) - countAbove(sortedDesc, v);
}

function median(values: Float64Array): number {
  return percentileInc(values.slice().sort(), 0.5);
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : sortedSum(Float64Array.from(values).sort()) / values.length;
}

interface AwardContext {
  list: AwardList;
  exclusive: boolean;
  firstStar: boolean;
  /** Exclusive awards given before this one, whose holders it skipped. */
  earlier: string[];
  /** The metric of every zone the award was open to, descending. */
  open: Float64Array;
}

/**
 * Everything a zone's page compares against, worked out once per run: building every page of a
 * 180-zone run then costs one pass per page, not one per page over every zone.
 */
export class RunExplainer {
  private readonly byName: Map<string, ZoneResult>;
  private readonly dimensions: DimensionRule[];
  private readonly medians: number[];
  private readonly leaderMeans: Array<number | null>;
  private readonly leaders: ZoneProfile["leaders"];
  /** Per indicator (in `indicators` order), every zone's score, descending. */
  private readonly indicatorScores: Float64Array[];
  /** Per city, the prevRanks of its zones, ascending. */
  private readonly cityPrevRanks: Map<string, number[]>;
  private readonly cityCounts: Map<string, number>;
  private readonly awardContexts: AwardContext[];

  constructor(private readonly result: RatingResult) {
    const zones = result.zones;
    this.byName = new Map(zones.map((z) => [z.zone, z]));
    this.dimensions = result.rules.dimensions;
    const leaderAward = result.awards.find((a) => a.metricUsed === "composite");
    const leaderZones = leaderAward ? leaderAward.zones.map((n) => this.byName.get(n)).filter((z): z is ZoneResult => z !== undefined) : zones.slice(0, DEFAULT_LEADERS);
    const award = leaderAward ? { key: leaderAward.key, nameZh: leaderAward.nameZh, nameEn: leaderAward.nameEn } : null;
    this.leaders = { award, count: leaderZones.length };
    this.medians = this.dimensions.map((d) => median(Float64Array.from(zones, (z) => z.dimensions[d.key] ?? 0)));
    this.leaderMeans = this.dimensions.map((d) => mean(leaderZones.map((z) => z.dimensions[d.key] ?? 0)));

    const width = zones[0]?.indicators.length ?? 0;
    this.indicatorScores = Array.from({ length: width }, () => new Float64Array(zones.length));
    zones.forEach((z, i) => z.indicators.forEach((s, j) => (this.indicatorScores[j][i] = s.score)));
    this.indicatorScores.forEach(descending);

    this.cityPrevRanks = new Map();
    this.cityCounts = new Map();
    for (const z of zones) {
      this.cityCounts.set(z.city, (this.cityCounts.get(z.city) ?? 0) + 1);
      if (z.prevRank === null) continue;
      const ranks = this.cityPrevRanks.get(z.city) ?? [];
      ranks.push(z.prevRank);
      this.cityPrevRanks.set(z.city, ranks);
    }
    for (const ranks of this.cityPrevRanks.values()) ranks.sort((a, b) => a - b);

    const earlier: string[] = [];
    this.awardContexts = result.awards.map((list) => {
      const rule = result.rules.awards.find((a) => a.key === list.key);
      const exclusive = rule?.exclusive ?? false;
      const before = [...earlier];
      if (exclusive) earlier.push(list.key);
      const isOpen = (z: ZoneResult): boolean => !z.vetoed && !z.belowGate && !(exclusive && before.some((k) => z.awards.includes(k)));
      const metrics: number[] = [];
      for (const z of zones) {
        const m = isOpen(z) ? awardMetric(result, list, z) : null;
        if (m !== null && Number.isFinite(m)) metrics.push(m);
      }
      return { list, exclusive, firstStar: rule?.selection.kind === "firstStar", earlier: before, open: descending(Float64Array.from(metrics)) };
    });
  }

  /** The page of the named zone, or undefined when the run has no such zone. */
  profile(name: string): ZoneProfile | undefined {
    const z = this.byName.get(name);
    if (!z) return undefined;
    const awards = this.awardContexts.map((a) => this.awardStanding(a, z));
    const { strongest, weakest } = this.standings(z);
    const prevCityRank = this.prevCityRank(z);
    const profile: ZoneProfile = {
      zone: z.zone,
      city: z.city,
      zoneCount: this.result.zones.length,
      cityZoneCount: this.cityCounts.get(z.city) ?? 0,
      stars: z.stars,
      prevStars: z.prevStars,
      starStatus: z.starStatus,
      belowGate: z.belowGate,
      nextStar: z.nextStar,
      composite: z.composite,
      rank: z.rank,
      tied: z.tied,
      prevRank: z.prevRank,
      rankChange: z.rankChange,
      cityRank: z.cityRank,
      cityTied: z.cityTied,
      prevCityRank,
      cityRankChange: prevCityRank === null ? null : prevCityRank - z.cityRank,
      leaders: this.leaders,
      dimensions: this.dimensions.map((d, k) => ({
        key: d.key,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        points: z.dimensions[d.key] ?? 0,
        maxPoints: d.weight,
        median: this.medians[k],
        leadersMean: this.leaderMeans[k],
      })),
      strongest,
      weakest,
      awards,
      nearestMissed: nearestMissed(awards),
      bonus: z.bonus,
      penalty: z.penalty,
      vetoed: z.vetoed,
    };
    if (z.group !== undefined) profile.group = z.group;
    if (z.veto !== undefined) profile.veto = z.veto;
    return profile;
  }

  /** Every zone's page, in rank order. */
  profiles(): ZoneProfile[] {
    return this.result.zones.map((z) => this.profile(z.zone)!);
  }

  private prevCityRank(z: ZoneResult): number | null {
    if (z.prevRank === null) return null;
    const ranks = this.cityPrevRanks.get(z.city) ?? [];
    let lo = 0;
    let hi = ranks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranks[mid] < z.prevRank) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  private standings(z: ZoneResult): { strongest: IndicatorStanding[]; weakest: IndicatorStanding[] } {
    const all: IndicatorStanding[] = [];
    const order = new Map<IndicatorStanding, number>();
    z.indicators.forEach((s, j) => {
      // An indicator worth no points says nothing about the zone's strengths.
      if (!(s.weight > 0)) return;
      const scores = this.indicatorScores[j];
      const standing: IndicatorStanding = {
        ...s,
        rank: countAbove(scores, s.score) + 1,
        tied: countLevel(scores, s.score) > 1,
        of: scores.length,
      };
      all.push(standing);
      order.set(standing, j);
    });
    const ruleOrder = (a: IndicatorStanding, b: IndicatorStanding): number => order.get(a)! - order.get(b)!;
    // A heavier indicator comes first among equal ranks: it moves the composite more.
    const best = [...all].sort((a, b) => a.rank - b.rank || b.weight - a.weight || ruleOrder(a, b));
    const strongest = best.slice(0, Math.min(SHOWN_INDICATORS, Math.ceil(all.length / 2)));
    // A weakness ranks below every strength: a zone first on five indicators shows no "weak" first place.
    const floor = Math.max(0, ...strongest.map((s) => s.rank));
    const weakest = all
      .filter((s) => !strongest.includes(s) && s.rank > floor)
      .sort((a, b) => b.rank - a.rank || b.weight - a.weight || ruleOrder(a, b))
      .slice(0, SHOWN_INDICATORS);
    return { strongest, weakest };
  }

  private awardStanding(a: AwardContext, z: ZoneResult): AwardStanding {
    const base = { key: a.list.key, nameZh: a.list.nameZh, nameEn: a.list.nameEn, metricUsed: a.list.metricUsed };
    return { ...base, status: this.awardStatus(a, z) };
  }

  private awardStatus(a: AwardContext, z: ZoneResult): AwardStatus {
    if (z.awards.includes(a.list.key)) return { kind: "won" };
    if (z.vetoed) return { kind: "vetoed" };
    if (z.belowGate) return { kind: "belowGate" };
    const held = a.exclusive ? a.earlier.find((k) => z.awards.includes(k)) : undefined;
    if (held !== undefined) return { kind: "titled", award: held };
    if (a.firstStar) return { kind: "notFirstStar" };
    const metric = awardMetric(this.result, a.list, z);
    if (metric === null || !Number.isFinite(metric)) return { kind: "noMetric" };
    const lastZone = a.list.zones[a.list.zones.length - 1];
    const last = lastZone === undefined ? undefined : this.byName.get(lastZone);
    const lastMetric = last ? awardMetric(this.result, a.list, last) : null;
    if (lastZone === undefined || lastMetric === null) return { kind: "noWinners" };
    const gap = lastMetric - metric;
    return {
      kind: "behind",
      metric,
      place: countAbove(a.open, metric) + 1,
      lastPlace: a.list.zones.length,
      lastZone,
      lastMetric,
      gap: gap > TIE_EPSILON ? gap : 0,
    };
  }
}

function nearestMissed(awards: AwardStanding[]): string | null {
  let best: { key: string; behind: number } | null = null;
  for (const a of awards) {
    if (a.status.kind !== "behind") continue;
    const behind = a.status.place - a.status.lastPlace;
    if (best === null || behind < best.behind) best = { key: a.key, behind };
  }
  return best?.key ?? null;
}

/** The page of one zone; for many zones of one run, build one RunExplainer and ask it each. */
export function zoneProfile(result: RatingResult, zone: string): ZoneProfile | undefined {
  return new RunExplainer(result).profile(zone);
}

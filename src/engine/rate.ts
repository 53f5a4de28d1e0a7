// One rating run: scores, stars, ranking, awards and counts for every zone of a table (SPEC §4).
import type { IndicatorScore, Issue, RatingResult, Rules, StarThresholds, ZoneInput, ZoneResult, ZoneTable } from "./types";
import { IndicatorColumns } from "./columns";
import { indicatorReferences, indicatorScores, missingValueIssues, scoreZones, type ScoredIndicator } from "./score";
import { MAX_STARS, rateStars } from "./stars";
import { rankAll, rankWithinCities } from "./ranking";
import { assignAwards } from "./awards";

/**
 * A zone's result whose indicator detail (ZoneResult.indicators) is built on first read: only
 * 计算明细 needs it, and its objects, one per zone and indicator, would otherwise take most of the
 * time and memory of a large run. Fields are assigned one by one so every instance shares a shape.
 */
class RatedZone implements ZoneResult {
  readonly #scored: readonly ScoredIndicator[];
  readonly #index: number;
  #indicators: IndicatorScore[] | undefined;
  zone: string;
  city: string;
  group?: string;
  dimensions: Record<string, number>;
  bonus: number;
  penalty: number;
  composite: number;
  rank: number;
  tied: boolean;
  cityRank: number;
  cityTied: boolean;
  prevRank: number | null;
  rankChange: number | null;
  stars: number;
  prevStars: number | null;
  starStatus: ZoneResult["starStatus"];
  belowGate: boolean;
  nextStar: ZoneResult["nextStar"];
  awards: string[];
  vetoed: boolean;
  veto?: string;
  plaque: boolean;
  derived: ZoneResult["derived"];
  source?: ZoneResult["source"];

  constructor(scored: readonly ScoredIndicator[], index: number, f: Omit<ZoneResult, "indicators">) {
    this.#scored = scored;
    this.#index = index;
    this.zone = f.zone;
    this.city = f.city;
    if (f.group !== undefined) this.group = f.group;
    this.dimensions = f.dimensions;
    this.bonus = f.bonus;
    this.penalty = f.penalty;
    this.composite = f.composite;
    this.rank = f.rank;
    this.tied = f.tied;
    this.cityRank = f.cityRank;
    this.cityTied = f.cityTied;
    this.prevRank = f.prevRank;
    this.rankChange = f.rankChange;
    this.stars = f.stars;
    this.prevStars = f.prevStars;
    this.starStatus = f.starStatus;
    this.belowGate = f.belowGate;
    this.nextStar = f.nextStar;
    this.awards = f.awards;
    this.vetoed = f.vetoed;
    if (f.veto !== undefined) this.veto = f.veto;
    this.plaque = f.plaque;
    this.derived = f.derived;
    if (f.source !== undefined) this.source = f.source;
  }

  get indicators(): IndicatorScore[] {
    return (this.#indicators ??= indicatorScores(this.#scored, this.#index));
  }
}

function isVetoed(zone: ZoneInput): boolean {
  return typeof zone.veto === "string" && zone.veto.trim() !== "";
}

function finiteOrNull(v: number | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Rates every zone of `table` under `rules` (validated beforehand with validateRules). Pure and
 * deterministic: the same zones in any row order give the same result.
 */
export function rate(table: ZoneTable, rules: Rules): RatingResult {
  const zones = table.zones;
  const n = zones.length;
  const columns = new IndicatorColumns(zones);
  const derived = columns.derivedRecords();
  const { scores, scored } = scoreZones(table, rules, columns);
  const va = columns.of("va");
  const tax = columns.of("tax");
  const emp = columns.of("emp");
  // Read by rateStars and not kept, so one scratch record serves every zone.
  const starValues: StarThresholds = { va: NaN, tax: NaN, emp: NaN };

  const names = zones.map((z) => z.zone);
  const composites = new Float64Array(n);
  for (let i = 0; i < n; i++) composites[i] = scores[i].composite;
  const overall = rankAll(composites, names);
  const city = rankWithinCities(
    composites,
    names,
    zones.map((z) => z.city),
    overall.order,
  );

  const ranked: ZoneResult[] = new Array(n);
  const rankedInputs: ZoneInput[] = new Array(n);
  const starCounts: Record<string, number> = {};
  const perLevel = new Int32Array(MAX_STARS + 1);
  for (let k = 0; k < n; k++) {
    const i = overall.order[k];
    const zone = zones[i];
    const vetoed = isVetoed(zone);
    starValues.va = va[i];
    starValues.tax = tax[i];
    starValues.emp = emp[i];
    const star = rateStars(zone, starValues, vetoed, rules.stars);
    const prevRank = finiteOrNull(zone.prevRank);
    const rank = overall.rank[i];
    const s = scores[i];
    const result: ZoneResult = new RatedZone(scored, i, {
      zone: zone.zone,
      city: zone.city,
      dimensions: s.dimensions,
      bonus: s.bonus,
      penalty: s.penalty,
      composite: s.composite,
      rank,
      tied: overall.tied[i] === 1,
      cityRank: city.rank[i],
      cityTied: city.tied[i] === 1,
      prevRank,
      rankChange: prevRank === null ? null : prevRank - rank,
      stars: star.stars,
      prevStars: finiteOrNull(zone.prevStars),
      starStatus: star.status,
      belowGate: star.belowGate,
      nextStar: star.nextStar,
      awards: [],
      vetoed,
      plaque: star.stars >= rules.plaqueMinStars,
      derived: derived[i],
      group: zone.group,
      veto: vetoed ? zone.veto : undefined,
      source: zone.source,
    });
    perLevel[star.stars]++;
    ranked[k] = result;
    rankedInputs[k] = zone;
  }

  for (let s = 0; s <= MAX_STARS; s++) starCounts[String(s)] = perLevel[s];
  // A 上年综合排名 column with no figure in it ranks nobody: treat it like a missing column, so 十快
  // falls back to growth with its warning instead of naming no winner at all.
  const hasPrevRanks = table.columns.prevRank && ranked.some((z) => z.prevRank !== null);
  const awards = assignAwards(ranked, rankedInputs, rules, hasPrevRanks);
  // Stable sort over rank order: within a star level the better-ranked zone comes first.
  const plaque = ranked
    .filter((z) => z.plaque)
    .sort((a, b) => b.stars - a.stars)
    .map((z) => z.zone);
  const issues: Issue[] = [...missingValueIssues(table, rules, scored, overall.order), ...awards.issues];
  const result: RatingResult = { rules, zones: ranked, awards: awards.lists, prizeTotalYuan: awards.prizeTotalYuan, starCounts, plaque, issues, references: indicatorReferences(scored) };
  if (table.year !== undefined) result.year = table.year;
  return result;
}

// How robust are the lists (稳健性分析): a seeded Monte Carlo over the assumptions the rules rest
// on. Each draw moves every dimension and indicator weight within ± a share of itself (and, when
// asked, draws each indicator's normalisation method from its alternatives), then re-ranks and
// re-assigns the awards with the engine's own ranking and award code.
//
// What does not depend on the weights is computed once: the raw and derived values, and each
// indicator's scores under every method it may be drawn with (normalisation depends on the data
// alone). A draw is then a weighted sum, a sort and the award selection. Memory does not grow with
// the number of draws: ranks are counted in a histogram per zone, awards in a counter per zone.
import type { AwardRule, IndicatorKey, NormMethod, RatingResult, Rules, ZoneInput, ZoneResult, ZoneTable } from "./types";
import { IndicatorColumns } from "./columns";
import { nonNegative, pointsAtMost, scoreColumn } from "./score";
import { summarise } from "./stats";
import { byName, rankByOrder } from "./ranking";
import { assignAwards } from "./awards";
import { rate } from "./rate";
import { seededRandom } from "./random";
import { ALTERNATIVE_METHODS, ROBUSTNESS_DEFAULTS, type RobustnessSettings } from "./robustnessSettings";

export interface RobustnessOptions {
  /** Number of draws. */
  runs: number;
  /** Seed of the pseudo-random source: the same seed gives the same result. */
  seed: number;
  /** Each weight moves uniformly within ± this share of itself (0.2 = ±20 %). */
  weightShare: number;
  /** Draw each indicator's normalisation method from its alternatives in every run. */
  varyMethods: boolean;
  /** A winner at or above this probability is stable (default 0.95). */
  stableAt?: number;
  /** A non-winner at or above this probability comes close (default 0.05). */
  closeAt?: number;
  /** Called now and then with the draws done so far. */
  onProgress?: (done: number, total: number) => void;
}

export { ALTERNATIVE_METHODS, ROBUSTNESS_DEFAULTS, type RobustnessSettings };

export interface ZoneRobustness {
  zone: string;
  city: string;
  /** Rank, stars and awards of the nominal rating (the rules as written). */
  rank: number;
  stars: number;
  awards: string[];
  medianRank: number;
  /** 5 % and 95 % quantiles of the rank over the draws. */
  rankP5: number;
  rankP95: number;
  /** Share of draws in which the zone won each award, by award key. */
  awardProbability: Record<string, number>;
  anyAwardProbability: number;
}

export interface AwardChance {
  zone: string;
  /** Nominal rank. */
  rank: number;
  probability: number;
}

export interface AwardRobustness {
  key: string;
  nameZh: string;
  nameEn: string;
  /** Nominal winners at or above stableAt. */
  stable: AwardChance[];
  /** Nominal winners below stableAt. */
  borderline: AwardChance[];
  /** Zones outside the nominal list at or above closeAt. */
  close: AwardChance[];
}

export interface IndicatorMethods {
  key: IndicatorKey;
  dimension: string;
  /** The method the rules name. */
  method: NormMethod;
  /** The methods a draw picks from (only the rules' method unless methods vary). */
  methods: NormMethod[];
}

export interface RobustnessResult extends RobustnessSettings {
  rulesId: string;
  year?: number;
  indicators: IndicatorMethods[];
  /** In nominal rank order. */
  zones: ZoneRobustness[];
  /** In rule order. */
  awards: AwardRobustness[];
}

/**
 * A copy of a nominal zone whose score fields each draw overwrites. The rest (stars, gate, veto,
 * first-star status) rests on thresholds over raw values, which no weight moves.
 */
function trialZone(z: ZoneResult): ZoneResult {
  // A plain object, not the nominal null-prototype one: V8 keeps few fixed keys in fast mode, and
  // every draw writes them. validateRules already refuses keys that would reach the prototype.
  const dimensions: Record<string, number> = {};
  for (const key of Object.keys(z.dimensions)) dimensions[key] = z.dimensions[key];
  return { ...z, indicators: [], dimensions, awards: [] };
}

function checkOptions(o: RobustnessOptions): void {
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new RangeError(`runs must be a whole number of at least 1, not ${o.runs}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be a whole number, not ${o.seed}`);
  if (!(o.weightShare >= 0 && o.weightShare < 1)) throw new RangeError(`weightShare must be at least 0 and below 1, not ${o.weightShare}`);
}

/** Smallest rank whose cumulative count reaches the q-quantile of the draws (the inverse of the empirical distribution). */
function rankQuantile(hist: Uint32Array, offset: number, n: number, runs: number, q: number): number {
  // The tolerance keeps 0.95 × 10,000 at 9,500 where floating point would give a hair more.
  const need = Math.max(1, Math.ceil(q * runs - 1e-9));
  let cumulative = 0;
  for (let r = 0; r < n; r++) {
    cumulative += hist[offset + r];
    if (cumulative >= need) return r + 1;
  }
  return n;
}

function methodsOf(method: NormMethod, target: number | undefined, vary: boolean): NormMethod[] {
  if (!vary) return [method];
  return target !== undefined && target > 0 ? [...ALTERNATIVE_METHODS, "target"] : [...ALTERNATIVE_METHODS];
}

/**
 * The weights of one draw at a time: each dimension weight and each indicator's relative weight
 * times a factor uniform in [1 − share, 1 + share]; the dimension weights then scaled back to
 * their nominal total, and each indicator's points its share of its dimension's, as the engine
 * computes them (so a share of 0 gives the nominal points to the bit).
 */
export class WeightDraws {
  /** Points of each dimension, in rule order. */
  readonly dimensions: Float64Array;
  /** Points of each indicator, in rule order across dimensions. */
  readonly indicators: Float64Array;
  readonly #nominalDimensions: Float64Array;
  readonly #nominalRelative: Float64Array;
  readonly #dimensionOf: Int32Array;
  readonly #nominalTotal: number;
  readonly #relative: Float64Array;
  readonly #relativeTotal: Float64Array;

  constructor(
    rules: Rules,
    private readonly share: number,
    private readonly random: () => number,
  ) {
    const dims = rules.dimensions;
    this.#nominalDimensions = Float64Array.from(dims, (d) => nonNegative(d.weight));
    this.#nominalRelative = Float64Array.from(dims.flatMap((d) => d.indicators.map((i) => nonNegative(i.weight))));
    this.#dimensionOf = Int32Array.from(dims.flatMap((d, k) => d.indicators.map(() => k)));
    this.#nominalTotal = this.#nominalDimensions.reduce((sum, w) => sum + w, 0);
    this.dimensions = new Float64Array(dims.length);
    this.indicators = new Float64Array(this.#nominalRelative.length);
    this.#relative = new Float64Array(this.#nominalRelative.length);
    this.#relativeTotal = new Float64Array(dims.length);
  }

  #factor(): number {
    return 1 + this.share * (2 * this.random() - 1);
  }

  next(): void {
    const { dimensions, indicators } = this;
    const relative = this.#relative;
    const relativeTotal = this.#relativeTotal;
    let total = 0;
    for (let d = 0; d < dimensions.length; d++) total += dimensions[d] = this.#nominalDimensions[d] * this.#factor();
    const scale = total > 0 ? this.#nominalTotal / total : 0;
    for (let d = 0; d < dimensions.length; d++) dimensions[d] *= scale;
    relativeTotal.fill(0);
    for (let j = 0; j < relative.length; j++) {
      relative[j] = this.#nominalRelative[j] * this.#factor();
      relativeTotal[this.#dimensionOf[j]] += relative[j];
    }
    for (let j = 0; j < relative.length; j++) {
      const d = this.#dimensionOf[j];
      indicators[j] = pointsAtMost(dimensions[d], relative[j], relativeTotal[d]);
    }
  }
}

interface Indicator {
  dimension: number;
  methods: NormMethod[];
  /** Scores of every zone under each of `methods`. */
  scores: Float64Array[];
}

/**
 * Runs `options.runs` draws over `table` under `rules` (validated, as for rate). Pure apart from
 * the progress callback: the same inputs and seed give the same result.
 */
export function analyseRobustness(table: ZoneTable, rules: Rules, options: RobustnessOptions): RobustnessResult {
  checkOptions(options);
  const stableAt = options.stableAt ?? ROBUSTNESS_DEFAULTS.stableAt;
  const closeAt = options.closeAt ?? ROBUSTNESS_DEFAULTS.closeAt;
  const { runs, weightShare, varyMethods } = options;
  const nominal: RatingResult = rate(table, rules);
  const inputs: readonly ZoneInput[] = table.zones;
  const n = inputs.length;
  const index = new Map(inputs.map((z, i) => [z.zone, i]));
  const zoneIndex = (name: string): number => index.get(name) as number;

  const columns = new IndicatorColumns(inputs);
  const dims = rules.dimensions;
  const indicators: Indicator[] = [];
  const described: IndicatorMethods[] = [];
  dims.forEach((dim, d) => {
    for (const ind of dim.indicators) {
      const raw = columns.of(ind.key);
      const stats = summarise(raw);
      const methods = methodsOf(ind.method, ind.target, varyMethods);
      indicators.push({ dimension: d, methods, scores: methods.map((m) => scoreColumn(ind.key, raw, stats, m, ind.target, rules.missingPolicy)) });
      described.push({ key: ind.key, dimension: dim.key, method: ind.method, methods });
    }
  });

  // The draws' zones, by table index: copies of the nominal ones whose score fields each draw overwrites.
  const zones: ZoneResult[] = new Array(n);
  for (const z of nominal.zones) zones[zoneIndex(z.zone)] = trialZone(z);
  const bonus = Float64Array.from(zones, (z) => z.bonus);
  const penalty = Float64Array.from(zones, (z) => z.penalty);
  const prevRank = zones.map((z) => z.prevRank);
  const names = inputs.map((z) => z.zone);
  const namePosition = new Int32Array(n);
  [...names.keys()].sort((a, b) => byName(names[a], names[b])).forEach((i, p) => (namePosition[i] = p));
  const nameOrder = (a: number, b: number): number => namePosition[a] - namePosition[b];
  // Each draw sorts starting from the last draw's order: nearly sorted already, which the sort
  // takes in close to linear time, and the comparator is a total order, so the start never shows.
  let previousOrder = [...names.keys()];
  const hasPrevRanks = table.columns.prevRank && nominal.zones.some((z) => z.prevRank !== null);

  const awardRules: readonly AwardRule[] = rules.awards;
  const awardIndex = new Map(awardRules.map((a, k) => [a.key, k]));
  const rankHist = new Uint32Array(n * n);
  const wins = new Uint32Array(awardRules.length * n);
  const anyWins = new Uint32Array(n);

  const random = seededRandom(options.seed);
  const weights = new WeightDraws(rules, weightShare, random);
  const picked = new Int32Array(indicators.length);
  const composite = new Float64Array(n);
  const dimPoints = new Float64Array(dims.length * n);
  const rank = new Int32Array(n);
  const tied = new Uint8Array(n);
  const ranked: ZoneResult[] = new Array(n);
  const rankedInputs: ZoneInput[] = new Array(n);
  const progressStep = Math.max(1, Math.ceil(runs / 100));

  for (let run = 1; run <= runs; run++) {
    weights.next();
    if (varyMethods) for (let j = 0; j < indicators.length; j++) picked[j] = Math.floor(random() * indicators[j].methods.length);

    // The composite exactly as scoreZones sums it, so a draw without noise reproduces the nominal rating to the bit.
    composite.fill(0);
    dimPoints.fill(0);
    for (let j = 0; j < indicators.length; j++) {
      const ind = indicators[j];
      const points = weights.indicators[j];
      const score = ind.scores[picked[j]];
      const base = ind.dimension * n;
      for (let i = 0; i < n; i++) {
        const contribution = (score[i] / 100) * points;
        composite[i] += contribution;
        dimPoints[base + i] += contribution;
      }
    }
    for (let i = 0; i < n; i++) {
      composite[i] = composite[i] + bonus[i] - penalty[i];
      const z = zones[i];
      z.composite = composite[i];
      for (let d = 0; d < dims.length; d++) z.dimensions[dims[d].key] = dimPoints[d * n + i];
      z.awards.length = 0;
    }

    const order = rankByOrder(composite, nameOrder, previousOrder, rank, tied);
    previousOrder = order;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const z = zones[i];
      z.rank = rank[i];
      z.tied = tied[i] === 1;
      const prev = prevRank[i];
      z.rankChange = prev === null ? null : prev - rank[i];
      ranked[k] = z;
      rankedInputs[k] = inputs[i];
      rankHist[i * n + rank[i] - 1]++;
    }
    assignAwards(ranked, rankedInputs, rules, hasPrevRanks);
    for (let i = 0; i < n; i++) {
      const won = zones[i].awards;
      if (won.length === 0) continue;
      anyWins[i]++;
      for (const key of won) wins[(awardIndex.get(key) as number) * n + i]++;
    }
    if (options.onProgress && (run % progressStep === 0 || run === runs)) options.onProgress(run, runs);
  }

  const zoneResults: ZoneRobustness[] = nominal.zones.map((z) => {
    const i = zoneIndex(z.zone);
    const awardProbability: Record<string, number> = {};
    awardRules.forEach((a, k) => (awardProbability[a.key] = wins[k * n + i] / runs));
    return {
      zone: z.zone,
      city: z.city,
      rank: z.rank,
      stars: z.stars,
      awards: [...z.awards],
      medianRank: rankQuantile(rankHist, i * n, n, runs, 0.5),
      rankP5: rankQuantile(rankHist, i * n, n, runs, 0.05),
      rankP95: rankQuantile(rankHist, i * n, n, runs, 0.95),
      awardProbability,
      anyAwardProbability: anyWins[i] / runs,
    };
  });

  const awards: AwardRobustness[] = awardRules.map((a) => {
    const chance = (z: ZoneRobustness): AwardChance => ({ zone: z.zone, rank: z.rank, probability: z.awardProbability[a.key] });
    const byChance = (x: AwardChance, y: AwardChance): number => y.probability - x.probability || x.rank - y.rank || byName(x.zone, y.zone);
    const winners = zoneResults.filter((z) => z.awards.includes(a.key)).map(chance);
    return {
      key: a.key,
      nameZh: a.nameZh,
      nameEn: a.nameEn,
      stable: winners.filter((c) => c.probability >= stableAt).sort(byChance),
      borderline: winners.filter((c) => c.probability < stableAt).sort(byChance),
      close: zoneResults
        .filter((z) => !z.awards.includes(a.key))
        .map(chance)
        .filter((c) => c.probability >= closeAt)
        .sort(byChance),
    };
  });

  const result: RobustnessResult = { rulesId: rules.id, runs, seed: options.seed, weightShare, varyMethods, stableAt, closeAt, indicators: described, zones: zoneResults, awards };
  if (table.year !== undefined) result.year = table.year;
  return result;
}

// The rating engine's contract. Pure data: no Office.js, no ExcelJS, no DOM, no I/O.
// Every other room (workbook reader, sheet plans, hosts, task pane) codes against these types.

/** Indicators read from the officials' table (SPEC §2). Units are the canonical ones (亿元, 万人, 亩, %, …). */
export type RawIndicatorKey =
  | "va"
  | "tax"
  | "emp"
  | "rev"
  | "vaPrev"
  | "fai"
  | "outCap"
  | "leadShare"
  | "landMu"
  | "rd"
  | "smart"
  | "energy"
  | "energyPrev";

/** Indicators computed from raw ones (SPEC §2 "Derived"). */
export type DerivedIndicatorKey = "vaGrowth" | "taxPerMu" | "rdIntensity" | "energyDrop";

export type IndicatorKey = RawIndicatorKey | DerivedIndicatorKey;

export const RAW_INDICATOR_KEYS: readonly RawIndicatorKey[] = [
  "va",
  "tax",
  "emp",
  "rev",
  "vaPrev",
  "fai",
  "outCap",
  "leadShare",
  "landMu",
  "rd",
  "smart",
  "energy",
  "energyPrev",
];

export const DERIVED_INDICATOR_KEYS: readonly DerivedIndicatorKey[] = [
  "vaGrowth",
  "taxPerMu",
  "rdIntensity",
  "energyDrop",
];

/** Where a zone's row sits in the user's workbook, so engine warnings can point at a cell. */
export interface RowSource {
  sheet: string;
  /** 1-based Excel row number. */
  row: number;
  /** A1 address of the zone-name cell, e.g. "B7". */
  zoneCell: string;
  /** A1 address of each indicator's cell, where the column exists. */
  cells: Partial<Record<RawIndicatorKey | "prevRank" | "prevStars" | "maxStars" | "bonus" | "penalty" | "veto", string>>;
}

/** One zone's input row, already parsed and converted to canonical units. */
export interface ZoneInput {
  zone: string;
  city: string;
  group?: string;
  /** Raw indicator values; a key that is absent (or undefined) is missing for this zone. */
  values: Partial<Record<RawIndicatorKey, number>>;
  prevRank?: number;
  prevStars?: number;
  maxStars?: number;
  bonus?: number;
  penalty?: number;
  /** Non-empty text = vetoed (一票否决); the text says why. */
  veto?: string;
  source?: RowSource;
}

/** The engine's input: every zone of one rating run. */
export interface ZoneTable {
  /** Assessment year (the title block's year where found). */
  year?: number;
  zones: ZoneInput[];
  /** Which optional columns exist in the table at all (a missing column differs from a blank cell: e.g. 十快 falls back to growth only when there is no prevRank column). */
  columns: {
    indicators: RawIndicatorKey[];
    prevRank: boolean;
    prevStars: boolean;
    maxStars: boolean;
    bonus: boolean;
    penalty: boolean;
    veto: boolean;
    group: boolean;
  };
}

// ---------------------------------------------------------------------------------------------
// Rules

/** 省文件 official notice · 参照外省 another province's rule · 推定 inferred default. */
export type Provenance = "official" | "otherProvince" | "inferred";

export type NormMethod = "minmax" | "p90cap" | "zscore" | "target";

export type MissingPolicy = "zero" | "mean";

export interface IndicatorRule {
  key: IndicatorKey;
  /** Relative weight inside the dimension (normalised to the dimension's weight). */
  weight: number;
  method: NormMethod;
  /** Required for method "target": the value that scores 100. */
  target?: number;
  provenance: Provenance;
}

export interface DimensionRule {
  /** Stable key used in the JSON (scale, growth, investment, cluster, green, …). */
  key: string;
  nameZh: string;
  nameEn: string;
  /** Points this dimension contributes at most; dimension weights sum to 100 in the presets. */
  weight: number;
  indicators: IndicatorRule[];
  provenance: Provenance;
}

/** Thresholds on the three star indicators, in 亿元 / 亿元 / 万人. */
export interface StarThresholds {
  va: number;
  tax: number;
  emp: number;
}

export type StarIndicator = keyof StarThresholds;

export const STAR_INDICATORS: readonly StarIndicator[] = ["va", "tax", "emp"];

export interface StarRules {
  /** 门槛: below it a zone is "belowGate" (exit warning). */
  gate: StarThresholds & { provenance: Provenance };
  /** levels[0] is 1★ … levels[5] is 6★; thresholds never decrease with level. */
  levels: Array<StarThresholds & { level: number; provenance: Provenance }>;
  /** How many of va, tax, emp must meet a level's thresholds (3 = all of them). */
  minIndicatorsMet: number;
  /** At most this many levels up from prevStars in one year; null = no limit. */
  maxStepPerYear: number | null;
  /** A vetoed zone keeps at most its prevStars that year. */
  vetoBlocksPromotion: boolean;
  provenance: Provenance;
}

/** What an award ranks zones by. */
export type AwardMetric =
  | { kind: "composite" }
  /** rankChange among zones with a prevRank; with no prevRank column, vaGrowth with a warning. */
  | { kind: "rankChange" }
  /** Sum of the points of the named dimensions (e.g. cluster + green for 十先进). */
  | { kind: "dimensions"; dimensions: string[] };

export type AwardSelection =
  | { kind: "top"; count: number; metric: AwardMetric }
  /** Every eligible zone whose starStatus is "first" (首次晋星). */
  | { kind: "firstStar" };

export interface AwardRule {
  /** JSON key: strong, fast, advanced (henan-2013); excellent, firstStar (henan-2017). */
  key: string;
  nameZh: string;
  nameEn: string;
  selection: AwardSelection;
  prizeYuan: number;
  /** Exclusive awards give one title per zone, assigned in rule order; a zone already titled is skipped. */
  exclusive: boolean;
  provenance: Provenance;
}

/**
 * 退出预警 from the history: a zone that was below the gate or among the province's last `bottomN`
 * in at least `times` of the last `window` years (this year included) is warned. times = window
 * means "K consecutive years".
 */
export interface ExitRule {
  bottomN: number;
  times: number;
  window: number;
  provenance: Provenance;
}

/** A target an indicator must reach in one year only (a plan's interim step, e.g. 2020's 11 万元/亩). */
export interface InterimTarget {
  key: IndicatorKey;
  year: number;
  value: number;
  provenance: Provenance;
}

export interface Rules {
  /** Preset id (henan-2013, henan-2017, service-zones-2016) or "sheet" when read from 评定规则. */
  id: string;
  nameZh: string;
  nameEn: string;
  dimensions: DimensionRule[];
  bonusCap: number;
  bonusCapProvenance: Provenance;
  missingPolicy: MissingPolicy;
  stars: StarRules;
  awards: AwardRule[];
  /** 授牌: zones at this star level or more. */
  plaqueMinStars: number;
  /** 退出预警 over the years; absent: DEFAULT_EXIT_RULE (src/engine/history.ts). */
  exit?: ExitRule;
  /** Year-specific targets that 达标情况 uses instead of an indicator's `target` in that year. */
  interimTargets?: InterimTarget[];
}

// ---------------------------------------------------------------------------------------------
// Issues (errors and warnings), shared by every room

export type Severity = "error" | "warning";

/**
 * A problem, carried as a value (never thrown). `code` is stable (UPPER_SNAKE); `params` fill the
 * localised message template; `message` is filled in the report language by the workbook room
 * before the issue reaches a user.
 */
export interface Issue {
  severity: Severity;
  code: string;
  sheet?: string;
  /** A1 address, e.g. "E7". */
  cell?: string;
  /** The zone concerned, where there is one. */
  zone?: string;
  params?: Record<string, string | number>;
  message?: string;
}

// ---------------------------------------------------------------------------------------------
// Result

export type StarStatus = "promoted" | "first" | "kept" | "demoted" | "belowGate" | "new";

/** One indicator's path from raw value to points, for 计算明细. */
export interface IndicatorScore {
  key: IndicatorKey;
  dimension: string;
  /** Value in canonical units; null when missing. */
  raw: number | null;
  missing: boolean;
  /** Normalised 0–100 (after the missing policy). */
  score: number;
  /** Points this indicator can contribute at most (dimension weight × relative weight share). */
  weight: number;
  /** score / 100 × weight. */
  contribution: number;
  method: NormMethod;
}

/**
 * What one indicator's scores were computed from, so any score can be recomputed by hand (计算明细):
 * the statistics over every zone of the run that has the value (vetoed ones included), the target,
 * and the score a zone without the value got. A statistic is null when no zone has the value.
 */
export interface IndicatorReference {
  key: IndicatorKey;
  dimension: string;
  method: NormMethod;
  /** The method is reversed for it (e.g. energy intensity). */
  lowerIsBetter: boolean;
  /** Points this indicator can contribute at most, as in IndicatorScore. */
  weight: number;
  /** Zones that have the value. */
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation (STDEV.P). */
  sd: number | null;
  /** PERCENTILE.INC at 0.1 and 0.9. */
  p10: number | null;
  p90: number | null;
  /** The rule's target (method "target"); null otherwise. */
  target: number | null;
  /** Score given to the zones that lack the value (0 under policy "zero", the others' mean under "mean"); null when none lacks it. */
  missingScore: number | null;
}

export interface NextStar {
  level: number;
  /** How much more of each indicator is needed (0 where already met), canonical units. */
  shortfall: StarThresholds;
}

export interface ZoneResult {
  zone: string;
  city: string;
  group?: string;
  indicators: IndicatorScore[];
  /** Points per dimension key. */
  dimensions: Record<string, number>;
  /** Bonus after the cap. */
  bonus: number;
  penalty: number;
  /** Unrounded. */
  composite: number;
  rank: number;
  /** Shares its rank with another zone (并列). */
  tied: boolean;
  cityRank: number;
  cityTied: boolean;
  prevRank: number | null;
  /** prevRank − rank; positive = moved up; null without prevRank. */
  rankChange: number | null;
  stars: number;
  prevStars: number | null;
  starStatus: StarStatus;
  belowGate: boolean;
  nextStar: NextStar | null;
  /** Award keys won, in rule order. */
  awards: string[];
  vetoed: boolean;
  veto?: string;
  /** On the 授牌 list. */
  plaque: boolean;
  /** Derived indicator values (vaGrowth, taxPerMu, rdIntensity, energyDrop) where computable. */
  derived: Partial<Record<DerivedIndicatorKey, number>>;
  source?: RowSource;
}

export interface AwardList {
  key: string;
  nameZh: string;
  nameEn: string;
  prizeYuan: number;
  /** Winners in order of the award's metric. */
  zones: string[];
  /** A tie at the last place could not be split: every tied zone was taken in (需人工确认). */
  tieAtLastPlace: boolean;
  /** The metric actually used (十快 may fall back to vaGrowth). */
  metricUsed: "composite" | "rankChange" | "vaGrowth" | "dimensions" | "firstStar";
}

export interface RatingResult {
  rules: Rules;
  year?: number;
  /** Sorted by rank, ties by zone name code point. */
  zones: ZoneResult[];
  awards: AwardList[];
  prizeTotalYuan: number;
  /** Key "0".."6" → number of zones. */
  starCounts: Record<string, number>;
  /** 授牌 list, sorted by stars descending then rank. */
  plaque: string[];
  /** Warnings the engine raised (fallbacks, ties at last place, missing values scored per policy). */
  issues: Issue[];
  /**
   * One per scored indicator, in the order of every zone's `indicators`. rate() always fills it;
   * a result put together by other means may leave it out, and then nothing can be recomputed.
   */
  references?: IndicatorReference[];
}

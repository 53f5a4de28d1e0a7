// The catalogue of indicator-table columns (SPEC §2). Templates and the reader share it, so a
// header the template writes is always one the reader accepts.
import type { DerivedIndicatorKey, RawIndicatorKey } from "../../engine/types";
import { withoutInvisible } from "./invisible";

export type ColumnKey =
  | "zone"
  | "city"
  | "group"
  | RawIndicatorKey
  | "prevRank"
  | "prevStars"
  | "maxStars"
  | "bonus"
  | "penalty"
  | "veto";

export type ColumnKind = "text" | "number" | "percent" | "integer";

/** Canonical units; the reader converts every accepted unit to these. */
export type CanonicalUnit = "亿元" | "万人" | "亩" | "%" | "吨标准煤/万元" | "分" | "";

export interface ColumnSpec {
  key: ColumnKey;
  /** Chinese spellings; the first is the one templates write. */
  zh: readonly string[];
  /** English spellings; the first is the one templates write. */
  en: readonly string[];
  unit: CanonicalUnit;
  required: boolean;
  kind: ColumnKind;
  /** A negative value is an error (SPEC §3). */
  nonNegative: boolean;
}

function col(key: ColumnKey, zh: string[], en: string[], unit: CanonicalUnit, kind: ColumnKind, required = false, nonNegative = kind === "number"): ColumnSpec {
  return { key, zh, en, unit, required, kind, nonNegative };
}

export const COLUMNS: readonly ColumnSpec[] = [
  col("zone", ["集聚区名称", "名称", "产业集聚区", "产业集聚区名称", "集聚区"], ["Zone", "ZoneName"], "", "text", true),
  col("city", ["所属地市", "地市", "省辖市", "所属省辖市"], ["City"], "", "text", true),
  col("group", ["区域组"], ["Group"], "", "text"),
  col("va", ["增加值"], ["ValueAdded"], "亿元", "number", true),
  col("tax", ["税收收入", "税收"], ["Tax"], "亿元", "number", true),
  col("emp", ["从业人员"], ["Employment"], "万人", "number", true),
  col("rev", ["主营业务收入"], ["Revenue"], "亿元", "number"),
  col("vaPrev", ["上年增加值"], ["ValueAddedPrev"], "亿元", "number"),
  col("fai", ["固定资产投资"], ["Investment"], "亿元", "number"),
  col("outCap", ["实际利用省外资金"], ["OutsideCapital"], "亿元", "number"),
  col("leadShare", ["主导产业增加值占比"], ["LeadIndustryShare"], "%", "percent"),
  col("landMu", ["工业用地面积"], ["IndustrialLandMu"], "亩", "number"),
  col("rd", ["研发经费支出"], ["RnD"], "亿元", "number"),
  col("smart", ["智能化改造普及率"], ["SmartRate"], "%", "percent"),
  col("energy", ["万元工业增加值能耗"], ["EnergyIntensity"], "吨标准煤/万元", "number"),
  col("energyPrev", ["上年万元工业增加值能耗"], ["EnergyIntensityPrev"], "吨标准煤/万元", "number"),
  col("prevRank", ["上年综合排名"], ["PrevRank"], "", "integer"),
  col("prevStars", ["上年星级"], ["PrevStars"], "", "integer"),
  col("maxStars", ["历史最高星级"], ["MaxStars"], "", "integer"),
  col("bonus", ["加分"], ["Bonus"], "分", "number"),
  col("penalty", ["扣分"], ["Penalty"], "分", "number"),
  col("veto", ["否决事项"], ["Veto"], "", "text"),
];

const BY_KEY = new Map<ColumnKey, ColumnSpec>(COLUMNS.map((c) => [c.key, c]));

export function columnSpec(key: ColumnKey): ColumnSpec {
  const spec = BY_KEY.get(key);
  if (!spec) throw new Error(`Unknown column key: ${key}`);
  return spec;
}

/** Every spelling a user may type for the column, for messages that list them. */
export function acceptedSpellings(spec: ColumnSpec): string {
  return [...spec.zh, ...spec.en].join(" / ");
}

/** The header a template writes, with its unit in brackets where the column has one. */
export function templateHeader(spec: ColumnSpec, lang: "zh" | "en"): string {
  const name = lang === "zh" ? spec.zh[0] : spec.en[0];
  return spec.unit ? `${name}（${spec.unit}）` : name;
}

export interface HeaderText {
  /** Header name with spaces and the bracketed unit removed, NFKC-normalised. */
  name: string;
  /** The bracketed unit as typed (normalised), if any. */
  unit?: string;
}

/** Trims, removes every space (incl. U+3000) and invisible character, and splits off a trailing unit in () or （）. */
export function splitHeader(raw: string): HeaderText {
  // NFKC turns full-width brackets, letters, digits and % into their ASCII forms.
  const text = withoutInvisible(raw).normalize("NFKC").replace(/\s+/g, "");
  const m = /^(.*?)\(([^()]*)\)$/.exec(text);
  if (m && m[1]) return { name: m[1], unit: m[2] };
  return { name: text };
}

const BY_SPELLING = new Map<string, ColumnSpec>();
for (const spec of COLUMNS) {
  for (const s of [...spec.zh, ...spec.en]) BY_SPELLING.set(splitHeader(s).name.toLowerCase(), spec);
}

/** The column a header names, ignoring spaces, case and the unit; undefined when none. */
export function matchColumn(name: string): ColumnSpec | undefined {
  return BY_SPELLING.get(name.toLowerCase());
}

// A Map, as the key comes from user text (a rules sheet, an issue's params): "constructor" is no label.
const DERIVED_LABELS: ReadonlyMap<string, { zh: string; en: string }> = new Map<DerivedIndicatorKey, { zh: string; en: string }>([
  ["vaGrowth", { zh: "增加值增速", en: "ValueAddedGrowth" }],
  ["taxPerMu", { zh: "亩均税收", en: "TaxPerMu" }],
  ["rdIntensity", { zh: "研发投入强度", en: "RnDIntensity" }],
  ["energyDrop", { zh: "能耗下降率", en: "EnergyIntensityDrop" }],
]);

/** The display name of an indicator key (raw or derived) in the report language; the key itself when unknown. */
export function indicatorLabel(key: string, lang: "zh" | "en"): string {
  const derived = DERIVED_LABELS.get(key);
  if (derived) return derived[lang];
  const spec = BY_KEY.get(key as ColumnKey);
  if (spec) return lang === "zh" ? spec.zh[0] : spec.en[0];
  return key;
}

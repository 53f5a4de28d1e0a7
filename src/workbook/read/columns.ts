// The catalogue of indicator-table columns (SPEC §2). Templates and the reader share it, so a
// header the template writes is always one the reader accepts.
import type { RawIndicatorKey } from "../../engine/types";
import { INDICATOR_NAMES } from "../../i18n/indicators";
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
  col("va", [INDICATOR_NAMES.va.zh], [INDICATOR_NAMES.va.en], "亿元", "number", true),
  col("tax", [INDICATOR_NAMES.tax.zh, "税收"], [INDICATOR_NAMES.tax.en], "亿元", "number", true),
  col("emp", [INDICATOR_NAMES.emp.zh], [INDICATOR_NAMES.emp.en], "万人", "number", true),
  col("rev", [INDICATOR_NAMES.rev.zh], [INDICATOR_NAMES.rev.en], "亿元", "number"),
  col("vaPrev", [INDICATOR_NAMES.vaPrev.zh], [INDICATOR_NAMES.vaPrev.en], "亿元", "number"),
  col("fai", [INDICATOR_NAMES.fai.zh], [INDICATOR_NAMES.fai.en], "亿元", "number"),
  col("outCap", [INDICATOR_NAMES.outCap.zh], [INDICATOR_NAMES.outCap.en], "亿元", "number"),
  col("leadShare", [INDICATOR_NAMES.leadShare.zh], [INDICATOR_NAMES.leadShare.en], "%", "percent"),
  col("landMu", [INDICATOR_NAMES.landMu.zh], [INDICATOR_NAMES.landMu.en], "亩", "number"),
  col("rd", [INDICATOR_NAMES.rd.zh], [INDICATOR_NAMES.rd.en], "亿元", "number"),
  col("smart", [INDICATOR_NAMES.smart.zh], [INDICATOR_NAMES.smart.en], "%", "percent"),
  col("energy", [INDICATOR_NAMES.energy.zh], [INDICATOR_NAMES.energy.en], "吨标准煤/万元", "number"),
  col("energyPrev", [INDICATOR_NAMES.energyPrev.zh], [INDICATOR_NAMES.energyPrev.en], "吨标准煤/万元", "number"),
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


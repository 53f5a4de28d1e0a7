// How each kind of figure is written: its decimals, grouping and sign, as an Excel number format
// for the sheets and as text for the task pane and the sentences the sheets print, from one table,
// so 10.44 万元/亩 reads the same on paper and in the pane.
import type { Locale } from "../../i18n/locale";

export type Quantity =
  /** Composite, dimension points, bonus, penalty, weights in points. */
  | "points"
  /** A difference of points, signed (a zone against the median). */
  | "signedPoints"
  /** What one indicator adds to the composite. */
  | "contribution"
  /** A normalised score, 0–100. */
  | "score"
  /** Ranks, counts, star levels, places moved. */
  | "whole"
  /** A probability 0–1, shown as a percentage. */
  | "probability"
  /** Prizes in 万元. */
  | "wanYuan"
  /** Prizes in yuan. */
  | "yuan"
  /** Indicator amounts in 亿元, 万人, 万元/亩. */
  | "amount"
  /** Indicators stated in % (82.60 for 82.6 %). */
  | "percent"
  /** Land in 亩. */
  | "area"
  /** Energy intensity in 吨标准煤/万元. */
  | "intensity";

interface NumberStyle {
  decimals: number;
  grouped: boolean;
  signed?: boolean;
  percent?: boolean;
}

const STYLES: Record<Quantity, NumberStyle> = {
  points: { decimals: 2, grouped: false },
  signedPoints: { decimals: 2, grouped: false, signed: true },
  contribution: { decimals: 3, grouped: false },
  score: { decimals: 2, grouped: false },
  whole: { decimals: 0, grouped: false },
  probability: { decimals: 1, grouped: false, percent: true },
  wanYuan: { decimals: 0, grouped: true },
  yuan: { decimals: 0, grouped: true },
  amount: { decimals: 2, grouped: true },
  percent: { decimals: 2, grouped: true },
  area: { decimals: 0, grouped: true },
  intensity: { decimals: 3, grouped: false },
};

/** The quantity of each indicator's raw value, by its unit. */
const INDICATOR_QUANTITIES: Record<string, Quantity> = {
  va: "amount",
  tax: "amount",
  emp: "amount",
  rev: "amount",
  vaPrev: "amount",
  fai: "amount",
  outCap: "amount",
  rd: "amount",
  taxPerMu: "amount",
  leadShare: "percent",
  smart: "percent",
  vaGrowth: "percent",
  rdIntensity: "percent",
  energyDrop: "percent",
  landMu: "area",
  energy: "intensity",
  energyPrev: "intensity",
};

export function indicatorQuantity(key: string): Quantity {
  return INDICATOR_QUANTITIES[key] ?? "amount";
}

/** The Excel number format of a quantity: "0.00", "#,##0", "+0.00;-0.00;0.00", "0.0%". */
export function numberFormat(q: Quantity): string {
  const s = STYLES[q];
  const digits = `${s.grouped ? "#,##0" : "0"}${s.decimals > 0 ? `.${"0".repeat(s.decimals)}` : ""}`;
  if (s.percent) return `${digits}%`;
  return s.signed ? `+${digits};-${digits};${digits}` : digits;
}

/** One formatter per quantity and language: building one costs far more than using it (100,000 zones' shortfalls). */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatter(q: Quantity, locale: Locale): Intl.NumberFormat {
  const key = `${q}\u0000${locale}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    const s = STYLES[q];
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: s.decimals, maximumFractionDigits: s.decimals, useGrouping: s.grouped });
    FORMATTERS.set(key, f);
  }
  return f;
}

/** The figure as the quantity's number format shows it (the percent sign of a probability included, no unit). */
export function formatQuantity(value: number, q: Quantity, locale: Locale = "zh-CN"): string {
  const s = STYLES[q];
  const shown = s.percent ? value * 100 : value;
  const text = formatter(q, locale).format(shown);
  // Rounding to the shown decimals can leave a negative zero ("-0.00"), which Excel shows unsigned.
  const clean = /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
  if (s.percent) return `${clean}%`;
  return s.signed && shown > 0 && !/^0(\.0+)?$/.test(clean) ? `+${clean}` : clean;
}

// Parsing one cell of the indicator table into a number or text, or the reason it cannot be.
import { isCellError, isUncalculatedFormula, type CellValue } from "../grid";
import type { ColumnSpec } from "./columns";

export type CellProblem = { code: string; params: Record<string, string | number> };

export type ParsedCell<T> = { kind: "blank" } | { kind: "value"; value: T } | { kind: "problem"; problem: CellProblem };

const BLANK = { kind: "blank" } as const;

/** How the cell looked to the user, for messages. */
export function displayValue(v: CellValue): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (isUncalculatedFormula(v)) return `=${v.formula}`;
  return String(v);
}

function problem(code: string, params: Record<string, string | number>): { kind: "problem"; problem: CellProblem } {
  return { kind: "problem", problem: { code, params } };
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Reads numeric text: thousands separators, full-width digits and punctuation, and "12%" where allowed. */
export function parseNumericText(text: string, percentAllowed: boolean): number | undefined {
  // NFKC maps full-width digits, comma, period, minus-like signs and ％ to ASCII.
  let t = text.normalize("NFKC").replace(/\s+/g, "").replace(/[−–]/g, "-");
  if (percentAllowed && t.endsWith("%")) t = t.slice(0, -1);
  if (PLAIN.test(t)) return Number(t);
  if (GROUPED.test(t)) return Number(t.replace(/,/g, ""));
  return undefined;
}

/**
 * Parses a numeric cell of the given column into canonical units (factor from the header's unit).
 * Range checks (negative, % range, star levels, ranks) are part of parsing, so every problem of a
 * cell is found in one place.
 */
export function parseNumberCell(v: CellValue, numberFormat: string | undefined, spec: ColumnSpec, factor: number): ParsedCell<number> {
  if (v === null) return BLANK;
  if (isCellError(v)) return problem("EXCEL_ERROR", { value: v.error });
  let n: number | undefined;
  if (typeof v === "number") {
    n = v;
    // A cell showing "12%" holds 0.12; the column wants 12.
    if (spec.kind === "percent" && numberFormat !== undefined && numberFormat.includes("%")) n = v * 100;
  } else if (typeof v === "string") {
    if (v.trim() === "") return BLANK;
    n = parseNumericText(v, spec.kind === "percent");
  }
  if (n === undefined || !Number.isFinite(n)) return problem("NOT_A_NUMBER", { value: displayValue(v) });
  n *= factor;
  if (spec.kind === "integer") return checkInteger(n, spec, displayValue(v));
  if (spec.nonNegative && n < 0) return problem("NEGATIVE_VALUE", { value: displayValue(v) });
  if (spec.kind === "percent" && (n < 0 || n > 100)) return problem("PERCENT_OUT_OF_RANGE", { value: displayValue(v) });
  return { kind: "value", value: n };
}

function checkInteger(n: number, spec: ColumnSpec, shown: string): ParsedCell<number> {
  if (spec.key === "prevRank") {
    return Number.isInteger(n) && n >= 1 ? { kind: "value", value: n } : problem("BAD_PREV_RANK", { value: shown });
  }
  return Number.isInteger(n) && n >= 0 && n <= 6 ? { kind: "value", value: n } : problem("BAD_STAR_LEVEL", { value: shown });
}

/** Reads a text cell exactly as typed (only surrounding spaces trimmed); numbers become their text. */
export function parseTextCell(v: CellValue): ParsedCell<string> {
  if (v === null) return BLANK;
  if (isCellError(v)) return problem("EXCEL_ERROR", { value: v.error });
  // String.trim also removes the full-width space U+3000.
  const text = String(v).trim();
  return text === "" ? BLANK : { kind: "value", value: text };
}

/** True when a cell holds nothing a user typed. */
export function isBlankCell(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

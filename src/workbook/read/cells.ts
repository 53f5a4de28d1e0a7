// Parsing one cell of the indicator table into a number or text, or the reason it cannot be.
import { isCellError, isUncalculatedFormula, type CellValue } from "../grid";
import type { ColumnSpec } from "./columns";
import { hasInvisible, isInvisible } from "./invisible";

export type CellProblem = { code: string; params: Record<string, string | number> };

/** A value may carry a note: it was read, but not exactly as the cell holds it (a warning). */
export type ParsedCell<T> = { kind: "blank" } | { kind: "value"; value: T; note?: CellProblem } | { kind: "problem"; problem: CellProblem };

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

/**
 * Full-width ASCII (U+FF01–U+FF5E) and the ideographic space as their ASCII forms. Only these: NFKC
 * would also turn superscripts, circled and other compatibility digits into digits ("1²" → "12").
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Reads numeric text as SPEC §2 allows: full-width digits, punctuation and sign, thousands
 * separators, surrounding spaces, and "12%" where allowed. Anything else (inner spaces,
 * superscripts, circled digits…) is not a number.
 */
export function parseNumericText(text: string, percentAllowed: boolean): number | undefined {
  // The minus sign and the en dash Word puts for one: a negative then gets its own, clearer error.
  let t = toHalfWidth(text).trim().replace(/[−–]/g, "-");
  if (percentAllowed && t.endsWith("%")) t = t.slice(0, -1).trimEnd();
  if (PLAIN.test(t)) return Number(t);
  if (GROUPED.test(t)) return Number(t.replace(/,/g, ""));
  return undefined;
}

interface FormatSection {
  /** The section's format codes: quoted text, escaped, padding and fill characters removed. */
  code: string;
  /** What the section holds in [ ]: colours, conditions, locales, elapsed-time codes. */
  brackets: string[];
}

/** Splits an Excel number format into its ;-separated sections, keeping only what Excel reads as codes. */
function formatSections(format: string): FormatSection[] {
  const sections: FormatSection[] = [];
  let section: FormatSection = { code: "", brackets: [] };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      // \x shows x; _x leaves the width of x; *x fills with x: the next character is never a code.
      i++;
    } else if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      section.brackets.push(format.slice(i + 1, end < 0 ? format.length : end));
      i = end < 0 ? format.length : end;
    } else if (ch === ";") {
      sections.push(section);
      section = { code: "", brackets: [] };
    } else section.code += ch;
  }
  sections.push(section);
  return sections;
}

/** "General" in English and as Chinese and Japanese Excel write it: its G and e are no date codes. */
const GENERAL = /general|G\/(通用格式|常规|標準|标准)/gi;
/** Scientific notation, whose E is no year. */
const SCIENTIFIC = /e[+-]/gi;
/**
 * Day, month, year, hour, second, era (g, e), Buddhist year (b) and calendar (B1/B2) codes, the
 * 年/月/日 Chinese and Japanese formats write unquoted, AM/PM in both spellings, and aaa(a), the
 * weekday in Chinese formats.
 */
const DATE_CODE = /[dmyhsegb]|[年月日]|上午\/下午|aaa/i;
/** [h], [mm], [ss]: elapsed time. */
const ELAPSED = /^(h+|m+|s+)$/i;
/** [$-F800] system long date, [$-F400] system time, [$-x-sysdate] / [$-x-systime]: dates without codes. */
const SYSTEM_DATE = /^\$[^-]*-(?:[0-9a-f]*F[48]00|x-sys(?:date|time))$/i;

function sectionIsDate(s: FormatSection): boolean {
  if (s.brackets.some((b) => ELAPSED.test(b) || SYSTEM_DATE.test(b))) return true;
  return DATE_CODE.test(s.code.replace(GENERAL, "").replace(SCIENTIFIC, ""));
}

/** Formats seen so far: a sheet has a handful, its cells a great many. */
const dateFormats = new Map<string, boolean>();
const MAX_REMEMBERED_FORMATS = 1_000;

/** True when the number format shows a date or a time (the cell then holds a date serial, not a figure). */
export function isDateTimeFormat(format: string): boolean {
  if (format === "" || format === "General") return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = formatSections(format).some(sectionIsDate);
    if (dateFormats.size >= MAX_REMEMBERED_FORMATS) dateFormats.clear();
    dateFormats.set(format, known);
  }
  return known;
}

/**
 * True when the format multiplies by 100 to show a percentage: a % code, not a quoted or escaped
 * "%" (0.0"%" shows 0.8 as 0.8%, already in percent). The first section decides: the others only
 * differ for negatives and zero, which no percentage column accepts scaled or not.
 */
export function hasPercentToken(format: string): boolean {
  return format.includes("%") && formatSections(format)[0].code.includes("%");
}

const MS_PER_DAY = 86_400_000;

/** A date serial as the user would read it: 2013-05-01, 2013-05-01 12:00, or 18:00 for a time alone. */
function serialText(serial: number): string {
  if (serial < 0) return String(serial);
  const days = Math.floor(serial);
  const minutes = Math.round((serial - days) * 24 * 60);
  // Excel counts 1900-02-29, which never was: from serial 61 on, day 0 is 1899-12-30.
  const date = new Date(Date.UTC(1899, 11, days >= 61 ? 30 : 31) + days * MS_PER_DAY + minutes * 60_000);
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  if (days === 0) return time;
  return minutes === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * Parses a numeric cell of the given column into canonical units (factor from the header's unit).
 * Range checks (negative, % range, star levels, ranks) are part of parsing, so every problem of a
 * cell is found in one place.
 */
export function parseNumberCell(v: CellValue, numberFormat: string | undefined, spec: ColumnSpec, factor: number): ParsedCell<number> {
  if (v === null) return BLANK;
  if (isCellError(v)) return problem("EXCEL_ERROR", { value: v.error });
  if (isUncalculatedFormula(v)) return problem("UNCALCULATED_FORMULA", { value: displayValue(v) });
  let n: number | undefined;
  if (typeof v === "number") {
    // Both hosts hand a date over as its serial (41,395 for 2013-05-01): only the format tells.
    if (numberFormat !== undefined && isDateTimeFormat(numberFormat)) return problem("DATE_IN_NUMBER_COLUMN", { value: serialText(v) });
    n = v;
    // A cell showing "12%" holds 0.12; the column wants 12.
    if (spec.kind === "percent" && numberFormat !== undefined && hasPercentToken(numberFormat)) n = v * 100;
  } else if (typeof v === "string") {
    if (isBlankCell(v)) return BLANK;
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

/** Text with nothing that needs cleaning: printable ASCII, and the BMP outside controls, surrogates and U+FFFE/U+FFFF. */
const CLEAN = /^[\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]*$/;

function isLineBreak(code: number): boolean {
  return code >= 0x09 && code <= 0x0d;
}

/** C0 and C1 controls, DEL and the non-characters U+FFFE / U+FFFF. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff;
}

function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Removes what an .xlsx cannot carry as typed, so the JSON and the written sheets show the same
 * name: XML 1.0 has no C0 controls (the writer drops them), turns CR LF into LF, and writes a lone
 * surrogate as U+FFFD. Tabs and line breaks become one space (with the spaces around them, so
 * "甲区 \n 产业" reads "甲区 产业"); other controls and lone surrogates go. Removes what cannot be
 * seen too (src/workbook/read/invisible.ts), so a name with a zero-width space is the name without
 * it. `removed` lists what was taken out, each code once, in order; `controls` says whether any of
 * it was a control character.
 */
export function cleanText(raw: string): { text: string; removed: string[]; controls: boolean } {
  if (CLEAN.test(raw) && !hasInvisible(raw)) return { text: raw, removed: [], controls: false };
  const removed: string[] = [];
  const note = (codePoint: number): void => {
    const label = codePointLabel(codePoint);
    if (!removed.includes(label)) removed.push(label);
  };
  let controls = false;
  let text = "";
  let afterBreak = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const next = raw.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const pair = raw.slice(i, i + 2);
      i++;
      if (isInvisible(pair)) note(pair.codePointAt(0)!);
      else {
        text += pair;
        afterBreak = false;
      }
      continue;
    }
    if (isControl(code) || (code >= 0xd800 && code <= 0xdfff)) {
      note(code);
      controls = true;
      if (isLineBreak(code)) {
        text = `${text.replace(/ +$/, "")} `;
        afterBreak = true;
      }
      continue;
    }
    if (isInvisible(raw[i])) {
      note(code);
      continue;
    }
    if (afterBreak && code === 0x20) continue;
    afterBreak = false;
    text += raw[i];
  }
  return { text, removed, controls };
}

/**
 * Reads a text cell as typed, only surrounding spaces trimmed and what an .xlsx cannot carry or
 * nobody can see removed (see cleanText, with a note saying so); numbers become their text.
 */
export function parseTextCell(v: CellValue): ParsedCell<string> {
  if (v === null) return BLANK;
  if (isCellError(v)) return problem("EXCEL_ERROR", { value: v.error });
  if (isUncalculatedFormula(v)) return problem("UNCALCULATED_FORMULA", { value: displayValue(v) });
  const { text, removed, controls } = cleanText(String(v));
  // String.trim also removes the full-width space U+3000.
  const value = text.trim();
  if (value === "") return BLANK;
  if (removed.length === 0) return { kind: "value", value };
  return { kind: "value", value, note: { code: controls ? "CONTROL_CHARS_REMOVED" : "INVISIBLE_CHARS_REMOVED", params: { value, chars: removed.join(", ") } } };
}

/** True when a cell holds nothing a user typed (control characters alone count as nothing). */
export function isBlankCell(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== "string") return false;
  return v.trim() === "" || cleanText(v).text.trim() === "";
}

/** SPEC §2's "nothing" markers for 否决事项, compared trimmed, in half-width and lower case. */
const NO_VETO = new Set(["无", "没有", "否", "不存在", "无否决事项", "/", "0", "none", "no", "n/a"]);

/** True when a 否决事项 cell says there is no veto (无, -, N/A…) rather than naming one. */
export function isNoVetoMarker(text: string): boolean {
  const t = toHalfWidth(text).trim().toLowerCase();
  // A dash of any length and kind: -, —, ——, –.
  return NO_VETO.has(t) || /^[-—–]+$/.test(t);
}

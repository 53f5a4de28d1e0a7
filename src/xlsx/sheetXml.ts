// One sheet plan as SpreadsheetML (CT_Worksheet), generated row by row: the sheet's XML comes out
// in chunks of a few tens of kilobytes and never exists whole, however many rows the plan has.
import { cellRef } from "../workbook/plan/formulas";
import { resolveNumberFormats } from "../workbook/plan/formats";
import type { CellStyle, DataValidationSpec, PlanCell, PlanFormula, Rect, SheetPlan } from "../workbook/plan/types";
import { MAIN_NS, type StyleRegistry } from "./styles";
import { escapeXml } from "./xmlEdit";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const A4 = 9;
/** Rows whose formats are resolved at a time, so no sheet-sized array of formats is ever held. */
const FORMAT_CHUNK = 4_096;
/** Bytes of XML handed on at a time. */
const CHUNK_BYTES = 1 << 20;
/** Excel's last column index (XFD), the extent of a row break. */
const LAST_COLUMN = 16_383;

/** Characters XML 1.0 cannot hold (dropped, as Excel's own writers do) and what must be escaped. */
// eslint-disable-next-line no-control-regex -- the control characters are what these match
const NEEDS_CARE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex -- as above
const CARE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Text as element content: markup escaped, characters XML cannot carry dropped, and a literal
 * "_x0041_" kept literal (ST_Xstring would read it as "A": its "_" is written as _x005F_).
 */
export function xmlText(s: string): string {
  if (!NEEDS_CARE.test(s)) return s;
  return s.replace(CARE, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === "_" ? "_x005F_" : ""));
}

function columnLetters(col: number): string {
  return cellRef(0, col).replace(/\d+$/, "");
}

function rangeRef(rect: Rect, absolute = false): string {
  const from = cellRef(rect.r0, rect.c0, absolute);
  const to = cellRef(rect.r1, rect.c1, absolute);
  return from === to ? from : `${from}:${to}`;
}

/** Rows covered by a merge other than its top-left cell: a value there would overwrite the top-left's. */
function coveredCells(plan: SheetPlan): Map<number, Set<number>> {
  const covered = new Map<number, Set<number>>();
  for (const m of plan.merges) {
    for (let r = m.r0; r <= m.r1; r++) {
      let cols = covered.get(r);
      if (!cols) covered.set(r, (cols = new Set<number>()));
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) cols.add(c);
    }
  }
  return covered;
}

function sheetViews(plan: SheetPlan): string {
  const { rows, cols } = plan.freeze;
  if (rows === 0 && cols === 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${cellRef(rows, cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

function columns(plan: SheetPlan): string {
  const hidden = new Set(plan.hiddenColumns ?? []);
  const count = Math.max(plan.columnWidths.length, ...[...hidden].map((c) => c + 1));
  let xml = "";
  for (let c = 0; c < count; ) {
    const width = plan.columnWidths[c];
    const isHidden = hidden.has(c);
    let last = c;
    while (last + 1 < count && plan.columnWidths[last + 1] === width && hidden.has(last + 1) === isHidden) last++;
    if (width !== undefined || isHidden) xml += `<col min="${c + 1}" max="${last + 1}"${width !== undefined ? ` width="${width}" customWidth="1"` : ""}${isHidden ? ' hidden="1"' : ""}/>`;
    c = last + 1;
  }
  return xml === "" ? "" : `<cols>${xml}</cols>`;
}

function validations(plan: SheetPlan): string {
  const rules: string[] = [];
  for (const lv of plan.listValidation ?? []) {
    rules.push(`<dataValidation type="list" showErrorMessage="1" error="${escapeXml(lv.message)}" sqref="${rangeRef(lv.range)}"><formula1>${rangeRef(lv.source, true)}</formula1></dataValidation>`);
  }
  for (const dv of plan.dataValidation ?? []) rules.push(numberValidation(dv));
  return rules.length === 0 ? "" : `<dataValidations count="${rules.length}">${rules.join("")}</dataValidations>`;
}

function numberValidation(spec: DataValidationSpec): string {
  const rule = spec.rule;
  const operator = rule.max === undefined ? "greaterThanOrEqual" : "between";
  const formulas = `<formula1>${rule.min}</formula1>${rule.max === undefined ? "" : `<formula2>${rule.max}</formula2>`}`;
  return `<dataValidation type="${rule.kind}" operator="${operator}" allowBlank="1" showErrorMessage="1" error="${escapeXml(spec.message)}" sqref="${rangeRef(spec.range)}">${formulas}</dataValidation>`;
}

/** Everything after the cells, in CT_Worksheet's order. */
function sheetEnd(plan: SheetPlan, drawingRelId: string | undefined): string {
  let xml = "</sheetData>";
  if (plan.merges.length > 0) xml += `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`;
  xml += validations(plan);
  xml += '<printOptions horizontalCentered="1"/>';
  xml += '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  // Each sheet numbers its own pages from 1, so "page &P of &N" restarts on every sheet printed.
  xml += `<pageSetup paperSize="${A4}" orientation="${plan.print.orientation}" fitToWidth="1" fitToHeight="0" useFirstPageNumber="1" firstPageNumber="1"/>`;
  xml += `<headerFooter><oddFooter>${xmlText(`&C${plan.print.footer}`)}</oddFooter></headerFooter>`;
  const breaks = plan.pageBreaks ?? [];
  if (breaks.length > 0) xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="${LAST_COLUMN}" man="1"/>`).join("")}</rowBreaks>`;
  if (drawingRelId !== undefined) xml += `<drawing r:id="${drawingRelId}"/>`;
  return `${xml}</worksheet>`;
}

const utf8 = new TextEncoder();
const ascii = (s: string): Uint8Array => utf8.encode(s);
const CELL = ascii('<c r="');
const CELL_STYLE = ascii('" s="');
const NUMBER = ascii('"><v>');
const VALUE_END = ascii("</v></c>");
const TEXT = ascii('" t="inlineStr"><is><t>');
const TEXT_PRESERVED = ascii('" t="inlineStr"><is><t xml:space="preserve">');
const TEXT_END = ascii("</t></is></c>");
const BOOLEAN = ascii('" t="b"><v>');
const FORMULA = ascii('"><f>');
const FORMULA_END = ascii("</f></c>");
const EMPTY_END = ascii('"/>');
const ROW = ascii('<row r="');
const ROW_HEIGHT = ascii('" ht="');
const ROW_CUSTOM = ascii('" customHeight="1');
const TAG_END = ascii('">');
const ROW_END = ascii("</row>");
/** Texts longer than this are encoded each time instead of kept. */
const CACHED_TEXT = 256;
/** Encoded texts kept at most; the cache starts over beyond (a zone's name repeats on its consecutive rows). */
const CACHE_SIZE = 50_000;

/**
 * A sheet's XML built as bytes in place: markup from constants, numbers digit by digit, each text
 * escaped and encoded once while it recurs. Building rows as strings and encoding them would
 * allocate several times the output, and the collector's work would outweigh the writing.
 */
export class XmlBytes {
  private buffer = new Uint8Array(2 * CHUNK_BYTES);
  private length = 0;
  private readonly texts = new Map<string, Uint8Array>();

  get size(): number {
    return this.length;
  }

  /** The bytes so far; the buffer starts anew (the taker may keep them). */
  take(): Uint8Array {
    const out = this.buffer.subarray(0, this.length);
    this.buffer = new Uint8Array(this.buffer.length);
    this.length = 0;
    return out;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buffer.set(b, this.length);
    this.length += b.length;
  }

  /** Markup already escaped, written as it is. */
  markup(xml: string): void {
    this.room(xml.length * 3);
    this.length += utf8.encodeInto(xml, this.buffer.subarray(this.length)).written;
  }

  /** A non-negative integer, digit by digit. */
  digits(n: number): void {
    let count = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
    this.room(count);
    for (let i = this.length + count - 1; i >= this.length; i--) {
      this.buffer[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.length += count;
  }

  number(v: number): void {
    if (Number.isSafeInteger(v) && v >= 0) return this.digits(v);
    // A number's text is ASCII: its characters are its bytes.
    const text = Object.is(v, -0) ? "0" : String(v);
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i);
  }

  /** Element text: escaped (xmlText) and encoded, from the cache when it recurs. */
  text(s: string): void {
    if (s.length > CACHED_TEXT) return this.markup(xmlText(s));
    let b = this.texts.get(s);
    if (!b) {
      if (this.texts.size >= CACHE_SIZE) this.texts.clear();
      b = utf8.encode(xmlText(s));
      this.texts.set(s, b);
    }
    this.bytes(b);
  }

  /** Drops what was written since `size` was `at` (a row that turned out empty). */
  rewind(at: number): void {
    this.length = at;
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

/**
 * The plan's worksheet XML, written into `out` a row at a time: values (text always as inline
 * text, never a formula), formulas without a cached value, number formats, styles, merges, layout,
 * print setup, page breaks, validations and the drawing that holds its charts. Yields whenever
 * `out` holds a chunk worth handing on. Style indexes are the registry's plus `xfOffset` (where
 * the result's formats start in the written styles part); `onRows` hears how many more rows are
 * written, every few thousand.
 */
export function* worksheetXml(plan: SheetPlan, styles: StyleRegistry, xfOffset: number, out: XmlBytes, onRows: (rows: number) => void, drawingRelId?: string): Generator<void, void, undefined> {
  out.markup(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      sheetViews(plan) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      columns(plan) +
      "<sheetData>",
  );
  const covered = coveredCells(plan);
  const formulasByRow = new Map<number, PlanFormula[]>();
  for (const f of plan.formulas ?? []) {
    const list = formulasByRow.get(f.row);
    if (list) list.push(f);
    else formulasByRow.set(f.row, [f]);
  }
  const heights = [...(plan.rowHeights ?? [])].sort((a, b) => a.r0 - b.r0);
  let nextHeight = 0;
  const letters: Uint8Array[] = [];
  const letter = (c: number): Uint8Array => (letters[c] ??= ascii(columnLetters(c)));
  const styleAttrs: Uint8Array[] = [];
  const styleAttr = (s: number): Uint8Array => (styleAttrs[s] ??= ascii(String(s + xfOffset)));
  const cellStart = (c: number, r: number, s: number): void => {
    out.bytes(CELL);
    out.bytes(letter(c));
    out.digits(r + 1);
    if (s !== 0) {
      out.bytes(CELL_STYLE);
      out.bytes(styleAttr(s));
    }
  };
  // A sweep over the rows keeps only the styles that cover the current row; while that set stays
  // the same (the long body of a table), each column's format is worked out once per number format.
  // Where styles overlap, the later in the plan wins, as the hosts apply them.
  const order = new Map(plan.styles.map((st, i) => [st, i]));
  const byStart = [...plan.styles].sort((a, b) => a.range.r0 - b.range.r0);
  let next = 0;
  let active: CellStyle[] = [];
  let looks: Array<Map<string, number>> = [];
  let width = 0;
  const look = (c: number, format: string): number => {
    let byFormat = looks[c];
    if (!byFormat) looks[c] = byFormat = new Map();
    let s = byFormat.get(format);
    if (s === undefined) {
      s = styles.index(active.filter((st) => st.range.c0 <= c && c <= st.range.c1), format);
      byFormat.set(format, s);
    }
    return s;
  };
  const rows = plan.values.length;
  for (let chunk = 0; chunk < rows; chunk += FORMAT_CHUNK) {
    const last = Math.min(rows - 1, chunk + FORMAT_CHUNK - 1);
    if (chunk > 0) onRows(FORMAT_CHUNK);
    const formats = resolveNumberFormats(plan, chunk, last);
    for (let r = chunk; r <= last; r++) {
      const before = active.length;
      while (next < byStart.length && byStart[next].range.r0 <= r) active.push(byStart[next++]);
      const stillActive = active.filter((s) => s.range.r1 >= r);
      if (active.length !== before || stillActive.length !== active.length || r === 0) {
        active = stillActive.sort((a, b) => order.get(a)! - order.get(b)!);
        looks = [];
        width = active.reduce((w, s) => Math.max(w, s.range.c1 + 1), 0);
      }
      while (nextHeight < heights.length && heights[nextHeight].r1 < r) nextHeight++;
      const height = nextHeight < heights.length && heights[nextHeight].r0 <= r ? heights[nextHeight].height : undefined;
      const values: readonly PlanCell[] = plan.values[r];
      const skip = covered.get(r);
      const rowFormats = formats[r - chunk];
      const rowFormulas = formulasByRow.get(r);
      const rowStart = out.size;
      out.bytes(ROW);
      out.digits(r + 1);
      if (height !== undefined) {
        out.bytes(ROW_HEIGHT);
        out.number(height);
        out.bytes(ROW_CUSTOM);
      }
      out.bytes(TAG_END);
      const cellsStart = out.size;
      for (let c = 0, end = Math.max(values.length, width, rowFormulas ? Math.max(...rowFormulas.map((f) => f.col + 1)) : 0); c < end; c++) {
        const formula = rowFormulas?.find((f) => f.col === c);
        if (formula) {
          // No cached result: Excel calculates on load (the workbook asks it to) and LibreOffice
          // computes a formula that has none, where it would show a cached figure as it is.
          cellStart(c, r, look(c, formula.format ?? "General"));
          out.bytes(FORMULA);
          out.markup(xmlText(formula.formula.replace(/^=/, "")));
          out.bytes(FORMULA_END);
          continue;
        }
        const v = c < values.length && !skip?.has(c) ? values[c] : null;
        const s = look(c, v === null ? "General" : rowFormats[c]);
        if (v === null && s === 0) continue;
        cellStart(c, r, s);
        if (v === null) out.bytes(EMPTY_END);
        else if (typeof v === "number") {
          if (!Number.isFinite(v)) throw new Error(`Sheet ${plan.name}: ${cellRef(r, c)} holds ${v}, which a workbook cannot store.`);
          out.bytes(NUMBER);
          out.number(v);
          out.bytes(VALUE_END);
        } else if (typeof v === "string") {
          out.bytes(v.trim() === v ? TEXT : TEXT_PRESERVED);
          out.text(v);
          out.bytes(TEXT_END);
        } else {
          out.bytes(BOOLEAN);
          out.digits(v ? 1 : 0);
          out.bytes(VALUE_END);
        }
      }
      if (out.size === cellsStart && height === undefined) out.rewind(rowStart);
      else out.bytes(ROW_END);
      if (out.size >= CHUNK_BYTES) yield;
    }
  }
  onRows(rows - Math.floor(Math.max(rows - 1, 0) / FORMAT_CHUNK) * FORMAT_CHUNK);
  out.markup(sheetEnd(plan, drawingRelId));
}

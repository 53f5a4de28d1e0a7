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
/** Characters of XML handed on at a time. */
const YIELD_AT = 1 << 16;
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

function numberText(v: number, plan: SheetPlan, row: number, col: number): string {
  if (!Number.isFinite(v)) throw new Error(`Sheet ${plan.name}: ${cellRef(row, col)} holds ${v}, which a workbook cannot store.`);
  return Object.is(v, -0) ? "0" : String(v);
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

/**
 * The plan's worksheet XML in chunks: values (text always as inline text, never a formula),
 * formulas without a cached value, number formats, styles, merges, layout, print setup, page
 * breaks, validations and the drawing that holds its charts. Style indexes are the registry's
 * plus `xfOffset` (where the result's formats start in the written styles part); `onRows` hears
 * how many more rows each chunk holds.
 */
export function* worksheetXml(plan: SheetPlan, styles: StyleRegistry, xfOffset: number, onRows: (rows: number) => void, drawingRelId?: string): Generator<string, void, undefined> {
  let xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    sheetViews(plan) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columns(plan) +
    "<sheetData>";
  const covered = coveredCells(plan);
  const formulasByRow = new Map<number, PlanFormula[]>();
  for (const f of plan.formulas ?? []) {
    const list = formulasByRow.get(f.row);
    if (list) list.push(f);
    else formulasByRow.set(f.row, [f]);
  }
  const heights = [...(plan.rowHeights ?? [])].sort((a, b) => a.r0 - b.r0);
  let nextHeight = 0;
  const letters: string[] = [];
  const letter = (c: number): string => (letters[c] ??= columnLetters(c));
  // A sweep over the rows keeps only the styles that cover the current row; while that set stays
  // the same (the long body of a table), each column's format is worked out once per number format.
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
  let reported = 0;
  for (let chunk = 0; chunk < rows; chunk += FORMAT_CHUNK) {
    const last = Math.min(rows - 1, chunk + FORMAT_CHUNK - 1);
    const formats = resolveNumberFormats(plan, chunk, last);
    for (let r = chunk; r <= last; r++) {
      const before = active.length;
      while (next < byStart.length && byStart[next].range.r0 <= r) active.push(byStart[next++]);
      const stillActive = active.filter((s) => s.range.r1 >= r);
      if (active.length !== before || stillActive.length !== active.length || r === 0) {
        active = stillActive;
        looks = [];
        width = active.reduce((w, s) => Math.max(w, s.range.c1 + 1), 0);
      }
      while (nextHeight < heights.length && heights[nextHeight].r1 < r) nextHeight++;
      const height = nextHeight < heights.length && heights[nextHeight].r0 <= r ? heights[nextHeight].height : undefined;
      const values: readonly PlanCell[] = plan.values[r];
      const skip = covered.get(r);
      const rowFormats = formats[r - chunk];
      const rowFormulas = formulasByRow.get(r);
      const n = String(r + 1);
      let cells = "";
      for (let c = 0, end = Math.max(values.length, width, rowFormulas ? Math.max(...rowFormulas.map((f) => f.col + 1)) : 0); c < end; c++) {
        const formula = rowFormulas?.find((f) => f.col === c);
        if (formula) {
          // No cached result: Excel calculates on load (the workbook asks it to) and LibreOffice
          // computes a formula that has none, where it would show a cached figure as it is.
          const s = look(c, formula.format ?? "General");
          cells += `<c r="${letter(c)}${n}"${s === 0 ? "" : ` s="${s + xfOffset}"`}><f>${xmlText(formula.formula.replace(/^=/, ""))}</f></c>`;
          continue;
        }
        const v = c < values.length && !skip?.has(c) ? values[c] : null;
        const s = look(c, v === null ? "General" : rowFormats[c]);
        if (v === null && s === 0) continue;
        const head = `<c r="${letter(c)}${n}"${s === 0 ? "" : ` s="${s + xfOffset}"`}`;
        if (v === null) cells += `${head}/>`;
        else if (typeof v === "number") cells += `${head}><v>${numberText(v, plan, r, c)}</v></c>`;
        else if (typeof v === "string") cells += `${head} t="inlineStr"><is><t${v.trim() === v ? "" : ' xml:space="preserve"'}>${xmlText(v)}</t></is></c>`;
        else cells += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      }
      if (cells === "" && height === undefined) continue;
      xml += `<row r="${n}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>${cells}</row>`;
      if (xml.length >= YIELD_AT) {
        onRows(r + 1 - reported);
        reported = r + 1;
        yield xml;
        xml = "";
      }
    }
  }
  onRows(rows - reported);
  yield xml + sheetEnd(plan, drawingRelId);
}

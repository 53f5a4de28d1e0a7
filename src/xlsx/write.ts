// Writes sheet plans into an .xlsx: the file-side twin of src/excel's applyPlans.
//
// The result sheets are streamed out by ExcelJS's WorkbookWriter (memory stays bounded however many
// zones), then added to a copy of the input package part by part: the user's sheets reach the
// output byte for byte (charts, pivots, validations and all), where loading and re-saving the whole
// workbook through ExcelJS would drop what ExcelJS cannot model and hold every cell in memory.
// ExcelJS 4.4 cannot write charts, so a plan's chart spec is left out and its source table (the
// star counts by city) is what the file shows.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { a1 } from "../workbook/grid";
import { resolveNumberFormats } from "../workbook/plan/formats";
import { freeSheetName } from "../workbook/plan/sheetName";
import type { CellStyle, DataValidationSpec, PlanFormula, Rect, SheetKind, SheetPlan } from "../workbook/plan/types";
import { isResultSheetKind, markerName } from "./marker";
import { mergeIntoPackage, type PlacedSheet } from "./merge";
import { openPackage } from "./package";
import { verifiedSheetKinds } from "./sheets";

const A4 = 9;
/** Excel's row limit: a longer plan continues on further sheets, each with the plan's header rows. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Rows whose formats are resolved at a time, so no sheet-sized array of formats is ever held. */
const FORMAT_CHUNK = 4_096;

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };

function validation(spec: DataValidationSpec): ExcelJS.DataValidation {
  const rule = spec.rule;
  const base = { allowBlank: true, showErrorMessage: true, error: spec.message, type: rule.kind } as const;
  if (rule.max === undefined) return { ...base, operator: "greaterThanOrEqual", formulae: [rule.min] };
  return { ...base, operator: "between", formulae: [rule.min, rule.max] };
}

/** A plan's rows [from, to] (data rows) as a sheet of their own, under the plan's title and header rows. */
export function planPiece(plan: SheetPlan, from: number, to: number): SheetPlan {
  const head = plan.headerRow;
  if (from === head + 1 && to === plan.values.length - 1) return plan;
  const map = (r: number): number => (r <= head ? r : r - from + head + 1);
  const clip = (rect: Rect): Rect[] => {
    const out: Rect[] = [];
    if (rect.r0 <= head) out.push({ ...rect, r1: Math.min(rect.r1, head) });
    const r0 = Math.max(rect.r0, from);
    const r1 = Math.min(rect.r1, to);
    if (r0 <= r1) out.push({ ...rect, r0: map(r0), r1: map(r1) });
    return out;
  };
  const piece: SheetPlan = {
    ...plan,
    values: [...plan.values.slice(0, head + 1), ...plan.values.slice(from, to + 1)],
    columnFormats: plan.columnFormats.flatMap((f) => clip({ r0: f.r0, r1: f.r1, c0: f.col, c1: f.col }).map((r) => ({ ...f, r0: r.r0, r1: r.r1 }))),
    merges: plan.merges.flatMap((m) => (m.r0 <= head && m.r1 > head ? [] : clip(m))),
    styles: plan.styles.flatMap((s) => clip(s.range).map((range) => ({ ...s, range }))),
    dataValidation: plan.dataValidation?.flatMap((v) => clip(v.range).map((range) => ({ ...v, range }))),
  };
  if (plan.charts) delete piece.charts;
  const lastRow = map(to) + 1;
  if (plan.formulas) {
    piece.formulas = plan.formulas.flatMap((f) => {
      // A formula above the table (a check over all rows) reads this piece's rows only.
      if (f.row <= head) return [{ ...f, formula: f.formula.replace(/(\$[A-Z]{1,3}\$)(\d+)/g, (_m, col: string, row: string) => `${col}${Math.min(Number(row), lastRow)}`) }];
      if (f.row < from || f.row > to) return [];
      // A row's own formula refers to its own row, which moves with it.
      const own = String(f.row + 1);
      const moved = String(map(f.row) + 1);
      return [{ ...f, row: map(f.row), formula: f.formula.replace(/(\$?[A-Z]{1,3})(\$?)(\d+)/g, (m, col: string, abs: string, row: string) => (abs === "" && row === own ? `${col}${moved}` : m)) }];
    });
  }
  if (plan.pageBreaks) piece.pageBreaks = plan.pageBreaks.filter((r) => r <= head || (r >= from && r <= to)).map(map);
  return piece;
}

/** The plan as one or more sheets that each fit Excel's row limit. */
export function splitPlan(plan: SheetPlan, maxRows = MAX_SHEET_ROWS): SheetPlan[] {
  const perPiece = maxRows - (plan.headerRow + 1);
  const last = plan.values.length - 1;
  if (last < maxRows) return [plan];
  const pieces: SheetPlan[] = [];
  for (let from = plan.headerRow + 1; from <= last; from += perPiece) pieces.push(planPiece(plan, from, Math.min(last, from + perPiece - 1)));
  return pieces;
}

/** One shared style object per distinct look, so ExcelJS finds each style by identity (a WeakMap), not by value. */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  get(active: readonly CellStyle[], numFmt: string): Partial<ExcelJS.Style> | undefined {
    if (active.length === 0 && numFmt === "General") return undefined;
    const key = `${numFmt}\u0000${active.map((s) => JSON.stringify(s, ["bold", "fontSize", "fill", "border", "align", "wrap"])).join("|")}`;
    let style = this.styles.get(key);
    if (!style) {
      style = {};
      if (numFmt !== "General") style.numFmt = numFmt;
      for (const s of active) {
        if (s.bold !== undefined || s.fontSize !== undefined) style.font = { ...style.font, bold: s.bold ?? style.font?.bold, size: s.fontSize ?? style.font?.size };
        if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
        if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
        if (s.align !== undefined || s.wrap !== undefined) style.alignment = { ...style.alignment, horizontal: s.align ?? style.alignment?.horizontal, wrapText: s.wrap ?? style.alignment?.wrapText, vertical: "middle" };
      }
      this.styles.set(key, style);
    }
    return style;
  }
}

function worksheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const [t0, t1] = plan.print.titleRows;
  return {
    views: [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }],
    pageSetup: {
      paperSize: A4,
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${t0 + 1}:${t1 + 1}`,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${plan.print.footer}`, evenFooter: `&C${plan.print.footer}` },
  };
}

/** Streams one plan into a new sheet: values (text as text), formats, layout and print setup; rows are committed as they are written. */
async function streamPlan(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, plan: SheetPlan, cache: StyleCache): Promise<void> {
  const ws = wb.addWorksheet(name, worksheetOptions(plan));
  plan.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const c of plan.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  const formulasByRow = new Map<number, PlanFormula[]>();
  for (const f of plan.formulas ?? []) formulasByRow.set(f.row, [...(formulasByRow.get(f.row) ?? []), f]);
  // The streaming writer marks merged cells in rows it has not committed yet, so each merge is
  // declared when its first row comes up: declared all at once, a merge near the end of a long
  // sheet would keep every row before it in memory.
  const merges = [...plan.merges].sort((a, b) => a.r0 - b.r0);
  let nextMerge = 0;
  // A value given to a merged cell other than the top-left one would overwrite the top-left's.
  const covered = new Map<number, Set<number>>();
  for (const m of plan.merges) {
    for (let r = m.r0; r <= m.r1; r++) {
      const cols = covered.get(r) ?? new Set<number>();
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) cols.add(c);
      covered.set(r, cols);
    }
  }
  // A sweep over the rows keeps only the styles that cover the current row; while that set stays
  // the same (the long body of a table), each column's look is worked out once.
  const byStart = [...plan.styles].sort((a, b) => a.range.r0 - b.range.r0);
  let next = 0;
  let active: CellStyle[] = [];
  let looks: Array<Map<string, Partial<ExcelJS.Style> | undefined>> = [];
  let width = 0;
  const rows = plan.values.length;
  for (let chunk = 0; chunk < rows; chunk += FORMAT_CHUNK) {
    // Committed rows wait in memory until the zip stream writes them out, which it does only
    // when the event loop gets a turn.
    if (chunk > 0) await drained(ws);
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
      for (; nextMerge < merges.length && merges[nextMerge].r0 <= r; nextMerge++) {
        const m = merges[nextMerge];
        ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
      }
      const row = ws.getRow(r + 1);
      const values = plan.values[r];
      const skip = covered.get(r);
      const rowFormats = formats[r - chunk];
      for (let c = 0, end = Math.max(values.length, width); c < end; c++) {
        const v = c < values.length && !skip?.has(c) ? values[c] : null;
        const format = v === null ? "General" : rowFormats[c];
        let look = looks[c];
        if (!look) looks[c] = look = new Map();
        let style = look.get(format);
        if (style === undefined && !look.has(format)) {
          style = cache.get(active.filter((s) => s.range.c0 <= c && c <= s.range.c1), format);
          look.set(format, style);
        }
        if (v === null && !style) continue;
        const cell = row.getCell(c + 1);
        // A string becomes a string cell, never a formula; "@" keeps Excel from re-parsing it on edit.
        if (v !== null) cell.value = v;
        if (style) cell.style = style;
      }
      for (const f of formulasByRow.get(r) ?? []) {
        const cell = row.getCell(f.col + 1);
        // No cached result: Excel calculates on load (the workbook asks it to) and LibreOffice computes
        // a formula that has none, where it would show a cached figure as it is.
        cell.value = { formula: f.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
        const style = cache.get(active.filter((st) => st.range.c0 <= f.col && f.col <= st.range.c1), f.format ?? "General");
        if (style) cell.style = style;
      }
      row.commit();
    }
  }
  for (const lv of plan.listValidation ?? []) {
    const source = `$${a1(lv.source.r0, lv.source.c0).replace(/(\d+)$/, "$$$1")}:$${a1(lv.source.r1, lv.source.c1).replace(/(\d+)$/, "$$$1")}`;
    const rule: ExcelJS.DataValidation = { type: "list", allowBlank: false, showErrorMessage: true, error: lv.message, formulae: [source] };
    for (let r = lv.range.r0; r <= lv.range.r1; r++) for (let c = lv.range.c0; c <= lv.range.c1; c++) addValidation(ws, a1(r, c), rule);
  }
  for (const dv of plan.dataValidation ?? []) {
    const rule = validation(dv);
    for (let r = dv.range.r0; r <= dv.range.r1; r++) for (let c = dv.range.c0; c <= dv.range.c1; c++) addValidation(ws, a1(r, c), rule);
  }
  ws.commit();
}

function addValidation(ws: ExcelJS.Worksheet, address: string, rule: ExcelJS.DataValidation): void {
  // The streaming sheet has the collection; ExcelJS's typings only declare it on the in-memory sheet.
  (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(address, rule);
}

/** Bytes of sheet XML allowed to wait for compression before the writer pauses. */
const PENDING_BYTES = 8 * 1024 * 1024;

/**
 * Waits until the zip stream has taken in what the sheet wrote so far. ExcelJS's sheet stream
 * writes on regardless of backpressure, so without this pause a long sheet piles up in memory
 * ahead of the compressor.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  // archiver hands the sheet stream to a PassThrough (readable-stream 2, which has no
  // writableLength), where the XML waits for the compressor.
  type Queue = { _writableState?: { length: number }; _readableState?: { length: number } };
  const pipes = (ws as unknown as { stream?: { pipes?: Queue[] } }).stream?.pipes ?? [];
  const pending = (): number => pipes.reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
  await new Promise((resolve) => setImmediate(resolve));
  while (pending() > PENDING_BYTES) await new Promise((resolve) => setTimeout(resolve, 2));
}


export interface WriteResultOptions {
  /** The input workbook (its path or bytes): its sheets are carried over unchanged, before the result sheets. */
  input?: string | Uint8Array;
  outPath: string;
}

/** An input sheet by name, with the kind of sheet an earlier run wrote it as. */
export interface InputSheet {
  name: string;
  kind?: SheetKind;
}

export interface PlannedSheet {
  plan: SheetPlan;
  name: string;
  kind: SheetKind;
  /** 1 for a plan's first sheet, 2… for the sheets it continues on. */
  part: number;
}

/**
 * The sheets the plans become next to the input's sheets: a plan too long for one sheet continues on
 * more, and a name an input sheet already holds (other than an earlier run's result sheet, which
 * is replaced) gets a suffix.
 */
export function planSheets(plans: readonly SheetPlan[], inputSheets: readonly InputSheet[]): PlannedSheet[] {
  const taken = new Set(inputSheets.filter((s) => s.kind === undefined || !isResultSheetKind(s.kind)).map((s) => s.name.toLowerCase()));
  const out: PlannedSheet[] = [];
  for (const plan of plans) {
    splitPlan(plan).forEach((piece, i) => {
      const wanted = i === 0 ? plan.name : `${plan.name}-${i + 1}`;
      const name = freeSheetName(wanted, taken);
      taken.add(name.toLowerCase());
      out.push({ plan: piece, name, kind: plan.kind, part: i + 1 });
    });
  }
  return out;
}

/** Result sheets whose name a user's sheet in the input already holds, with the name each will get instead. */
export function takenSheetNames(plans: readonly SheetPlan[], inputSheets: readonly InputSheet[]): Array<{ wanted: string; name: string }> {
  return planSheets(plans, inputSheets)
    .filter((s) => s.part === 1 && s.name !== s.plan.name)
    .map((s) => ({ wanted: s.plan.name, name: s.name }));
}

/**
 * Writes the plans into outPath: the input workbook's sheets first (when an input is given), then
 * the result sheets. An earlier run's result sheets in the input are replaced; a user's sheet that
 * only shares a result sheet's name is kept, and the result sheet gets a suffixed name.
 * Returns the names of the result sheets written, one per plan (its first sheet).
 */
export async function writeResultXlsx(plans: SheetPlan[], opts: WriteResultOptions): Promise<string[]> {
  const input = typeof opts.input === "string" ? await readFile(opts.input) : opts.input;
  const base = input ? await openPackage(input) : undefined;
  // The sheets the merge replaces (verified, not only marked): a user's sheet under a result
  // sheet's name that a marker points at is kept, so the result takes another name.
  const kinds = base ? await verifiedSheetKinds(base) : new Map<string, SheetKind>();
  const sheets = planSheets(plans, base ? base.sheetNames.map((name) => ({ name, kind: kinds.get(name) })) : []);
  const work = mkdtempSync(join(dirname(opts.outPath), ".zone-rating-"));
  try {
    const resultFile = join(work, "result.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: resultFile, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    const cache = new StyleCache();
    for (const s of sheets) await streamPlan(wb, s.name, s.plan, cache);
    await wb.commit();
    const placed: PlacedSheet[] = sheets.map((s) => ({ name: s.name, marker: markerName(s.kind, s.part), rowBreaks: s.plan.pageBreaks ?? [], formulas: (s.plan.formulas?.length ?? 0) > 0 }));
    await mergeIntoPackage(base, await openPackage(readFileSync(resultFile)), placed, opts.outPath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return sheets.filter((s) => s.part === 1).map((s) => s.name);
}

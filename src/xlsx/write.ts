// Writes sheet plans into an .xlsx, the file-side twin of src/excel's applyPlans, the same in Node
// and in a browser's Web Worker: the rated workbook is the input package with the result sheets
// (their charts and markers) added, streamed into a byte sink part by part. The user's sheets reach
// the output byte for byte (charts, pivots, validations and all), where loading and re-saving the
// whole workbook through a library would drop what it cannot model and hold every cell in memory.
// src/xlsx/writeFile.ts writes it to a file for the command line.
import { freeSheetName } from "../workbook/plan/sheetName";
import type { Rect, SheetKind, SheetPlan } from "../workbook/plan/types";
import { isResultSheetKind } from "./marker";
import { emptyPackage, writePackage } from "./merge";
import { openPackage } from "./package";
import { verifiedSheetKinds } from "./sheets";
import { fflateEncoder, PackageZip, type ByteSink, type EncoderFactory } from "./zip";

export type { ByteSink } from "./zip";

export interface WriteOptions {
  /** Hears the share of the result rows written so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/** Excel's row limit: a longer plan continues on further sheets, each with the plan's header rows. */
export const MAX_SHEET_ROWS = 1_048_576;

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
  if (plan.rowHeights) piece.rowHeights = plan.rowHeights.flatMap((h) => clip({ r0: h.r0, r1: h.r1, c0: 0, c1: 0 }).map((r) => ({ ...h, r0: r.r0, r1: r.r1 })));
  // A chart goes with the piece that holds its source rows, and moves with them.
  const holds = (r: number): boolean => (r <= head ? from === head + 1 : r >= from && r <= to);
  const below = (rect: Rect): Rect => (rect.r0 > head ? { ...rect, r0: map(rect.r0), r1: map(rect.r1) } : rect);
  const charts = (plan.charts ?? []).filter((c) => holds(c.source.r0) && holds(c.source.r1));
  if (charts.length > 0) piece.charts = charts.map((c) => ({ ...c, source: below(c.source), anchor: below(c.anchor) }));
  else delete piece.charts;
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
 * The input package's parts copied as they are (earlier results dropped), the plans' sheets,
 * charts and markers added, streamed into `sink`; awaits the sink at every chunk, so memory stays
 * bounded. Without an input the workbook holds the result sheets alone. Resolves to the result
 * sheets' names, one per plan (its first sheet).
 */
export function writeRatedWorkbook(plans: SheetPlan[], input: Uint8Array | undefined, sink: ByteSink, opts: WriteOptions = {}): Promise<string[]> {
  return writeWorkbook(plans, input, sink, opts, fflateEncoder);
}

/** writeRatedWorkbook with the parts compressed by `encoders` (Node's zlib for the command line). */
export async function writeWorkbook(plans: SheetPlan[], input: Uint8Array | undefined, sink: ByteSink, opts: WriteOptions, encoders: EncoderFactory): Promise<string[]> {
  const base = input ? await openPackage(input) : await emptyPackage();
  // The sheets the package replaces (verified, not only marked): a user's sheet under a result
  // sheet's name that a marker points at is kept, so the result takes another name.
  const kinds = await verifiedSheetKinds(base);
  const sheets = planSheets(plans, base.sheetNames.map((name) => ({ name, kind: kinds.get(name) })));
  const total = sheets.reduce((n, s) => n + s.plan.values.length, 0);
  let done = 0;
  await writePackage(base, kinds, sheets, new PackageZip(sink, encoders), (rows) => {
    done += rows;
    opts.onProgress?.(total === 0 ? 1 : done / total);
  });
  return sheets.filter((s) => s.part === 1).map((s) => s.name);
}

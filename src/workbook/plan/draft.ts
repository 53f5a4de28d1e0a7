// A sheet plan under construction: rows appended top to bottom, with their formats and styles.
import type { PlanLabels } from "./labels";
import type { CellStyle, ColumnFormat, PlanCell, Rect, SheetKind, SheetPlan } from "./types";

export interface Draft {
  width: number;
  rows: PlanCell[][];
  merges: Rect[];
  styles: CellStyle[];
  columnFormats: ColumnFormat[];
}

export const HEADER_FILL = "#D9E1F2";
export const SECTION_FILL = "#F2F2F2";

export function newDraft(width: number): Draft {
  return { width, rows: [], merges: [], styles: [], columnFormats: [] };
}

/** Appends a row padded to the draft's width; returns its 0-based index. */
export function addRow(d: Draft, cells: PlanCell[]): number {
  const row = cells.slice(0, d.width);
  while (row.length < d.width) row.push(null);
  d.rows.push(row);
  return d.rows.length - 1;
}

/** A row whose text spans the whole width (titles, section headings, notes). */
export function addSpanningRow(d: Draft, text: string, style: Omit<CellStyle, "range">): number {
  const r = addRow(d, [text]);
  const range = { r0: r, c0: 0, r1: r, c1: d.width - 1 };
  if (d.width > 1) d.merges.push(range);
  d.styles.push({ range, ...style });
  return r;
}

export function addHeaderRow(d: Draft, headers: string[]): number {
  const r = addRow(d, headers);
  d.styles.push({ range: { r0: r, c0: 0, r1: r, c1: d.width - 1 }, bold: true, fill: HEADER_FILL, border: true, align: "center", wrap: true });
  return r;
}

/** Gives numeric cells of columns `cols` in rows r0..r1 the format. */
export function formatColumns(d: Draft, cols: number[], r0: number, r1: number, format: string): void {
  if (r1 < r0) return;
  for (const col of cols) d.columnFormats.push({ col, r0, r1, format });
}

export function borderRows(d: Draft, r0: number, r1: number): void {
  if (r1 >= r0) d.styles.push({ range: { r0, c0: 0, r1, c1: d.width - 1 }, border: true });
}

/** Display width of text in Excel character units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uFFFF]/.test(ch) && !/[\u2190-\u21FF]/.test(ch) ? 2 : 1;
  return w;
}

/** Width of the column's widest text, between min and max characters. */
export function fitWidth(d: Draft, col: number, min: number, max: number, fromRow: number): number {
  let w = min;
  for (let r = fromRow; r < d.rows.length; r++) {
    const v = d.rows[r][col];
    if (typeof v === "string") w = Math.max(w, textWidth(v) + 2);
    if (w >= max) return max;
  }
  return w;
}

export interface FinishOptions {
  kind: SheetKind;
  labels: PlanLabels;
  title: string;
  headerRow: number;
  columnWidths: number[];
  orientation: "portrait" | "landscape";
  freezeCols: number;
}

export function finishPlan(d: Draft, o: FinishOptions): SheetPlan {
  return {
    kind: o.kind,
    name: o.labels.sheetNames[o.kind],
    title: o.title,
    values: d.rows,
    headerRow: o.headerRow,
    columnFormats: d.columnFormats,
    columnWidths: o.columnWidths,
    merges: d.merges,
    styles: d.styles,
    freeze: { rows: o.headerRow + 1, cols: o.freezeCols },
    print: { orientation: o.orientation, paper: "A4", titleRows: [0, o.headerRow], fitToWidth: true, footer: o.labels.footer },
  };
}

export function titleStyle(): Omit<CellStyle, "range"> {
  return { bold: true, fontSize: 16, align: "center" };
}

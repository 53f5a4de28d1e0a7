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

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

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

/** Separators of the lists messages print (the zones of a tie…); a text that repeats one is a list. */
const LIST_SEPARATORS = ["、", ",", "，", ";", "；", "\n"];

function listSeparator(text: string): string | undefined {
  let best: string | undefined;
  let most = 1;
  for (const sep of LIST_SEPARATORS) {
    const count = text.split(sep).length - 1;
    if (count > most) {
      best = sep;
      most = count;
    }
  }
  return best;
}

/**
 * Text that fits one Excel cell: a longer one (a tie among thousands of zones) is cut and ends by
 * saying how much was left out. A list is cut after a whole item, and counts the items left out.
 */
function capCellText(text: string, l: Pick<PlanLabels, "moreItems" | "moreChars">): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  // Room for the note with the largest count it could show.
  const room = MAX_CELL_TEXT - Math.max(l.moreItems(text.length).length, l.moreChars(text.length).length);
  const sep = listSeparator(text);
  if (sep !== undefined) {
    const cut = text.lastIndexOf(sep, room);
    // An item longer than half the cell is no list item worth keeping whole.
    if (cut > room / 2) return text.slice(0, cut) + l.moreItems(text.slice(cut).split(sep).length - 1);
  }
  const lead = text.charCodeAt(room - 1);
  const end = lead >= 0xd800 && lead <= 0xdbff ? room - 1 : room;
  return text.slice(0, end) + l.moreChars([...text.slice(end)].length);
}

export interface FinishOptions {
  kind: SheetKind;
  labels: PlanLabels;
  title: string;
  headerRow: number;
  columnWidths: number[];
  orientation: "portrait" | "landscape";
  freezeCols: number;
  /** Rows frozen on screen; default: down to the header row. */
  freezeRows?: number;
  /** Rows repeated on every printed page; default: the title down to the header row. */
  titleRows?: [number, number];
}

/** The one place every sheet plan passes: no text cell leaves it over Excel's limit. */
export function finishPlan(d: Draft, o: FinishOptions): SheetPlan {
  for (const row of d.rows) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) row[c] = capCellText(v, o.labels);
    }
  }
  return {
    kind: o.kind,
    name: o.labels.sheetNames[o.kind],
    title: capCellText(o.title, o.labels),
    values: d.rows,
    headerRow: o.headerRow,
    columnFormats: d.columnFormats,
    columnWidths: o.columnWidths,
    merges: d.merges,
    styles: d.styles,
    freeze: { rows: o.freezeRows ?? o.headerRow + 1, cols: o.freezeCols },
    print: { orientation: o.orientation, paper: "A4", titleRows: o.titleRows ?? [0, o.headerRow], fitToWidth: true, footer: o.labels.footer },
  };
}

export function titleStyle(): Omit<CellStyle, "range"> {
  return { bold: true, fontSize: 16, align: "center" };
}

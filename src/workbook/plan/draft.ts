// A sheet plan under construction: rows appended top to bottom, with their formats and styles, and
// what its print layout must respect (rows kept on one page, pages started, rows given room).
import type { PlanLabels } from "./labels";
import { fitOnOnePage, fitRowHeights, heightRuns, pageStarts, printedRowCount, type KeepTogether } from "./layout";
import { DEFAULT_FONT_SIZE, widthFor, widthForWords } from "./measure";
import type { CellStyle, ChartSpec, ColumnFormat, PlanCell, Rect, SheetKind, SheetPlan } from "./types";

export interface Draft {
  width: number;
  rows: PlanCell[][];
  merges: Rect[];
  styles: CellStyle[];
  columnFormats: ColumnFormat[];
  /** Rows printed on one page whenever they fit one. */
  keep: KeepTogether[];
  /** Rows that start a printed page. */
  breaks: number[];
  /** Least heights of rows, in points: a title's room, the rows a chart is drawn over. */
  minHeights: Map<number, number>;
  charts: ChartSpec[];
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

export const HEADER_FILL = "#D9E1F2";
export const SECTION_FILL = "#F2F2F2";
/** A section heading: bold on grey, bordered. */
export const SECTION: Omit<CellStyle, "range"> = { bold: true, fill: SECTION_FILL, border: true };

/** Title size, and the height of its row: the title stands clear of the table under it. */
const TITLE_FONT_SIZE = 16;
const TITLE_ROW_HEIGHT = 36;
/** Body rows a heading keeps on its page besides its table's header, so no heading ends a page. */
export const KEEP_ROWS = 3;

export function newDraft(width: number): Draft {
  return { width, rows: [], merges: [], styles: [], columnFormats: [], keep: [], breaks: [], minHeights: new Map(), charts: [] };
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

/** The sheet's title across its width, with room above and below. */
export function addTitle(d: Draft, title: string): number {
  const r = addSpanningRow(d, title, { bold: true, fontSize: TITLE_FONT_SIZE, align: "center" });
  d.minHeights.set(r, TITLE_ROW_HEIGHT);
  return r;
}

/** Keeps row r on the page of the `next` rows after it (a heading with the start of what it heads). */
export function keepWithNext(d: Draft, r: number, next: number): void {
  d.keep.push({ r0: r, r1: r + next });
}

/** Rows of room (empty, at least `height` points each) for a chart drawn over them; returns the first. */
export function addChartRows(d: Draft, rows: number, height: number): number {
  const first = d.rows.length;
  for (let k = 0; k < rows; k++) d.minHeights.set(addRow(d, []), height);
  return first;
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

/**
 * Thin borders on rows r0..r1. `wrap` wraps every cell of them: a table with a column of long text
 * wraps all its cells, so each host aligns every cell of a taller row alike.
 */
export function borderRows(d: Draft, r0: number, r1: number, wrap = false): void {
  if (r1 >= r0) d.styles.push({ range: { r0, c0: 0, r1, c1: d.width - 1 }, border: true, ...(wrap ? { wrap: true } : {}) });
}

/** Body cells of columns centred: short marks and small figures that would run into a neighbour's text. */
export function centre(d: Draft, cols: number[], r0: number, r1: number): void {
  if (r1 >= r0) for (const col of cols) d.styles.push({ range: { r0, c0: col, r1, c1: col }, align: "center" });
}

/** Width of the column's widest text, between min and max characters (a longer text wraps where the column wraps). */
export function fitWidth(d: Draft, col: number, min: number, max: number, fromRow: number): number {
  // A heading or note merged across columns wraps over all of them: it sizes none.
  const spanning = new Set(d.merges.filter((m) => m.c0 === col && m.c1 > m.c0).map((m) => m.r0));
  let w = min;
  for (let r = fromRow; r < d.rows.length; r++) {
    if (spanning.has(r)) continue;
    const v = d.rows[r][col];
    if (typeof v === "string") w = Math.max(w, widthFor(v, DEFAULT_FONT_SIZE) + 1);
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
  /** Rows repeated at the top of every printed page after the first they print on; default: the header row (the title prints once, on the first page). */
  titleRows?: [number, number];
  /** Columns that neither show nor print (a lookup block). */
  hiddenColumns?: number[];
}

/** The one place every sheet plan passes: no text cell leaves it over Excel's limit. */
export function finishPlan(d: Draft, o: FinishOptions): SheetPlan {
  for (const row of d.rows) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) row[c] = capCellText(v, o.labels);
    }
  }
  const titleRows = o.titleRows ?? [o.headerRow, o.headerRow];
  // A header wraps between words, never inside one ("Contribution" on one line).
  const merged = new Set(d.merges.filter((m) => m.r0 <= o.headerRow && o.headerRow <= m.r1).flatMap((m) => Array.from({ length: m.c1 - m.c0 + 1 }, (_, k) => m.c0 + k)));
  const columnWidths = o.columnWidths.map((w, c) => {
    const v = d.rows[o.headerRow]?.[c];
    return typeof v === "string" && !merged.has(c) ? Math.max(w, widthForWords(v, true)) : w;
  });
  const heights = fitRowHeights(d.rows, d.styles, d.merges, columnWidths, d.minHeights);
  const setup = { orientation: o.orientation, columnWidths, titleRows, ...(o.hiddenColumns ? { hiddenColumns: o.hiddenColumns } : {}) };
  // A chart on rows of its own prints on one page (one beside a table leaves the table's rows as they are).
  const ownRows = (c: ChartSpec): boolean => d.rows.slice(c.anchor.r0, c.anchor.r1 + 1).every((row) => row.every((v) => v === null || v === ""));
  for (const c of d.charts) if (ownRows(c)) fitOnOnePage(setup, heights, c.anchor.r0, c.anchor.r1);
  const chartEnd = Math.max(0, ...d.charts.map((c) => c.anchor.r1 + 1));
  const rowCount = Math.max(printedRowCount(d.rows, o.hiddenColumns), chartEnd);
  const pageBreaks = pageStarts(setup, { rowCount, heights, keep: d.keep, breaks: d.breaks });
  const plan: SheetPlan = {
    kind: o.kind,
    name: o.labels.sheetNames[o.kind],
    title: capCellText(o.title, o.labels),
    values: d.rows,
    headerRow: o.headerRow,
    columnFormats: d.columnFormats,
    columnWidths,
    merges: d.merges,
    styles: d.styles,
    freeze: { rows: o.freezeRows ?? o.headerRow + 1, cols: o.freezeCols },
    print: { orientation: o.orientation, paper: "A4", titleRows, fitToWidth: true, footer: o.labels.footer },
  };
  if (heights.size > 0) plan.rowHeights = heightRuns(heights);
  if (pageBreaks.length > 0) plan.pageBreaks = pageBreaks;
  const sectionBreaks = [...new Set(d.breaks)].filter((r) => r > 0).sort((a, b) => a - b);
  if (sectionBreaks.length > 0) plan.sectionBreaks = sectionBreaks;
  if (d.charts.length > 0) plan.charts = d.charts;
  if (o.hiddenColumns) plan.hiddenColumns = o.hiddenColumns;
  return plan;
}

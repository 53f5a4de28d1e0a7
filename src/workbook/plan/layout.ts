// Row heights and page breaks of a plan, worked out from its text, column widths and print setup,
// so the sheet prints alike from Excel, WPS and LibreOffice: each fits wrapped text to the height
// the file gives it, and each breaks pages where the file says once a page is full.
import { columnsPoints, DEFAULT_FONT_SIZE, DEFAULT_ROW_HEIGHT, MAX_ROW_HEIGHT, rowHeight, wrappedLines } from "./measure";
import type { CellStyle, PlanCell, Rect, RowHeight } from "./types";

/** Rows that must print on one page: a heading with the header and first rows of its table, a chart with its heading. */
export interface KeepTogether {
  r0: number;
  r1: number;
}

/**
 * Heights of the rows that need more than a default row, by row: wrapped text (a merged span wraps
 * over its whole width), larger fonts, and least heights the plan asks for (a title's breathing
 * room, the rows a chart is drawn over).
 */
export function fitRowHeights(rows: readonly PlanCell[][], styles: readonly CellStyle[], merges: readonly Rect[], widths: readonly number[], least: ReadonlyMap<number, number>): Map<number, number> {
  const width = widths.length;
  // Only wrapping, font size and boldness change a row's height; later styles win, as the hosts apply them.
  const sized = styles.filter((s) => s.wrap !== undefined || s.fontSize !== undefined || s.bold !== undefined);
  const byStart = [...sized].sort((a, b) => a.range.r0 - b.range.r0);
  const order = new Map(sized.map((s, i) => [s, i]));
  const spans = new Map<number, Rect>();
  const covered = new Set<number>();
  for (const m of merges) {
    spans.set(m.r0 * width + m.c0, m);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(r * width + c);
  }
  const heights = new Map<number, number>();
  const need = (r: number, h: number): void => {
    if (h > (heights.get(r) ?? DEFAULT_ROW_HEIGHT)) heights.set(r, Math.min(h, MAX_ROW_HEIGHT));
  };
  let next = 0;
  let active: CellStyle[] = [];
  for (let r = byStart[0]?.range.r0 ?? rows.length; r < rows.length && (next < byStart.length || active.length > 0); r++) {
    while (next < byStart.length && byStart[next].range.r0 <= r) active.push(byStart[next++]);
    active = active.filter((s) => s.range.r1 >= r).sort((a, b) => order.get(a)! - order.get(b)!);
    if (active.length === 0) {
      if (next < byStart.length) r = byStart[next].range.r0 - 1;
      continue;
    }
    const row = rows[r];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "" || covered.has(r * width + c)) continue;
      let wrap = false;
      let fontSize = DEFAULT_FONT_SIZE;
      let bold = false;
      let styled = false;
      for (const s of active) {
        if (c < s.range.c0 || c > s.range.c1) continue;
        styled = true;
        if (s.wrap !== undefined) wrap = s.wrap;
        if (s.fontSize !== undefined) fontSize = s.fontSize;
        if (s.bold !== undefined) bold = s.bold;
      }
      if (!styled || (fontSize <= DEFAULT_FONT_SIZE && (!wrap || typeof v !== "string"))) continue;
      const span = spans.get(r * width + c);
      let room = 0;
      for (let k = c; k <= (span ? span.c1 : c); k++) room += widths[k] ?? 0;
      const lines = wrap && typeof v === "string" ? wrappedLines(v, room, fontSize, bold) : 1;
      need(r, Math.ceil(rowHeight(lines, fontSize) / (span ? span.r1 - span.r0 + 1 : 1)));
    }
  }
  for (const [r, h] of least) need(r, h);
  return heights;
}

/** Consecutive rows of one height as runs, the shape the hosts write. */
export function heightRuns(heights: ReadonlyMap<number, number>): RowHeight[] {
  const runs: RowHeight[] = [];
  for (const r of [...heights.keys()].sort((a, b) => a - b)) {
    const height = heights.get(r)!;
    const last = runs[runs.length - 1];
    if (last && last.r1 === r - 1 && last.height === height) last.r1 = r;
    else runs.push({ r0: r, r1: r, height });
  }
  return runs;
}

/** A4 in points, and the margins every host sets (0.5 in left and right, 0.6 in top and bottom). */
const A4 = { short: 595.3, long: 841.9 };
const MARGIN_SIDES = 72;
const MARGIN_TOP_BOTTOM = 86.4;
/**
 * Share of a page the plan fills: the programs' row heights and scaling differ a little from the
 * estimate (LibreOffice's columns are wider, so it scales further down and fits more rows), and a
 * page planned a little short never spills a row onto a page of its own.
 */
const PAGE_FILL = 0.92;
/** Excel keeps at most 1,026 manual page breaks per sheet. */
export const MAX_PAGE_BREAKS = 1_000;

export interface PageSetup {
  orientation: "portrait" | "landscape";
  columnWidths: readonly number[];
  /** Columns that do not print. */
  hiddenColumns?: readonly number[];
  /** Rows repeated at the top of every page after the one they first print on. */
  titleRows: [number, number];
}

/** The fit-to-width scale the programs print at: whole percents, never above 100 %. */
export function printScale(setup: PageSetup): number {
  const hidden = new Set(setup.hiddenColumns ?? []);
  const width = columnsPoints(setup.columnWidths.filter((_, c) => !hidden.has(c)));
  const printable = (setup.orientation === "portrait" ? A4.short : A4.long) - MARGIN_SIDES;
  return width <= printable ? 1 : Math.max(0.1, Math.floor((100 * printable) / width) / 100);
}

/** Height in row points that one printed page holds. */
export function pageCapacity(setup: PageSetup): number {
  const printable = (setup.orientation === "portrait" ? A4.long : A4.short) - MARGIN_TOP_BOTTOM;
  return (printable / printScale(setup)) * PAGE_FILL;
}

/**
 * Shortens rows r0..r1 (a chart's) where together they are taller than a page holds under the
 * repeated title rows, so the block prints whole on one page instead of running over a page break
 * (where a program draws it across the repeated header and the footer).
 */
export function fitOnOnePage(setup: PageSetup, heights: Map<number, number>, r0: number, r1: number): void {
  const height = (r: number): number => heights.get(r) ?? DEFAULT_ROW_HEIGHT;
  let titles = 0;
  for (let r = setup.titleRows[0]; r <= setup.titleRows[1]; r++) titles += height(r);
  let block = 0;
  for (let r = r0; r <= r1; r++) block += height(r);
  const room = pageCapacity(setup) - titles;
  if (block <= room) return;
  const row = Math.floor((room / (r1 - r0 + 1)) * 4) / 4;
  for (let r = r0; r <= r1; r++) heights.set(r, row);
}

export interface PageInput {
  /** Rows that print (the last row with something visible, plus one). */
  rowCount: number;
  heights: ReadonlyMap<number, number>;
  keep: readonly KeepTogether[];
  /** Rows that must start a page. */
  breaks: readonly number[];
}

/**
 * The rows that start a printed page. Pages are filled row by row; a row that would overflow
 * starts the next page, as would a group of rows kept together that does not fit the rest of the
 * page, and a row the plan asks to start one. Every page start is returned, so the programs break
 * where this plan does instead of wherever their own estimate of a full page falls; a sheet of
 * more pages than Excel allows manual breaks gets the breaks the plan asked for and those that
 * keep groups together.
 */
export function pageStarts(setup: PageSetup, input: PageInput): number[] {
  const height = (r: number): number => input.heights.get(r) ?? DEFAULT_ROW_HEIGHT;
  const capacity = pageCapacity(setup);
  const [t0, t1] = setup.titleRows;
  let titles = 0;
  for (let r = t0; r <= t1; r++) titles += height(r);
  const forced = new Set(input.breaks);
  const groupEnd = new Map<number, number>();
  for (const g of input.keep) groupEnd.set(g.r0, Math.max(groupEnd.get(g.r0) ?? g.r0, Math.min(g.r1, input.rowCount - 1)));

  const all: number[] = [];
  const needed: number[] = [];
  let used = 0;
  let pageHasRows = false;
  const newPage = (r: number, required: boolean): void => {
    all.push(r);
    if (required) needed.push(r);
    // The title rows repeat on every page after the one they were printed on.
    used = r > t1 ? titles : 0;
    pageHasRows = false;
  };
  for (let r = 0; r < input.rowCount; r++) {
    if (pageHasRows && forced.has(r)) newPage(r, true);
    const end = groupEnd.get(r);
    if (pageHasRows && end !== undefined) {
      let group = 0;
      for (let k = r; k <= end; k++) group += height(k);
      const room = capacity - (r > t1 ? titles : 0);
      if (group <= room && used + group > capacity) newPage(r, true);
    }
    const h = height(r);
    if (pageHasRows && used + h > capacity) newPage(r, false);
    used += h;
    pageHasRows = true;
  }
  return all.length <= MAX_PAGE_BREAKS ? all : needed.slice(0, MAX_PAGE_BREAKS);
}

/** The row after the last one holding something that prints, so empty rows below a table do not make pages. */
export function printedRowCount(rows: readonly PlanCell[][], hiddenColumns: readonly number[] = [], formulaRows: Iterable<number> = []): number {
  const hidden = new Set(hiddenColumns);
  let last = -1;
  for (const r of formulaRows) last = Math.max(last, r);
  for (let r = rows.length - 1; r > last; r--) {
    if (rows[r].some((v, c) => v !== null && v !== "" && !hidden.has(c))) {
      last = r;
      break;
    }
  }
  return last + 1;
}

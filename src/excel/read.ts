// Reads what a run needs from the open workbook, sized so no response can pass Excel's 5 MB:
// 1. the sheet list, the tables and (ExcelApi 1.4) the registry of the add-in's own sheets;
// 2. the size of each sheet that may hold input, each table's range and, where the sheet count
//    leaves room, a window of each sheet's first cells — a normal workbook is read by now;
// 3. only for what the windows left out: the rest of the cells in row chunks, as many chunks per
//    request as the response budget holds, budgeted by rows × columns × bytes a cell takes.
import type { CellValue, Grid, GridTable } from "../workbook/grid";
import { a1 } from "../workbook/grid";
import type { SheetKind } from "../workbook/plan/types";
import { toCellValue } from "../host/cells";
import { isOwnKind, isResultKind } from "../host/kinds";
import type { ListedSheet, ReadOptions, WorkbookState } from "../host/workbook";
import { readsCells } from "../host/yearCycle";
import { RESPONSE_BUDGET_BYTES, utf8Length, type Capabilities } from "./capabilities";
import { MARKER_KEY, PRESET_ROW, REGISTRY_SHEET } from "./marker";
import { rangeAt } from "./ranges";

export interface OfficeWorkbookState extends WorkbookState {
  /** Registry rows as read ([id, kind]); undefined when the registry sheet does not exist. */
  registry?: Array<[string, SheetKind]>;
}

function registryPreset(values: unknown[][]): string | undefined {
  const row = values.find(([key, id]) => key === PRESET_ROW && typeof id === "string" && id !== "");
  return row ? String(row[1]) : undefined;
}

function registryRows(values: unknown[][]): Array<[string, SheetKind]> {
  const out: Array<[string, SheetKind]> = [];
  for (const row of values) {
    const [id, kind] = row;
    if (typeof id === "string" && id && isOwnKind(kind)) out.push([id, kind]);
  }
  return out;
}

/**
 * Bytes a cell's value and number format are first assumed to take in a response. Each sheet's
 * figure grows to what its cells were measured to take, and doubles on a refused response.
 */
export const CELL_BYTES = 40;
/** The window read with a sheet's size spans columns A:AF: the indicator tables seen are 23 wide. */
export const WINDOW_COLUMNS = 32;
/** …and at most this many rows, fewer when many sheets share the response. */
export const WINDOW_ROWS = 1000;

interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** One sheet being read: its used range and the cells gathered so far. */
interface SheetCells {
  sheet: ListedSheet;
  ws: Excel.Worksheet;
  used: Rect;
  values: CellValue[][];
  formats: string[][];
  bytesPerCell: number;
}

interface SheetRead {
  sheet: ListedSheet;
  ws: Excel.Worksheet;
  marker?: Excel.WorksheetCustomProperty;
  used?: Excel.Range;
  window?: Excel.Range;
}

function rectOf(range: Excel.Range): Rect {
  return { r0: range.rowIndex, c0: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

/** Copies a block read from Excel into the sheet's cells and learns what its cells weigh. */
function place(target: SheetCells, at: Rect, values: unknown[][], formats: unknown[][]): void {
  const { used } = target;
  for (let i = 0; i < at.rows; i++) {
    const r = at.r0 - used.r0 + i;
    const row = (target.values[r] ??= new Array<CellValue>(used.cols).fill(null));
    const fmt = (target.formats[r] ??= new Array<string>(used.cols).fill("General"));
    for (let j = 0; j < at.cols; j++) {
      row[at.c0 - used.c0 + j] = toCellValue(values[i][j]);
      fmt[at.c0 - used.c0 + j] = String(formats[i][j] ?? "");
    }
  }
  const measured = (utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats))) / (at.rows * at.cols);
  target.bytesPerCell = Math.max(target.bytesPerCell, Math.ceil(measured * 1.25));
}

function isTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads the blocks in row chunks, filling each request up to the response budget. A response
 * Excel still refuses (cells longer than measured so far) is asked again in smaller chunks.
 */
async function readBlocks(context: Excel.RequestContext, blocks: Array<{ target: SheetCells; rect: Rect }>): Promise<void> {
  const queue = [...blocks];
  while (queue.length > 0) {
    const batch: Array<{ target: SheetCells; rect: Rect; range: Excel.Range }> = [];
    let bytes = 0;
    while (queue.length > 0) {
      const { target, rect } = queue[0];
      const rowBytes = rect.cols * target.bytesPerCell;
      const fit = Math.floor((RESPONSE_BUDGET_BYTES - bytes) / rowBytes);
      if (fit < 1 && batch.length > 0) break;
      const rows = Math.min(rect.rows, Math.max(1, fit));
      const chunk = { ...rect, rows };
      batch.push({ target, rect: chunk, range: rangeAt(target.ws, chunk.r0, chunk.c0, chunk.rows, chunk.cols).load("values,numberFormat") });
      bytes += rows * rowBytes;
      if (rows === rect.rows) queue.shift();
      else queue[0] = { target, rect: { ...rect, r0: rect.r0 + rows, rows: rect.rows - rows } };
    }
    try {
      await context.sync();
    } catch (error) {
      if (!isTooLarge(error) || (batch.length === 1 && batch[0].rect.rows === 1)) throw error;
      for (const b of batch) b.target.bytesPerCell *= 2;
      queue.unshift(...batch.map(({ target, rect }) => ({ target, rect })));
      continue;
    }
    for (const { target, rect, range } of batch) place(target, rect, range.values, range.numberFormat);
  }
}

/** The parts of the used range a window starting at A1 left out: to its right, and below it. */
function outsideWindow(used: Rect, window: Rect | undefined): Rect[] {
  if (!window) return [used];
  const out: Rect[] = [];
  const windowBottom = window.r0 + window.rows;
  const windowRight = window.c0 + window.cols;
  const usedRight = used.c0 + used.cols;
  const usedBottom = used.r0 + used.rows;
  if (usedRight > windowRight) out.push({ r0: used.r0, c0: windowRight, rows: Math.min(usedBottom, windowBottom) - used.r0, cols: usedRight - windowRight });
  if (usedBottom > windowBottom) out.push({ r0: windowBottom, c0: used.c0, rows: usedBottom - windowBottom, cols: used.cols });
  return out.filter((r) => r.rows > 0 && r.cols > 0);
}

/** getUsedRange answers A1 for a blank sheet: a single blank cell there is no cell at all. */
function toGrid(cells: SheetCells, tables: GridTable[]): Grid {
  const { used } = cells;
  const blank = used.r0 === 0 && used.c0 === 0 && used.rows === 1 && used.cols === 1 && cells.values[0]?.[0] === null;
  const grid: Grid = blank
    ? { sheet: cells.sheet.name, originRow: 0, originCol: 0, values: [] }
    : { sheet: cells.sheet.name, originRow: used.r0, originCol: used.c0, values: cells.values, numberFormats: cells.formats };
  if (tables.length > 0) grid.tables = tables;
  return grid;
}

/** "'Sheet ''1'''!A3:W183" → sheet "Sheet '1'" and "A3:W183". */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang);
  const quoted = sheet.startsWith("'") && sheet.endsWith("'");
  return { sheet: quoted ? sheet.slice(1, -1).replace(/''/g, "'") : sheet, local: address.slice(bang + 1) };
}

export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities, opts: ReadOptions): Promise<OfficeWorkbookState> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility");
  const tables = context.workbook.tables.load("items/name,items/showTotals");
  let registryEarly: { sheet: Excel.Worksheet; used: Excel.Range } | undefined;
  if (caps.nullObjects) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
    registryEarly = { sheet, used: sheet.getUsedRangeOrNullObject(true).load("values") };
  }
  await context.sync();

  let registryValues: unknown[][] | undefined;
  if (registryEarly) registryValues = registryEarly.sheet.isNullObject ? undefined : registryEarly.used.isNullObject ? [] : registryEarly.used.values;
  const registryListed = sheets.items.some((ws) => ws.name === REGISTRY_SHEET);
  const registeredEarly = new Map(registryRows(registryValues ?? []));
  const wanted = (ws: Excel.Worksheet): boolean => readsCells(opts, ws.name, registeredEarly.get(ws.id));
  const userSheets = sheets.items.filter((ws) => ws.name !== REGISTRY_SHEET);
  const candidates = userSheets.filter(wanted).length;
  const windowRows = Math.min(WINDOW_ROWS, Math.floor(RESPONSE_BUDGET_BYTES / CELL_BYTES / Math.max(1, candidates) / WINDOW_COLUMNS));

  // Everything of the second request is asked again, without the windows, if Excel refuses its response.
  const askSizes = (withWindows: boolean) => {
    const registryLate = !registryEarly && registryListed ? context.workbook.worksheets.getItem(REGISTRY_SHEET).getUsedRange(true).load("values") : undefined;
    const tableRanges = tables.items.map((t) => t.getRange().load("address"));
    const reads: SheetRead[] = userSheets.map((ws) => {
      const read: SheetRead = { sheet: { name: ws.name, id: ws.id, visible: ws.visibility === "Visible", tables: [] }, ws };
      if (caps.customProperties) read.marker = ws.customProperties.getItemOrNullObject(MARKER_KEY).load("value");
      if (wanted(ws)) {
        read.used = ws.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
        // The window is cut server-side to the used range, so a sheet starting far from A1 costs nothing extra.
        if (withWindows && windowRows > 0 && caps.nullObjects) {
          const frame = ws.getRange(`A1:${a1(windowRows - 1, WINDOW_COLUMNS - 1)}`);
          read.window = read.used.getIntersectionOrNullObject(frame).load("values,numberFormat,rowIndex,columnIndex,rowCount,columnCount");
        }
      }
      return read;
    });
    return { registryLate, tableRanges, reads };
  };
  let sized = askSizes(true);
  let cellBytes = CELL_BYTES;
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    cellBytes *= 2;
    sized = askSizes(false);
    await context.sync();
  }
  const { registryLate, tableRanges, reads } = sized;

  if (registryLate) registryValues = registryLate.values;
  const registry = registryValues === undefined ? undefined : registryRows(registryValues);
  const presetId = registryValues === undefined ? undefined : registryPreset(registryValues);
  const registered = new Map(registry ?? []);
  const tablesBySheet = new Map<string, GridTable[]>();
  tables.items.forEach((t, i) => {
    const { sheet, local } = splitAddress(tableRanges[i].address);
    const list = tablesBySheet.get(sheet) ?? [];
    list.push(t.showTotals ? { name: t.name, address: local, totalsRow: true } : { name: t.name, address: local });
    tablesBySheet.set(sheet, list);
  });

  const reading: SheetCells[] = [];
  const blocks: Array<{ target: SheetCells; rect: Rect }> = [];
  for (const read of reads) {
    const { sheet } = read;
    const kind = registered.get(sheet.id);
    if (kind) sheet.kind = kind;
    const marked = caps.customProperties && read.marker && !read.marker.isNullObject ? read.marker.value : undefined;
    if (isOwnKind(marked)) sheet.kind = marked;
    sheet.tables = (tablesBySheet.get(sheet.name) ?? []).map((t) => t.name);
    if (!read.used || isResultKind(sheet.kind)) continue;
    const cells: SheetCells = { sheet, ws: read.ws, used: rectOf(read.used), values: [], formats: [], bytesPerCell: cellBytes };
    reading.push(cells);
    const window = read.window && !read.window.isNullObject ? read.window : undefined;
    if (window) place(cells, rectOf(window), window.values, window.numberFormat);
    for (const rect of outsideWindow(cells.used, window ? rectOf(window) : undefined)) blocks.push({ target: cells, rect });
  }
  await readBlocks(context, blocks);

  const state: OfficeWorkbookState = { sheets: reads.map((r) => r.sheet), grids: reading.map((c) => toGrid(c, tablesBySheet.get(c.sheet.name) ?? [])) };
  if (registry) state.registry = registry;
  if (presetId !== undefined) state.presetId = presetId;
  return state;
}

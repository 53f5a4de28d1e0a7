// Reads what a run needs from the open workbook in two requests: first the sheet list and the
// registry of the add-in's own sheets, then the used ranges of the sheets that may hold input.
import type { CellValue, Grid } from "../workbook/grid";
import { isRulesSheetName } from "../workbook/read/rulesSheet";
import type { SheetKind } from "../workbook/plan/types";
import { isOwnKind, isResultKind, MARKER_KEY, PRESET_ROW, REGISTRY_SHEET } from "./marker";

export interface ListedSheet {
  name: string;
  id: string;
  visibility: string;
  /** Set when the add-in made the sheet (by its marker or the registry). */
  kind?: SheetKind;
  tables: string[];
}

export interface WorkbookState {
  sheets: ListedSheet[];
  /** Registry rows as read ([id, kind]); undefined when the registry sheet does not exist. */
  registry?: Array<[string, SheetKind]>;
  /** The rule preset of the workbook's last run, from the registry. */
  presetId?: string;
  /** Input grids: user sheets and the rules sheet, never the add-in's result sheets. */
  grids: Grid[];
}

export interface ReadOptions {
  /** Read only this sheet (and the rules sheet) instead of every user sheet. */
  sheet?: string;
  /** Worksheet custom properties are available (ExcelApi 1.12). */
  customProperties: boolean;
  /** Read cell values; false lists the sheets and markers only. */
  values: boolean;
}

const ERROR_VALUE = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Office.js hands blanks over as "" and errors as their text; the reader wants null and CellError. */
export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_VALUE.test(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
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

/** Rows of each sheet read with the sheet list's second request: a normal indicator table fits. */
export const HEAD_ROWS = 1000;
/** Bytes a cell's value and format are assumed to take in a response, to size the chunks of large sheets. */
const CELL_BYTES = 32;
const RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;

interface SheetRead {
  sheet: ListedSheet;
  ws: Excel.Worksheet;
  tables: Excel.TableCollection;
  marker?: Excel.WorksheetCustomProperty;
  used?: Excel.Range;
  head?: Excel.Range;
}

function cells(range: Excel.Range): { values: CellValue[][]; formats: string[][] } {
  return { values: range.values.map((row) => row.map(toCellValue)), formats: range.numberFormat.map((row) => row.map((f) => String(f ?? ""))) };
}

/**
 * Reads the rows of a large sheet below its head in chunks sized to stay under Excel's response
 * limit: one extra request per chunk, only for sheets longer than HEAD_ROWS.
 */
async function readTail(context: Excel.RequestContext, read: SheetRead, grid: Grid, formats: string[][]): Promise<void> {
  const used = read.used!;
  const first = Math.max(HEAD_ROWS, used.rowIndex);
  const last = used.rowIndex + used.rowCount - 1;
  const rowsPerChunk = Math.max(1, Math.floor(RESPONSE_BUDGET_BYTES / (used.columnCount * CELL_BYTES)));
  for (let r = first; r <= last; r += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, last - r + 1);
    const chunk = read.ws.getRangeByIndexes(r, used.columnIndex, count, used.columnCount).load("values,numberFormat");
    await context.sync();
    const got = cells(chunk);
    grid.values.push(...got.values);
    formats.push(...got.formats);
  }
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const registrySheet = sheets.getItemOrNullObject(REGISTRY_SHEET);
  const registryRange = registrySheet.getUsedRangeOrNullObject(true);
  registryRange.load("values");
  await context.sync();

  const registry = registrySheet.isNullObject ? undefined : registryRange.isNullObject ? [] : registryRows(registryRange.values);
  const presetId = registryRange.isNullObject ? undefined : registryPreset(registryRange.values);
  const registered = new Map(registry ?? []);
  const listed: ListedSheet[] = [];
  const reads: SheetRead[] = [];
  for (const ws of sheets.items) {
    if (ws.name === REGISTRY_SHEET) continue;
    const sheet: ListedSheet = { name: ws.name, id: ws.id, visibility: ws.visibility, tables: [] };
    const kind = registered.get(ws.id);
    if (kind) sheet.kind = kind;
    listed.push(sheet);
    const read: SheetRead = { sheet, ws, tables: ws.tables.load("items/name") };
    if (opts.customProperties) read.marker = ws.customProperties.getItemOrNullObject(MARKER_KEY).load("value");
    // The add-in's own result sheets can be large and are never input: their cells are not read.
    if (opts.values && !isResultKind(kind) && (opts.sheet === undefined || ws.name === opts.sheet || isRulesSheetName(ws.name))) {
      read.used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      // Only the head of each sheet comes back with this request, so one long sheet cannot push it past Excel's response limit.
      read.head = read.used.getIntersectionOrNullObject(ws.getRange(`1:${HEAD_ROWS}`)).load("values,numberFormat,rowIndex,columnIndex");
    }
    reads.push(read);
  }
  await context.sync();

  const grids: Grid[] = [];
  for (const read of reads) {
    const { sheet, used, head, tables, marker } = read;
    sheet.tables = tables.items.map((t) => t.name);
    if (marker && !marker.isNullObject && isOwnKind(marker.value)) sheet.kind = marker.value;
    if (!used || !head || isResultKind(sheet.kind)) continue;
    if (used.isNullObject) {
      grids.push({ sheet: sheet.name, originRow: 0, originCol: 0, values: [] });
      continue;
    }
    const got = head.isNullObject ? { values: [], formats: [] } : cells(head);
    const grid: Grid = { sheet: sheet.name, originRow: used.rowIndex, originCol: used.columnIndex, values: got.values };
    const formats = got.formats;
    if (used.rowIndex + used.rowCount > HEAD_ROWS) await readTail(context, read, grid, formats);
    grid.numberFormats = formats;
    grids.push(grid);
  }
  const state: WorkbookState = { sheets: listed, grids };
  if (registry) state.registry = registry;
  if (presetId !== undefined) state.presetId = presetId;
  return state;
}

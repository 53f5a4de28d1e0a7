// Reads what a run needs from the open workbook in two requests: first the sheet list and the
// registry of the add-in's own sheets, then the used ranges of the sheets that may hold input.
import type { CellValue, Grid } from "../workbook/grid";
import { isRulesSheetName } from "../workbook/read/rulesSheet";
import type { SheetKind } from "../workbook/plan/types";
import { isOwnKind, isResultKind, MARKER_KEY, REGISTRY_SHEET } from "./marker";

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

function registryRows(values: unknown[][]): Array<[string, SheetKind]> {
  const out: Array<[string, SheetKind]> = [];
  for (const row of values) {
    const [id, kind] = row;
    if (typeof id === "string" && id && isOwnKind(kind)) out.push([id, kind]);
  }
  return out;
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const registrySheet = sheets.getItemOrNullObject(REGISTRY_SHEET);
  const registryRange = registrySheet.getUsedRangeOrNullObject(true);
  registryRange.load("values");
  await context.sync();

  const registry = registrySheet.isNullObject ? undefined : registryRange.isNullObject ? [] : registryRows(registryRange.values);
  const registered = new Map(registry ?? []);
  const listed: ListedSheet[] = [];
  const reads: Array<{ sheet: ListedSheet; range?: Excel.Range; tables: Excel.TableCollection; marker?: Excel.WorksheetCustomProperty }> = [];
  for (const ws of sheets.items) {
    if (ws.name === REGISTRY_SHEET) continue;
    const sheet: ListedSheet = { name: ws.name, id: ws.id, visibility: ws.visibility, tables: [] };
    const kind = registered.get(ws.id);
    if (kind) sheet.kind = kind;
    listed.push(sheet);
    const tables = ws.tables.load("items/name");
    const marker = opts.customProperties ? ws.customProperties.getItemOrNullObject(MARKER_KEY).load("value") : undefined;
    // The add-in's own result sheets can be large and are never input: their cells are not read.
    const wanted = opts.values && !isResultKind(kind) && (opts.sheet === undefined || ws.name === opts.sheet || isRulesSheetName(ws.name));
    const range = wanted ? ws.getUsedRangeOrNullObject(true).load("values,numberFormat,rowIndex,columnIndex") : undefined;
    reads.push({ sheet, range, tables, marker });
  }
  await context.sync();

  const grids: Grid[] = [];
  for (const { sheet, range, tables, marker } of reads) {
    sheet.tables = tables.items.map((t) => t.name);
    if (marker && !marker.isNullObject && isOwnKind(marker.value)) sheet.kind = marker.value;
    if (!range || isResultKind(sheet.kind)) continue;
    if (range.isNullObject) {
      grids.push({ sheet: sheet.name, originRow: 0, originCol: 0, values: [] });
      continue;
    }
    grids.push({
      sheet: sheet.name,
      originRow: range.rowIndex,
      originCol: range.columnIndex,
      values: range.values.map((row) => row.map(toCellValue)),
      numberFormats: range.numberFormat.map((row) => row.map((f) => String(f ?? ""))),
    });
  }
  const state: WorkbookState = { sheets: listed, grids };
  if (registry) state.registry = registry;
  return state;
}

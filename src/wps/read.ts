// Reads what a run needs from the open workbook through WPS 表格's object model, in calls that do
// not grow with the number of zones: the sheet list and the add-in's names, then for each sheet
// a run reads its used range's values as one 2-D array, and the number formats of the cells that
// hold numbers a column at a time (a column of mixed formats is halved until each part has one).
import { toCellValue } from "../host/cells";
import { isOwnKind, isResultKind } from "../host/kinds";
import type { ListedSheet, ReadOptions, WorkbookState } from "../host/workbook";
import { readsCells } from "../host/yearCycle";
import { a1, type CellValue, type Grid, type GridTable } from "../workbook/grid";
import type { SheetKind } from "../workbook/plan/types";
import { activeWorkbook } from "./active";
import { XL } from "./constants";
import { PRESET_NAME, readNames, type WorkbookNames } from "./names";

export interface WpsWorkbookState extends WorkbookState {
  /** The add-in's names as read: the markers a write replaces or keeps. */
  names: WorkbookNames;
}

/** The A1 address of rows × cols cells from 0-based (row, col). */
export function areaAddress(row: number, col: number, rows: number, cols: number): string {
  const from = a1(row, col);
  return rows === 1 && cols === 1 ? from : `${from}:${a1(row + rows - 1, col + cols - 1)}`;
}

/**
 * Range.Value2 as rows × cols values: one cell's value comes as itself, more as rows of values.
 * Anything else is refused rather than misread.
 */
export function valueRows(raw: WpsFix.Value2, rows: number, cols: number, where: string): CellValue[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(raw)) return [[toCellValue(raw)]];
  if (!Array.isArray(raw) || raw.length !== rows || raw.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new Error(`WPS 返回的“${where}”单元格数据不是 ${rows} 行 × ${cols} 列。WPS returned the cells of ${where} in an unexpected shape.`);
  }
  return raw.map((row) => row.map(toCellValue));
}

function sheetTables(ws: Et.Worksheet): GridTable[] {
  // ListObjects (WPS's 超级表) may be missing from older builds: a sheet without them has no tables.
  const list = ws.ListObjects as Et.ListObjects | undefined;
  if (!list) return [];
  const tables: GridTable[] = [];
  const count = list.Count;
  for (let i = 1; i <= count; i++) {
    const table = list.Item(i);
    const range = table.Range;
    const address = areaAddress(range.Row - 1, range.Column - 1, range.Rows.Count, range.Columns.Count);
    tables.push(table.ShowTotals ? { name: table.Name, address, totalsRow: true } : { name: table.Name, address });
  }
  return tables;
}

/**
 * Number formats of the cells holding numbers (the reader looks at no other: a date's serial or a
 * percentage is told by its format), "General" elsewhere. One request per column where its
 * numbers share a format; where they do not, each half of them is asked again.
 */
function numberFormats(ws: Et.Worksheet, values: CellValue[][], row0: number, col0: number): string[][] {
  const formats = values.map((row) => row.map(() => "General"));
  const width = values[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    const numeric: number[] = [];
    values.forEach((row, r) => typeof row[c] === "number" && numeric.push(r));
    const ask = (rows: number[]): void => {
      const first = rows[0];
      const last = rows[rows.length - 1];
      const format = ws.Range(areaAddress(row0 + first, col0 + c, last - first + 1, 1)).NumberFormat as WpsFix.NumberFormat;
      if (typeof format === "string") {
        for (const r of rows) formats[r][c] = format;
      } else if (rows.length > 1) {
        const half = rows.length >> 1;
        ask(rows.slice(0, half));
        ask(rows.slice(half));
      }
    };
    if (numeric.length > 0) ask(numeric);
  }
  return formats;
}

function readGrid(ws: Et.Worksheet, sheet: string, tables: GridTable[]): Grid {
  const used = ws.UsedRange;
  const row0 = used.Row - 1;
  const col0 = used.Column - 1;
  const values = valueRows(used.Value2 as WpsFix.Value2, used.Rows.Count, used.Columns.Count, sheet);
  // A blank sheet's used range is A1 alone, holding nothing.
  const blank = row0 === 0 && col0 === 0 && values.length === 1 && values[0].length === 1 && values[0][0] === null;
  const grid: Grid = blank ? { sheet, originRow: 0, originCol: 0, values: [] } : { sheet, originRow: row0, originCol: col0, values, numberFormats: numberFormats(ws, values, row0, col0) };
  if (tables.length > 0) grid.tables = tables;
  return grid;
}

export function readWorkbook(app: WpsFix.Application, opts: ReadOptions): WpsWorkbookState {
  const wb = activeWorkbook(app);
  const names = readNames(wb);
  const kinds = new Map<string, SheetKind>();
  for (const m of names.markers) if (m.sheet !== undefined && isOwnKind(m.kind)) kinds.set(m.sheet, m.kind);
  const worksheets = wb.Worksheets;
  const count = worksheets.Count;
  const sheets: ListedSheet[] = [];
  const grids: Grid[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = worksheets.Item(i) as WpsFix.Worksheet;
    const name = ws.Name;
    // WPS gives a sheet no id that outlives a rename; its name is what its events carry.
    const sheet: ListedSheet = { name, id: name, visible: ws.Visible === XL.sheetVisible, tables: [] };
    const kind = kinds.get(name);
    if (kind) sheet.kind = kind;
    sheets.push(sheet);
    if (isResultKind(kind)) continue;
    const tables = sheetTables(ws);
    sheet.tables = tables.map((t) => t.name);
    if (readsCells(opts, name, kind)) grids.push(readGrid(ws, name, tables));
  }
  const state: WpsWorkbookState = { sheets, grids, names };
  const preset = names.values.get(PRESET_NAME);
  if (typeof preset === "string" && preset !== "") state.presetId = preset;
  return state;
}

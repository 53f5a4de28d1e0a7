// Reads an .xlsx package's bytes into Grids: the file-side twin of the Office.js reader, the same in
// Node (src/xlsx/read.ts reads a path) and in the task pane (a file the user picks). The sheets are
// streamed through a SAX parser and only the cells that hold a value are kept, so memory follows
// the data, not the used range (a stray formatted cell at XFD1048576 costs nothing), and parts the
// rating never needs (data validations over whole columns, drawings, comments) are never parsed.
import type { Issue } from "../engine/types";
import { a1, type CellValue, type Grid, type GridTable } from "../workbook/grid";
import { attr, openPackage, parsePart, readRels, type XlsxPackage } from "./package";
import { isResultSheetKind, ownSheetKinds } from "./marker";
import type { SheetKind } from "../workbook/plan/types";
import type { KindedGrid } from "../workbook/read/previous";

/** Days from Excel's 1899-12-30 epoch to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
/** The 1904 date system starts 1,462 days later. */
const DATE1904_OFFSET = 1_462;
const MS_PER_DAY = 86_400_000;
/** The format a `t="d"` cell is read with: Office.js hands a date over as a serial with a date format. */
export const ISO_DATE_FORMAT = "yyyy-mm-dd";

/**
 * Blank rows (columns) between a cell and the block above (left of) it beyond which the cell is
 * not part of the sheet's data but a stray entry: no indicator table has 1,000 blank rows or 100
 * blank columns inside it. Stray cells are left out, with a warning naming them.
 */
export const STRAY_ROW_GAP = 1_000;
export const STRAY_COL_GAP = 100;
/** Stray cells named in the warning; the rest are counted. */
const STRAY_LISTED = 5;

/** Excel's built-in number formats by id; 27–36 and 50–58 as the zh-CN build defines them. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** OOXML writes characters XML cannot hold as _xHHHH_ (ECMA-376 Part 1, §22.9.2.19 ST_Xstring). */
function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function readStyles(pkg: XlsxPackage): Promise<string[]> {
  const stylesRel = pkg.workbookRels.find((r) => r.type.endsWith("/styles"));
  const custom = new Map<number, string>();
  const xfFormats: string[] = [];
  let inCellXfs = false;
  if (stylesRel) {
    await parsePart(pkg.zip, stylesRel.path, {
      open(node, tag) {
        if (tag === "numFmt") custom.set(Number(attr(node, "numFmtId")), attr(node, "formatCode") ?? "");
        else if (tag === "cellXfs") inCellXfs = true;
        else if (tag === "xf" && inCellXfs) {
          const id = Number(attr(node, "numFmtId") ?? 0);
          xfFormats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
        }
      },
      close(tag) {
        if (tag === "cellXfs") inCellXfs = false;
      },
    });
  }
  return xfFormats;
}

async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const rel = pkg.workbookRels.find((r) => r.type.endsWith("/sharedStrings"));
  const strings: string[] = [];
  if (!rel) return strings;
  let current: string | undefined;
  let inText = false;
  // Phonetic runs (rPh) are furigana-style annotations, not part of the cell's text.
  let phonetic = 0;
  await parsePart(pkg.zip, rel.path, {
    open(_node, tag) {
      if (tag === "si") current = "";
      else if (tag === "rPh") phonetic++;
      else if (tag === "t" && phonetic === 0) inText = true;
    },
    text(t) {
      if (inText && current !== undefined) current += t;
    },
    close(tag) {
      if (tag === "t") inText = false;
      else if (tag === "rPh") phonetic--;
      else if (tag === "si") {
        strings.push(decodeXstring(current ?? ""));
        current = undefined;
      }
    },
  });
  return strings;
}

async function readTables(pkg: XlsxPackage, sheetPath: string): Promise<GridTable[]> {
  const rels = await readRels(pkg.zip, sheetPath);
  const tables: GridTable[] = [];
  for (const rel of rels) {
    if (!rel.type.endsWith("/table")) continue;
    await parsePart(pkg.zip, rel.path, {
      open(node, tag) {
        if (tag !== "table") return;
        const address = attr(node, "ref");
        if (!address || !address.includes(":")) return;
        const table: GridTable = { name: attr(node, "displayName") ?? attr(node, "name") ?? "", address };
        if (Number(attr(node, "totalsRowCount") ?? 0) > 0) table.totalsRow = true;
        tables.push(table);
      },
    });
  }
  return tables;
}

function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  return col - 1;
}

interface SheetCells {
  /** 0-based rows holding at least one value, in sheet order, with their cells. */
  rows: number[];
  cols: number[][];
  values: CellValue[][];
  formats: string[][];
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

interface RawCell {
  ref?: string;
  type: string;
  style: number;
  value?: string;
  formula?: string;
  inline?: string;
}

/** The value a cell holds, as Office.js would hand it over (dates as serials, with a date format). */
function cellValue(cell: RawCell, strings: string[], date1904: boolean): { value: CellValue; dateFormat?: boolean } {
  const v = cell.value;
  if (cell.type === "inlineStr") return { value: decodeXstring(cell.inline ?? "") };
  if (v === undefined) return { value: cell.formula !== undefined ? { formula: cell.formula } : null };
  switch (cell.type) {
    case "s":
      return { value: strings[Number(v)] ?? "" };
    case "str":
      return { value: decodeXstring(v) };
    case "b":
      return { value: v.trim() === "1" || v.trim() === "true" };
    case "e":
      return { value: { error: v.trim() } };
    case "d": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v.trim()}Z`);
      if (Number.isNaN(ms)) return { value: v };
      return { value: ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET - (date1904 ? DATE1904_OFFSET : 0), dateFormat: true };
    }
    default: {
      if (v.trim() === "") return { value: null };
      const n = Number(v);
      return { value: Number.isNaN(n) ? v : n };
    }
  }
}

async function readSheetCells(pkg: XlsxPackage, path: string, strings: string[], xfFormats: string[]): Promise<SheetCells> {
  const out: SheetCells = { rows: [], cols: [], values: [], formats: [] };
  let rowIndex = -1;
  let colIndex = -1;
  let rowCols: number[] = [];
  let rowValues: CellValue[] = [];
  let rowFormats: string[] = [];
  let cell: RawCell | undefined;
  let text: "v" | "f" | "is" | undefined;
  let inSheetData = false;
  await parsePart(pkg.zip, path, {
    open(node, tag) {
      if (tag === "sheetData") inSheetData = true;
      if (!inSheetData) return;
      if (tag === "row") {
        const r = attr(node, "r");
        rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
        colIndex = -1;
        rowCols = [];
        rowValues = [];
        rowFormats = [];
      } else if (tag === "c") {
        const ref = attr(node, "r");
        colIndex = ref !== undefined ? columnIndex(ref) : colIndex + 1;
        cell = { type: attr(node, "t") ?? "n", style: Number(attr(node, "s") ?? 0) };
      } else if (cell && tag === "v") {
        text = "v";
        cell.value = "";
      } else if (cell && tag === "f") {
        text = "f";
        cell.formula = "";
      } else if (cell && tag === "is") {
        text = "is";
        cell.inline = "";
      } else if (cell && tag === "rPh") {
        text = undefined;
      }
    },
    text(t) {
      if (!cell || text === undefined) return;
      if (text === "v") cell.value += t;
      else if (text === "f") cell.formula += t;
      else cell.inline += t;
    },
    close(tag) {
      if (tag === "sheetData") inSheetData = false;
      if (!inSheetData) return;
      if (tag === "v" || tag === "f" || tag === "is") text = undefined;
      else if (tag === "c" && cell) {
        const { value, dateFormat } = cellValue(cell, strings, pkg.date1904);
        if (!isBlank(value)) {
          const format = dateFormat ? ISO_DATE_FORMAT : (xfFormats[cell.style] ?? "General");
          rowCols.push(colIndex);
          rowValues.push(value);
          rowFormats.push(format === "General" ? "" : format);
        }
        cell = undefined;
      } else if (tag === "row" && rowCols.length > 0) {
        out.rows.push(rowIndex);
        out.cols.push(rowCols);
        out.values.push(rowValues);
        out.formats.push(rowFormats);
      }
    },
  });
  return out;
}

/** The first contiguous run of indices (gaps up to maxGap) from the smallest; the rest are stray. */
function mainRun(sorted: number[], maxGap: number): { first: number; last: number } {
  let last = sorted[0];
  for (const i of sorted) {
    if (i - last > maxGap + 1) break;
    last = Math.max(last, i);
  }
  return { first: sorted[0], last };
}

function toGrid(sheet: string, cells: SheetCells, tables: GridTable[], stray: Issue[]): Grid {
  if (cells.rows.length === 0) return { sheet, originRow: 0, originCol: 0, values: [], tables };
  const rowOrder = cells.rows.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const rows = mainRun(rowOrder.map(([r]) => r), STRAY_ROW_GAP);
  const usedCols = new Set<number>();
  for (const [r, i] of rowOrder) if (r <= rows.last) for (const c of cells.cols[i]) usedCols.add(c);
  const cols = mainRun([...usedCols].sort((a, b) => a - b), STRAY_COL_GAP);
  const height = rows.last - rows.first + 1;
  const width = cols.last - cols.first + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  let formats: string[][] | undefined;
  const strayCells: string[] = [];
  for (const [r, i] of rowOrder) {
    cells.cols[i].forEach((c, j) => {
      if (r > rows.last || c < cols.first || c > cols.last) {
        strayCells.push(a1(r, c));
        return;
      }
      values[r - rows.first][c - cols.first] = cells.values[i][j];
      const fmt = cells.formats[i][j];
      if (fmt !== "") {
        formats ??= Array.from({ length: height }, () => new Array<string>(width).fill(""));
        formats[r - rows.first][c - cols.first] = fmt;
      }
    });
  }
  if (strayCells.length > 0) {
    const listed = strayCells.slice(0, STRAY_LISTED).join(", ");
    stray.push({ severity: "warning", code: "STRAY_CELLS_IGNORED", sheet, cell: strayCells[0], params: { cells: listed, count: strayCells.length, block: `${a1(rows.first, cols.first)}:${a1(rows.last, cols.last)}` } });
  }
  const grid: Grid = { sheet, originRow: rows.first, originCol: cols.first, values, tables };
  if (formats) grid.numberFormats = formats;
  return grid;
}

export interface XlsxWorkbook {
  /** The input sheets as grids, in sheet order; the add-in's own result sheets are left out unless asked for. */
  grids: Grid[];
  /** Warnings from reading (stray cells left out), addressed to their cells. */
  issues: Issue[];
  /** Every sheet's name (chartsheets included) with the kind of sheet it is, when an earlier run wrote it. */
  sheets: Array<{ name: string; kind?: SheetKind }>;
}

export interface ReadXlsxOptions {
  /** Also read the earlier run's result sheets as grids (to import last year's results). */
  includeResults?: boolean;
}

/** Reads the workbook: each input sheet as a grid, the earlier run's result sheets by kind. */
export async function readXlsxBytes(data: Uint8Array | ArrayBuffer, opts: ReadXlsxOptions = {}): Promise<XlsxWorkbook> {
  const pkg = await openPackage(data);
  const [xfFormats, strings] = await Promise.all([readStyles(pkg), readSharedStrings(pkg)]);
  const kinds = ownSheetKinds(pkg.definedNames);
  const grids: Grid[] = [];
  const issues: Issue[] = [];
  const sheets: XlsxWorkbook["sheets"] = [];
  for (const name of pkg.sheetNames) {
    const kind = kinds.get(name);
    sheets.push(kind ? { name, kind } : { name });
  }
  for (const sheet of pkg.sheets) {
    const kind = kinds.get(sheet.name);
    if (kind && isResultSheetKind(kind) && !opts.includeResults) continue;
    const cells = await readSheetCells(pkg, sheet.path, strings, xfFormats);
    grids.push(toGrid(sheet.name, cells, await readTables(pkg, sheet.path), issues));
  }
  return { grids, issues, sheets };
}

/** Every sheet of a workbook this product rated, result sheets included, each with its kind. */
export async function readKindedSheets(data: Uint8Array | ArrayBuffer): Promise<KindedGrid[]> {
  const book = await readXlsxBytes(data, { includeResults: true });
  const gridOf = new Map(book.grids.map((g) => [g.sheet, g]));
  return book.sheets.flatMap((s) => {
    const grid = gridOf.get(s.name);
    if (!grid) return [];
    return s.kind ? [{ grid, kind: s.kind }] : [{ grid }];
  });
}

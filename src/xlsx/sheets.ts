// Reads an .xlsx package's bytes into Grids: the file-side twin of the Office.js reader, the same in
// Node (src/xlsx/read.ts reads a path) and in the task pane (a file the user picks). The sheets are
// streamed through a SAX parser and only the cells that hold a value are kept, so memory follows
// the data, not the used range (a stray formatted cell at XFD1048576 costs nothing), and parts the
// rating never needs (data validations over whole columns, drawings, comments) are never parsed.
// Everything read counts against the read's limits (src/xlsx/limits.ts): past one, the read stops
// with an issue naming the part or sheet. A sheet that a marker calls a result sheet is taken for
// one only where its own title agrees (src/workbook/read/ownSheet.ts).
import type { Issue } from "../engine/types";
import { a1, parseRange, type CellValue, type Grid, type GridTable } from "../workbook/grid";
import { HEADER_SEARCH_ROWS } from "../workbook/read/header";
import { isOwnSheet, OWN_SHEET_ROWS } from "../workbook/read/ownSheet";
import { READ_BACK_KINDS, type KindedGrid } from "../workbook/read/previous";
import type { SheetKind } from "../workbook/plan/types";
import { EXCEL_COLUMNS, EXCEL_ROWS, READ_LIMITS, overLimit, type ReadLimits } from "./limits";
import { attr, openPackage, parsePart, type PackageSheet, type XlsxPackage } from "./package";
import { isResultSheetKind, ownSheetKinds } from "./marker";

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
    await parsePart(pkg, stylesRel.path, { kind: "other" }, {
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

/** The text of a rich-text element (a shared string's <si>, an inline string's <is>): its <t> runs, without phonetic annotations (rPh). */
class RichText {
  text = "";
  private inText = false;
  private phonetic = 0;
  reset(): void {
    this.text = "";
    this.inText = false;
    this.phonetic = 0;
  }
  open(tag: string): void {
    if (tag === "rPh") this.phonetic++;
    else if (tag === "t" && this.phonetic === 0) this.inText = true;
  }
  close(tag: string): void {
    if (tag === "t") this.inText = false;
    else if (tag === "rPh") this.phonetic--;
  }
  add(t: string): void {
    if (this.inText) this.text += t;
  }
}

/** A shared string by its index. */
type SharedLookup = (index: number) => string;

/**
 * The shared strings, by index; with `wanted`, only those, and only up to the last of them (the
 * rest of the part is not read).
 */
async function readSharedStrings(pkg: XlsxPackage, wanted?: ReadonlySet<number>): Promise<string[]> {
  const rel = pkg.workbookRels.find((r) => r.type.endsWith("/sharedStrings"));
  const strings: string[] = [];
  if (!rel) return strings;
  const { limits } = pkg.budget;
  const last = wanted ? Math.max(-1, ...wanted) : Infinity;
  const rich = new RichText();
  let inItem = false;
  let index = 0;
  let chars = 0;
  const role = { kind: "sharedStrings", head: wanted !== undefined } as const;
  await parsePart(pkg, rel.path, role, {
    open(_node, tag, stop) {
      if (tag === "si") {
        if (index > last) return stop();
        if (index >= limits.sharedStrings) overLimit("WORKBOOK_TOO_MANY_CELLS", { part: rel.path, limit: limits.sharedStrings, what: "strings" });
        inItem = true;
        rich.reset();
      } else if (inItem) rich.open(tag);
    },
    text(t) {
      if (!inItem) return;
      rich.add(t);
      if (chars + rich.text.length > limits.sharedStringChars) overLimit("WORKBOOK_TOO_MANY_CELLS", { part: rel.path, limit: limits.sharedStringChars, what: "chars" });
    },
    close(tag) {
      if (tag === "si") {
        if (!wanted || wanted.has(index)) {
          strings[index] = decodeXstring(rich.text);
          chars += rich.text.length;
        }
        index++;
        inItem = false;
      } else if (inItem) rich.close(tag);
    },
  });
  return strings;
}

async function readTables(pkg: XlsxPackage, sheetPath: string): Promise<GridTable[]> {
  const tables: GridTable[] = [];
  for (const rel of pkg.rels.get(sheetPath) ?? []) {
    if (!rel.type.endsWith("/table")) continue;
    await parsePart(pkg, rel.path, { kind: "other" }, {
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

/** The 0-based column of a cell reference ("AB12" → 27); -1 when it has no letters. */
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

/** The style index a typed date (t="d") is kept with: it is read with ISO_DATE_FORMAT. */
const TYPED_DATE = -1;

/** A sheet's cells that hold a value, in flat arrays (a few numbers a cell, no object per cell). */
interface SheetCells {
  /** 0-based rows holding at least one value, in sheet order; row i's cells are [starts[i], starts[i + 1]). */
  rows: number[];
  starts: number[];
  cols: number[];
  values: CellValue[];
  /** The cell format (cellXfs index), or TYPED_DATE. */
  styles: number[];
  /** Merged areas (A1 ranges), as the sheet lists them. */
  merges: string[];
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** The value a cell holds, as Office.js would hand it over (dates as serials, with a date format). */
function cellValue(type: string, v: string | undefined, formula: string | undefined, inline: string | undefined, strings: SharedLookup, date1904: boolean): { value: CellValue; dateFormat?: boolean } {
  if (type === "inlineStr") return { value: decodeXstring(inline ?? "") };
  if (v === undefined) return { value: formula !== undefined ? { formula } : null };
  switch (type) {
    case "s":
      return { value: strings(Number(v)) };
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

/** CT_Worksheet's elements between sheetData and mergeCells: after any other, the sheet holds nothing the reader needs. */
const BEFORE_MERGES = new Set(["sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells"]);

/** Where a text's characters go while a cell is open. */
const enum Field {
  None,
  Value,
  Formula,
  Inline,
}

/**
 * Streams a sheet's XML and keeps the cells that hold a value, with the merged areas. With `rows`,
 * reads only the sheet's first `rows` rows. Stops there, or after the merged areas: what follows
 * (conditional formats, data validations, drawings) is never inflated.
 */
async function readSheetCells(pkg: XlsxPackage, sheet: PackageSheet, strings: SharedLookup, rows?: number): Promise<SheetCells> {
  const out: SheetCells = { rows: [], starts: [], cols: [], values: [], styles: [], merges: [] };
  const { budget } = pkg;
  const { limits } = budget;
  const tableRows = limits.tableRows === undefined ? Infinity : limits.tableRows + HEADER_SEARCH_ROWS;
  const beyond = (ref: string): never => overLimit("SHEET_BEYOND_EXCEL", { part: sheet.path, ref }, sheet.name);
  const keep = (): void => {
    if (++budget.cells > limits.cells) overLimit("WORKBOOK_TOO_MANY_CELLS", { part: sheet.path, limit: limits.cells, what: "cells" }, sheet.name);
  };
  let depth = 0;
  let inData = false;
  let dataDone = false;
  let inRow = false;
  let row = -1;
  let col = -1;
  let rowStart = 0;
  let inCell = false;
  let type = "n";
  let style = 0;
  let field = Field.None;
  let value: string | undefined;
  let formula: string | undefined;
  let inline: RichText | undefined;
  const rich = new RichText();
  await parsePart(pkg, sheet.path, { kind: "sheet", sheet: sheet.name, head: rows !== undefined }, {
    open(node, tag, stop) {
      depth++;
      const a = node.attributes as Record<string, string>;
      if (inData) {
        if (tag === "c" && inRow) {
          const ref = a.r;
          col = ref !== undefined ? columnIndex(ref) : col + 1;
          if (!(col >= 0 && col < EXCEL_COLUMNS)) beyond(ref ?? a1(row, col));
          inCell = true;
          type = a.t ?? "n";
          style = a.s !== undefined ? Number(a.s) : 0;
          field = Field.None;
          value = formula = inline = undefined;
        } else if (!inCell) {
          if (tag !== "row") return;
          const r = a.r;
          row = r !== undefined ? Number(r) - 1 : row + 1;
          if (!(Number.isInteger(row) && row >= 0 && row < EXCEL_ROWS)) beyond(r ?? String(row + 1));
          if (rows !== undefined && row >= rows) return stop();
          inRow = true;
          col = -1;
          rowStart = out.values.length;
        } else if (field === Field.Inline) rich.open(tag);
        else if (tag === "v") {
          field = Field.Value;
          value = "";
        } else if (tag === "f") {
          field = Field.Formula;
          formula = "";
        } else if (tag === "is") {
          field = Field.Inline;
          rich.reset();
          inline = rich;
        }
        return;
      }
      if (tag === "sheetData") inData = true;
      else if (dataDone && depth === 2 && !BEFORE_MERGES.has(tag)) stop();
      else if (dataDone && tag === "mergeCell" && a.ref !== undefined) {
        keep();
        out.merges.push(a.ref);
      }
    },
    text(t) {
      if (field === Field.Value) value += t;
      else if (field === Field.Formula) formula += t;
      else if (field === Field.Inline) rich.add(t);
    },
    close(tag, stop) {
      depth--;
      if (inData) {
        if (inCell) {
          if (tag === "c") {
            const read = cellValue(type, value, formula, inline?.text, strings, pkg.date1904);
            if (!isBlank(read.value)) {
              keep();
              out.cols.push(col);
              out.values.push(read.value);
              out.styles.push(read.dateFormat ? TYPED_DATE : style);
            }
            inCell = false;
            field = Field.None;
          } else if (tag === "v" || tag === "f" || tag === "is") field = Field.None;
          else if (field === Field.Inline) rich.close(tag);
        } else if (tag === "row") {
          inRow = false;
          if (out.values.length > rowStart) {
            out.rows.push(row);
            out.starts.push(rowStart);
            if (out.rows.length > tableRows) overLimit("TABLE_TOO_LARGE", { part: sheet.path, limit: limits.tableRows ?? 0 }, sheet.name);
          }
        } else if (tag === "sheetData") {
          inData = false;
          dataDone = true;
          if (rows !== undefined) stop();
        }
        return;
      }
      if (tag === "mergeCells") stop();
    },
  });
  out.starts.push(out.values.length);
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

/** The format a kept cell is read with ("" for General). */
function formatOf(style: number, xfFormats: readonly string[]): string {
  if (style === TYPED_DATE) return ISO_DATE_FORMAT;
  const format = xfFormats[style] ?? "General";
  return format === "General" ? "" : format;
}

/**
 * The sheet's block of data as a grid: cells far below or right of it are stray (left out, with a
 * warning). The grid holds every cell of the block, blank ones too, so a block that spans many
 * times more cells than hold values (cells scattered over the sheet) is refused: memory follows
 * the values, never the span between them.
 */
function toGrid(sheet: string, cells: SheetCells, tables: GridTable[], xfFormats: readonly string[], limits: ReadLimits, stray: Issue[]): Grid {
  if (cells.rows.length === 0) return { sheet, originRow: 0, originCol: 0, values: [], tables };
  const rowOrder = cells.rows.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const rows = mainRun(rowOrder.map(([r]) => r), STRAY_ROW_GAP);
  const usedCols = new Set<number>();
  for (const [r, i] of rowOrder) {
    if (r > rows.last) break;
    for (let k = cells.starts[i]; k < cells.starts[i + 1]; k++) usedCols.add(cells.cols[k]);
  }
  const cols = mainRun([...usedCols].sort((a, b) => a - b), STRAY_COL_GAP);
  const height = rows.last - rows.first + 1;
  const width = cols.last - cols.first + 1;
  const block = `${a1(rows.first, cols.first)}:${a1(rows.last, cols.last)}`;
  let held = 0;
  for (const [r, i] of rowOrder) {
    if (r > rows.last) break;
    for (let k = cells.starts[i]; k < cells.starts[i + 1]; k++) if (cells.cols[k] >= cols.first && cells.cols[k] <= cols.last) held++;
  }
  if (height * width > Math.max(limits.minSpan, limits.spanPerCell * held)) overLimit("SHEET_TOO_SCATTERED", { block, cells: held, span: height * width }, sheet);
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  let formats: string[][] | undefined;
  const strayCells: string[] = [];
  for (const [r, i] of rowOrder) {
    for (let k = cells.starts[i]; k < cells.starts[i + 1]; k++) {
      const c = cells.cols[k];
      if (r > rows.last || c < cols.first || c > cols.last) {
        strayCells.push(a1(r, c));
        continue;
      }
      values[r - rows.first][c - cols.first] = cells.values[k];
      const fmt = formatOf(cells.styles[k], xfFormats);
      if (fmt !== "") {
        formats ??= Array.from({ length: height }, () => new Array<string>(width).fill(""));
        formats[r - rows.first][c - cols.first] = fmt;
      }
    }
  }
  if (strayCells.length > 0) {
    const listed = strayCells.slice(0, STRAY_LISTED).join(", ");
    stray.push({ severity: "warning", code: "STRAY_CELLS_IGNORED", sheet, cell: strayCells[0], params: { cells: listed, count: strayCells.length, block } });
  }
  const grid: Grid = { sheet, originRow: rows.first, originCol: cols.first, values, tables };
  if (formats) grid.numberFormats = formats;
  const merged = cells.merges.filter((m) => {
    const range = parseRange(m);
    return range !== undefined && range.r0 <= rows.last && range.r1 >= rows.first && range.c0 <= cols.last && range.c1 >= cols.first;
  });
  if (merged.length > 0) grid.mergedAreas = merged;
  return grid;
}

/** A sheet's first rows, as the check of a marked sheet reads them. */
async function readHead(pkg: XlsxPackage, sheet: PackageSheet, strings: SharedLookup): Promise<Grid> {
  return toGrid(sheet.name, await readSheetCells(pkg, sheet, strings, OWN_SHEET_ROWS), [], [], pkg.budget.limits, []);
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
  /** Tighter or looser limits than READ_LIMITS (the command line sets how many zones a table may hold). */
  limits?: Partial<ReadLimits>;
}

/**
 * Reads the workbook. A sheet a marker calls a result sheet is read as a result sheet only where
 * its title agrees; `readResult` says which of those to read as grids (the others are listed by
 * name and kind only, their first rows read to check them). Every other sheet is the user's.
 */
async function readBook(data: Uint8Array | ArrayBuffer, limits: ReadLimits, readResult: (kind: SheetKind) => boolean): Promise<XlsxWorkbook> {
  const pkg = await openPackage(data, limits);
  const [xfFormats, table] = await Promise.all([readStyles(pkg), readSharedStrings(pkg)]);
  const strings: SharedLookup = (i) => table[i] ?? "";
  const claimed = ownSheetKinds(pkg.definedNames);
  const kinds = new Map<string, SheetKind>();
  const grids: Grid[] = [];
  const issues: Issue[] = [];
  for (const sheet of pkg.sheets) {
    const claim = claimed.get(sheet.name);
    if (claim && isResultSheetKind(claim) && !readResult(claim) && isOwnSheet(await readHead(pkg, sheet, strings), claim)) {
      kinds.set(sheet.name, claim);
      continue;
    }
    const grid = toGrid(sheet.name, await readSheetCells(pkg, sheet, strings), await readTables(pkg, sheet.path), xfFormats, limits, issues);
    if (claim && isOwnSheet(grid, claim)) kinds.set(sheet.name, claim);
    grids.push(grid);
  }
  const sheets = pkg.sheetNames.map((name) => {
    const kind = kinds.get(name);
    return kind ? { name, kind } : { name };
  });
  return { grids, issues, sheets };
}

/** Reads the workbook: each input sheet as a grid, the earlier run's result sheets by kind. */
export async function readXlsxBytes(data: Uint8Array | ArrayBuffer, opts: ReadXlsxOptions = {}): Promise<XlsxWorkbook> {
  return readBook(data, { ...READ_LIMITS, ...opts.limits }, () => opts.includeResults === true);
}

export interface ReadKindedOptions {
  /** Every result sheet, not only those a later run reads back (to look at a whole rated workbook). */
  allResults?: boolean;
}

/**
 * The sheets of a workbook this product rated that a later run reads: every sheet of the user's,
 * and the result sheets it reads back (READ_BACK_KINDS), each with its kind. Long result sheets
 * nothing reads back (计算明细, 集聚区档案) are not read unless `allResults` asks for them.
 */
export async function readKindedSheets(data: Uint8Array | ArrayBuffer, opts: ReadKindedOptions = {}): Promise<KindedGrid[]> {
  const book = await readBook(data, READ_LIMITS, (kind) => opts.allResults === true || READ_BACK_KINDS.has(kind));
  const gridOf = new Map(book.grids.map((g) => [g.sheet, g]));
  return book.sheets.flatMap((s) => {
    const grid = gridOf.get(s.name);
    if (!grid) return [];
    return s.kind ? [{ grid, kind: s.kind }] : [{ grid }];
  });
}

/**
 * Sheet name → kind for every sheet of the package that a marker calls the add-in's and whose
 * title agrees: the sheets a new run may replace. Reads only the first rows of the marked sheets,
 * and the shared strings those rows use.
 */
export async function verifiedSheetKinds(pkg: XlsxPackage): Promise<Map<string, SheetKind>> {
  const claimed = ownSheetKinds(pkg.definedNames);
  const marked = pkg.sheets.filter((s) => claimed.has(s.name));
  const wanted = new Set<number>();
  const heads = async (strings: SharedLookup): Promise<Grid[]> => {
    const out: Grid[] = [];
    for (const sheet of marked) out.push(await readHead(pkg, sheet, strings));
    return out;
  };
  let grids = await heads((i) => {
    wanted.add(i);
    return "";
  });
  if (wanted.size > 0) {
    const table = await readSharedStrings(pkg, wanted);
    grids = await heads((i) => table[i] ?? "");
  }
  const kinds = new Map<string, SheetKind>();
  marked.forEach((sheet, i) => {
    const kind = claimed.get(sheet.name)!;
    if (isOwnSheet(grids[i], kind)) kinds.set(sheet.name, kind);
  });
  return kinds;
}

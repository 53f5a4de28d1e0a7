// A sheet's cells as the hosts hand them over: the one shape the reader understands, whatever the
// host (Office.js, ExcelJS, the test fake).

/** An Excel error value such as "#DIV/0!", "#N/A", "#VALUE!". */
export interface CellError {
  error: string;
}

/**
 * A formula cell that holds no result: the file was written by a program and never calculated
 * and saved by Excel, so there is no value to read.
 */
export interface UncalculatedFormula {
  formula: string;
}

export type CellValue = string | number | boolean | null | CellError | UncalculatedFormula;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isUncalculatedFormula(v: CellValue): v is UncalculatedFormula {
  return typeof v === "object" && v !== null && "formula" in v;
}

export interface GridTable {
  name: string;
  /** A1 range of the whole table including its header row, e.g. "A3:W183". */
  address: string;
  /** The table shows its totals row (its last row), which holds sums, not a zone. */
  totalsRow?: boolean;
}

export interface Grid {
  /** Sheet name. */
  sheet: string;
  /** 0-based row and column of values[0][0] in the sheet (the used range may not start at A1). */
  originRow: number;
  originCol: number;
  /** Rectangular: every row has the same length. Blank cells are null. */
  values: CellValue[][];
  /** Number format of each cell, same shape as values, where the host supplies it (lets 0.12 formatted "0%" read as 12 %). */
  numberFormats?: string[][];
  /** Excel tables (ListObjects) on this sheet. */
  tables?: GridTable[];
  /**
   * The sheet's merged areas that meet the grid, as A1 ranges of the sheet ("B2:B9"), where the
   * host supplies them: a merged area shows its top-left cell's value over all of it.
   */
  mergedAreas?: string[];
}

/** A block of cells by 0-based first and last row and column of the sheet. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Converts 0-based row/column to an A1 address ("A1", "AB12"). */
export function a1(row: number, col: number): string {
  let c = col + 1;
  let letters = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

const A1_CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

/** Parses an A1 address to 0-based row/column; throws on malformed input (a programming error). */
export function parseA1(address: string): { row: number; col: number } {
  const m = A1_CELL.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A range ("B2:D9", or one cell "B2") as rows and columns; undefined when it is no A1 range, as a file's text may not be. */
export function parseRange(address: string): CellRange | undefined {
  const [from, to = from, extra] = address.trim().split(":");
  if (extra !== undefined || !A1_CELL.test(from) || !A1_CELL.test(to)) return undefined;
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

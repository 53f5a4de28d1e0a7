// How much of an .xlsx the reader takes on before it calls the file an input error. A workbook is a
// zip of XML: 2 MB on disk can inflate to gigabytes, and a sheet's cells can lie a million rows
// apart. Every figure here is far above what a genuine indicator table of the largest size the
// product rates needs (and what the product's own rated output of it holds), and low enough that a
// crafted file is answered in seconds, in bounded memory.
import type { Issue } from "../engine/types";

const MiB = 1024 * 1024;

export interface ReadLimits {
  /** Entries in the zip: a workbook of a thousand sheets has a few thousand. */
  entries: number;
  /** Inflated bytes of one worksheet part the reader parses. */
  sheetBytes: number;
  /** Inflated bytes of the shared-strings part. */
  sharedStringsBytes: number;
  /** Inflated bytes of any other part the reader parses (workbook, relationships, styles, tables). */
  partBytes: number;
  /** Inflated bytes of all the parts one read parses. */
  totalBytes: number;
  /**
   * Inflated bytes per compressed byte a part may reach once it is larger than `ratioGrace`:
   * genuine SpreadsheetML deflates about 10:1, a zip bomb hundreds or a thousand to one
   * (Apache POI refuses above 100:1 too).
   */
  inflateRatio: number;
  ratioGrace: number;
  /** Characters between two tags: Excel holds at most 32,767 in a cell, a formula 8,192. */
  textRun: number;
  /** Cells holding a value, with merged areas, kept in one read. */
  cells: number;
  /** Entries of the shared-strings table, and their characters in all. */
  sharedStrings: number;
  sharedStringChars: number;
  /**
   * Cells a sheet's grid may span per cell holding a value (its blank cells cost memory too), and
   * the span every sheet may have whatever it holds.
   */
  spanPerCell: number;
  minSpan: number;
  /** Zones a table may hold (the command line's limit); unset: as many as the other limits allow. */
  tableRows?: number;
}

export const READ_LIMITS: ReadLimits = {
  entries: 10_000,
  sheetBytes: 512 * MiB,
  sharedStringsBytes: 256 * MiB,
  partBytes: 64 * MiB,
  totalBytes: 1024 * MiB,
  inflateRatio: 100,
  ratioGrace: 16 * MiB,
  textRun: MiB,
  cells: 8_000_000,
  sharedStrings: 4_000_000,
  sharedStringChars: 64_000_000,
  spanPerCell: 16,
  minSpan: 1_000_000,
};

/** Excel's own sheet size: a cell beyond it was not written by a spreadsheet. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** A limit the workbook goes past: the read stops there, and the issue says where and what to do. */
export class WorkbookLimitError extends Error {
  constructor(readonly issue: Issue) {
    super(`The workbook goes past a reading limit (${issue.code}${issue.params?.part ? ` in ${issue.params.part}` : ""}${issue.sheet ? ` on sheet ${issue.sheet}` : ""}).`);
    this.name = "WorkbookLimitError";
  }
}

/** Stops the read with an error issue at the sheet, where the limit is a sheet's (its messages name it). */
export function overLimit(code: string, params: Record<string, string | number>, sheet?: string): never {
  const issue: Issue = { severity: "error", code, params: sheet === undefined ? params : { ...params, sheet } };
  if (sheet !== undefined) issue.sheet = sheet;
  throw new WorkbookLimitError(issue);
}

/** Megabytes as the messages print them. */
export function mb(bytes: number): number {
  return Math.round(bytes / MiB);
}

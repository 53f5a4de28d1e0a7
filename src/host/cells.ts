// Cell values as the live hosts hand them over, turned into the reader's CellValue: Office.js gives
// blanks as "" and errors as their text ("#DIV/0!"); WPS 表格 gives blanks as undefined (or "") and,
// as far as is known, errors as their text too.
import type { CellValue } from "../workbook/grid";

const ERROR_VALUE = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** A blank cell is null, an error value a CellError; numbers, booleans and other text pass through. */
export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_VALUE.test(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

// Ranges by position, without Worksheet.getRangeByIndexes (ExcelApi 1.7): an A1 address reaches
// the same cells from ExcelApi 1.1 on, so the oldest Excel the manifest admits can run it.
import { a1 } from "../workbook/grid";

/** The range of `rows` × `cols` cells whose top-left cell is at 0-based (row, col). */
export function rangeAt(ws: Excel.Worksheet, row: number, col: number, rows: number, cols: number): Excel.Range {
  const from = a1(row, col);
  return ws.getRange(rows === 1 && cols === 1 ? from : `${from}:${a1(row + rows - 1, col + cols - 1)}`);
}

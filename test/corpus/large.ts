// A large valid indicator table, written with ExcelJS's streaming writer (the in-memory one takes
// several times longer for 100,000 rows). Shared by the corpus and the read benchmark.
import ExcelJS from "exceljs";
import { HEADER } from "./header";

export function largeRow(i: number): ExcelJS.CellValue[] {
  return [`区${i}`, `市${i % 18}`, 10 + (i % 90), 1.5 + (i % 13), 0.4 + (i % 7) / 10, 40, i + 1, i % 4, i % 5, null];
}

export async function writeLargeTable(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet("指标数据");
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(largeRow(i)).commit();
  ws.commit();
  await wb.commit();
}

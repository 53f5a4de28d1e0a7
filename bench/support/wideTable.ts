// A 100,000-zone indicator table as wide as the bundled sample (its title block and every one of
// its indicator columns), for the end-to-end benchmark: the sample's 180 zones repeated with their
// values, each copy a zone of its own name, last year's ranks a permutation of 1..n. Written with
// ExcelJS's streaming writer, which holds one row at a time.
import ExcelJS from "exceljs";
import { sampleSheetRows } from "../../scripts/make-sample";

/** Rows of the sample before its first zone: title, note, blank row, header. */
const HEAD_ROWS = 4;
/** Columns of the sample's table: zone name, last year's rank. */
const NAME_COL = 1;
const PREV_RANK_COL = 17;
/** A prime step: i·step mod n visits every rank 1..n once for any n it does not divide. */
const RANK_STEP = 7_919;

export async function writeWideTable(file: string, zones: number): Promise<void> {
  const sample = sampleSheetRows();
  const zoneRows = sample.slice(HEAD_ROWS).filter((r) => typeof r[0] === "number");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet("指标数据");
  for (const row of sample.slice(0, HEAD_ROWS)) ws.addRow(row).commit();
  for (let i = 0; i < zones; i++) {
    const row = [...zoneRows[i % zoneRows.length]];
    row[0] = i + 1;
    row[NAME_COL] = `${String(row[NAME_COL]).replace(/产业集聚区$/, "")}${Math.floor(i / zoneRows.length) + 1}号产业集聚区`;
    row[PREV_RANK_COL] = ((i * RANK_STEP) % zones) + 1;
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
}

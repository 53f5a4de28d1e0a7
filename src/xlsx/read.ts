// Reads an .xlsx file into Grids with ExcelJS: the file-side twin of the Office.js reader.
import ExcelJS from "exceljs";
import type { CellValue, Grid, GridTable } from "../workbook/grid";

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1899-12-30 epoch to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/** Dates become Excel serial numbers, as Office.js hands them over, so both hosts read alike. */
function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
    // A hyperlink's text may itself be rich text.
    if (o.text !== undefined) return plain(o.text);
  }
  return String(v);
}

function tablesOf(ws: ExcelJS.Worksheet): GridTable[] {
  const tables = (ws as unknown as { tables?: Record<string, { name?: string; table?: { tableRef?: string; ref?: string } }> }).tables ?? {};
  const out: GridTable[] = [];
  for (const [name, t] of Object.entries(tables)) {
    const address = t.table?.tableRef ?? t.table?.ref;
    if (address && address.includes(":")) out.push({ name: t.name ?? name, address });
  }
  return out;
}

function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const dims = ws.actualRowCount === 0 ? undefined : ws.dimensions;
  const tables = tablesOf(ws);
  if (!dims || !dims.top) return { sheet: ws.name, originRow: 0, originCol: 0, values: [], tables };
  const { top, left, bottom, right } = dims;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  let formats: string[][] | undefined;
  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array<CellValue>(width).fill(null);
    values.push(rowValues);
    const row = ws.findRow(r);
    if (!row) continue;
    const idx = r - top;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - left;
      if (c < 0 || c >= width) return;
      rowValues[c] = plain(cell.value);
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General") {
        formats ??= [];
        while (formats.length <= idx) formats.push([]);
        formats[idx][c] = fmt;
      }
    });
  }
  const grid: Grid = { sheet: ws.name, originRow: top - 1, originCol: left - 1, values, tables };
  if (formats) grid.numberFormats = values.map((_row, i) => Array.from({ length: width }, (_, c) => formats?.[i]?.[c] ?? ""));
  return grid;
}

/** Every worksheet of the workbook as a Grid, in sheet order. */
export async function readXlsxGrids(pathOrBuffer: string | Buffer | ArrayBuffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  if (typeof pathOrBuffer === "string") await wb.xlsx.readFile(pathOrBuffer);
  else await wb.xlsx.load(pathOrBuffer as ArrayBuffer);
  return wb.worksheets.map(worksheetToGrid);
}

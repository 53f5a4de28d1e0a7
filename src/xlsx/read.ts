// Reads an .xlsx file from a path or its bytes (Node): see src/xlsx/sheets.ts for how.
import { readFile } from "node:fs/promises";
import type { Grid } from "../workbook/grid";
import type { KindedGrid } from "../workbook/read/previous";
import { readKindedSheets as kindedSheets, readXlsxBytes, type ReadKindedOptions, type ReadXlsxOptions, type XlsxWorkbook } from "./sheets";

export type { ReadXlsxOptions, XlsxWorkbook } from "./sheets";
export { ISO_DATE_FORMAT, STRAY_COL_GAP, STRAY_ROW_GAP } from "./sheets";

async function bytes(pathOrBuffer: string | Uint8Array | ArrayBuffer): Promise<Uint8Array | ArrayBuffer> {
  return typeof pathOrBuffer === "string" ? readFile(pathOrBuffer) : pathOrBuffer;
}

/** Reads the workbook: each input sheet as a grid, the earlier run's result sheets by kind. */
export async function readXlsxWorkbook(pathOrBuffer: string | Uint8Array | ArrayBuffer, opts: ReadXlsxOptions = {}): Promise<XlsxWorkbook> {
  return readXlsxBytes(await bytes(pathOrBuffer), opts);
}

/** Every input worksheet of the workbook as a Grid, in sheet order. */
export async function readXlsxGrids(pathOrBuffer: string | Uint8Array | ArrayBuffer): Promise<Grid[]> {
  return (await readXlsxWorkbook(pathOrBuffer)).grids;
}

/** The sheets of a workbook this product rated that a later run reads (or all of them), each with its kind. */
export async function readKindedSheets(pathOrBuffer: string | Uint8Array | ArrayBuffer, opts: ReadKindedOptions = {}): Promise<KindedGrid[]> {
  return kindedSheets(await bytes(pathOrBuffer), opts);
}

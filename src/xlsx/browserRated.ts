// Last year's rated workbook read in the task pane, from the bytes of a file the user picked: every
// sheet as a grid with the kind its marker gives it. The file reader of src/xlsx/read.ts runs on
// Node only, so this one uses ExcelJS's browser build, loaded on the first import only.
import type { CellValue, Grid } from "../workbook/grid";
import type { KindedGrid } from "../workbook/read/previous";
import { ownSheetKinds } from "./marker";

/** A cell as the reader wants it: formulas as their result, rich text and hyperlinks as their text. */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
  if ("formula" in o || "sharedFormula" in o) return cellValue(o.result);
  if (o.text !== undefined) return cellValue(o.text);
  return String(v);
}

export async function readKindedSheetsInBrowser(data: ArrayBuffer): Promise<KindedGrid[]> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const names = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
  const kinds = ownSheetKinds(names.map((n) => ({ name: n.name, hidden: true, text: n.ranges[0] ?? "" })));
  return wb.worksheets.map((ws) => {
    const values: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cellValue(cell.value)));
      values[r - 1] = cells;
    });
    const width = Math.max(0, ...values.map((r) => r?.length ?? 0));
    const grid: Grid = { sheet: ws.name, originRow: 0, originCol: 0, values: Array.from(values, (r) => Array.from({ length: width }, (_, c) => r?.[c] ?? null)) };
    const kind = kinds.get(ws.name);
    return kind ? { grid, kind } : { grid };
  });
}

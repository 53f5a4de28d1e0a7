// Every sheet of a workbook this product rated, result sheets included, each with the kind its
// marker gives it: what importing last year's results needs.
import type { KindedGrid } from "../workbook/read/previous";
import { readXlsxWorkbook } from "./read";

export async function readKindedSheets(pathOrBuffer: string | Buffer | ArrayBuffer): Promise<KindedGrid[]> {
  const book = await readXlsxWorkbook(pathOrBuffer, { includeResults: true });
  const gridOf = new Map(book.grids.map((g) => [g.sheet, g]));
  return book.sheets.flatMap((s) => {
    const grid = gridOf.get(s.name);
    if (!grid) return [];
    return s.kind ? [{ grid, kind: s.kind }] : [{ grid }];
  });
}

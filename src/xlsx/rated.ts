// Every sheet of a workbook this product rated, result sheets included, each with the kind its
// marker gives it: what importing last year's results needs. readXlsxWorkbook leaves result
// sheets out (a run never rates them), so where it did, the workbook is read once more without the
// markers, which the reader then cannot tell from a user's sheets.
import JSZip from "jszip";
import type { KindedGrid } from "../workbook/read/previous";
import { readXlsxWorkbook } from "./read";

/** The hidden defined names that mark the add-in's sheets (src/xlsx/marker.ts). */
const MARKER_ELEMENT = /<(?:\w+:)?definedName\b[^>]*\bname="_ZoneRating_[^"]*"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g;

async function withoutMarkers(data: Buffer | ArrayBuffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/[^/]*workbook[^/]*\.xml$/i.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(MARKER_ELEMENT, ""));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

export async function readKindedSheets(pathOrBuffer: string | Buffer | ArrayBuffer): Promise<KindedGrid[]> {
  const data = typeof pathOrBuffer === "string" ? await import("node:fs/promises").then((fs) => fs.readFile(pathOrBuffer)) : pathOrBuffer;
  const first = await readXlsxWorkbook(data);
  const gridOf = new Map(first.grids.map((g) => [g.sheet, g]));
  const missing = first.sheets.some((s) => !gridOf.has(s.name));
  const grids = missing ? new Map((await readXlsxWorkbook(await withoutMarkers(data))).grids.map((g) => [g.sheet, g])) : gridOf;
  return first.sheets.flatMap((s) => {
    const grid = grids.get(s.name);
    if (!grid) return [];
    return s.kind ? [{ grid, kind: s.kind }] : [{ grid }];
  });
}

// Indicator sheets for the host tests, built from the bundled sample's rows.
import { sampleSheetRows } from "../../scripts/make-sample";
import type { CellValue } from "../../src/workbook/grid";

const HEADER_ROWS = 4;
const ZONE_COL = 1;

/** The sample's title block and header, then n zone rows (the sample's 180 repeated, names made unique). */
export function indicatorRows(n: number): CellValue[][] {
  const sample = sampleSheetRows();
  const zones = sample.slice(HEADER_ROWS).filter((r) => typeof r[0] === "number");
  const rows = sample.slice(0, HEADER_ROWS);
  for (let i = 0; i < n; i++) {
    const row = [...zones[i % zones.length]];
    const round = Math.floor(i / zones.length);
    row[0] = i + 1;
    if (round > 0) row[ZONE_COL] = `${String(row[ZONE_COL])}${round + 1}`;
    rows.push(row);
  }
  return rows;
}

/** Number formats that keep the zone-name column as text, as a user who typed "=…" names would have it. */
export function textZoneFormats(rows: CellValue[][]): string[][] {
  return rows.map((r) => r.map((_, c) => (c === ZONE_COL ? "@" : "")));
}

export const ZONE_COLUMN = ZONE_COL;
export const FIRST_ZONE_ROW = HEADER_ROWS;

// Merged cells. Officials merge a column vertically, one block per city (所属地市), or a header cell
// over two header rows; Excel keeps the value in the top-left cell of the area only and shows it
// over all of it. The reader reads what the user sees: every cell of a merged area holds the
// top-left cell's value (and number format).
import { parseRange, type CellRange, type CellValue, type Grid } from "../grid";

export interface MergedArea {
  /** As the host gave it ("B2:B9"). */
  address: string;
  /** Sheet rows and columns, 0-based. */
  range: CellRange;
}

/** The grid's merged areas whose top-left cell lies in the grid (the others show a value the grid does not hold). */
export function mergedAreas(grid: Grid): MergedArea[] {
  const height = grid.values.length;
  const width = grid.values[0]?.length ?? 0;
  const out: MergedArea[] = [];
  for (const address of grid.mergedAreas ?? []) {
    const range = parseRange(address);
    if (!range || (range.r0 === range.r1 && range.c0 === range.c1)) continue;
    const r = range.r0 - grid.originRow;
    const c = range.c0 - grid.originCol;
    if (r >= 0 && r < height && c >= 0 && c < width) out.push({ address, range });
  }
  return out;
}

/**
 * The grid with every merged area's cells holding its top-left cell's value and format; the
 * host's grid is left as it was. Areas that overlap (no spreadsheet writes them) are filled only
 * until the work matches the grid's size, so a crafted list of areas costs no more than the grid.
 */
export function withMergedValues(grid: Grid, areas: readonly MergedArea[]): Grid {
  if (areas.length === 0) return grid;
  const height = grid.values.length;
  const width = grid.values[0]?.length ?? 0;
  const values = grid.values.slice();
  const formats = grid.numberFormats?.slice();
  const copied = new Set<number>();
  let budget = height * width;
  for (const { range } of areas) {
    const top = range.r0 - grid.originRow;
    const left = range.c0 - grid.originCol;
    const value: CellValue = values[top][left];
    const format = formats?.[top][left] ?? "";
    const bottom = Math.min(height - 1, range.r1 - grid.originRow);
    const right = Math.min(width - 1, range.c1 - grid.originCol);
    budget -= (bottom - top + 1) * (right - left + 1);
    if (budget < 0) break;
    for (let r = top; r <= bottom; r++) {
      if (!copied.has(r)) {
        copied.add(r);
        values[r] = values[r].slice();
        if (formats) formats[r] = formats[r].slice();
      }
      for (let c = left; c <= right; c++) {
        values[r][c] = value;
        if (formats) formats[r][c] = format;
      }
    }
  }
  const filled: Grid = { ...grid, values };
  if (formats) filled.numberFormats = formats;
  return filled;
}

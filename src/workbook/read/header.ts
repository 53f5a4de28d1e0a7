// Finding the header row of the indicator table: in an Excel table (ListObject) when there is one,
// else in the first 20 rows, the first row that names the zone column.
import { a1, parseA1, type Grid } from "../grid";
import { matchColumn, splitHeader, type ColumnKey, type ColumnSpec } from "./columns";
import { mergedAreas } from "./merged";
import { unitFactor } from "./units";

export const HEADER_SEARCH_ROWS = 20;

export interface MatchedColumn {
  spec: ColumnSpec;
  /** 0-based column index into grid.values rows. */
  col: number;
  /** Multiplier from the header's unit to the canonical one. */
  factor: number;
  header: string;
}

export interface UnknownUnit {
  col: number;
  header: string;
  unit: string;
  spec: ColumnSpec;
}

export interface HeaderMatch {
  /** 0-based row index into grid.values. */
  row: number;
  columns: Map<ColumnKey, MatchedColumn>;
  unknownUnits: UnknownUnit[];
  /** A header naming a column already matched further left (the left one is used). */
  duplicates: Array<{ col: number; header: string; spec: ColumnSpec }>;
  /** Last data row index (inclusive) when the header belongs to an Excel table. */
  lastRow?: number;
  /** Column bounds (inclusive) of the table, or the whole grid. */
  firstCol: number;
  lastCol: number;
  table?: string;
}

function matchRow(grid: Grid, row: number, firstCol: number, lastCol: number): HeaderMatch | undefined {
  const cells = grid.values[row];
  const columns = new Map<ColumnKey, MatchedColumn>();
  const unknownUnits: UnknownUnit[] = [];
  const duplicates: HeaderMatch["duplicates"] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    const v = cells[c];
    if (typeof v !== "string") continue;
    const { name, unit } = splitHeader(v);
    const spec = matchColumn(name);
    if (!spec) continue;
    if (columns.has(spec.key)) {
      duplicates.push({ col: c, header: v, spec });
      continue;
    }
    const factor = unitFactor(spec, unit);
    if (factor === undefined) {
      unknownUnits.push({ col: c, header: v, unit: unit ?? "", spec });
      continue;
    }
    columns.set(spec.key, { spec, col: c, factor, header: v });
  }
  // A text column takes any unit as a label (unitFactor), so the zone column is never held back by one.
  return columns.has("zone") ? { row, columns, unknownUnits, duplicates, firstCol, lastCol } : undefined;
}

function tableBounds(grid: Grid, address: string): { top: number; bottom: number; left: number; right: number } | undefined {
  const [from, to] = address.replace(/^.*!/, "").split(":");
  if (!from || !to) return undefined;
  const a = parseA1(from);
  const b = parseA1(to);
  const top = a.row - grid.originRow;
  const left = a.col - grid.originCol;
  const bottom = Math.min(b.row - grid.originRow, grid.values.length - 1);
  const right = Math.min(b.col - grid.originCol, (grid.values[0]?.length ?? 0) - 1);
  return top >= 0 && left >= 0 && top <= bottom && left <= right ? { top, bottom, left, right } : undefined;
}

/**
 * The last row of a header cell merged down over several rows: the header of a table whose
 * columns are grouped under a title row (主要指标 over 增加值, 税收…) is its bottom row.
 */
function mergedDownTo(grid: Grid, row: number, col: number): number {
  const r = grid.originRow + row;
  const c = grid.originCol + col;
  const area = mergedAreas(grid).find((a) => a.range.r0 === r && a.range.c0 <= c && c <= a.range.c1);
  return area ? Math.min(area.range.r1 - grid.originRow, grid.values.length - 1) : row;
}

/** The header row of the sheet's indicator table, or undefined when no row names the zone column. */
export function findHeader(grid: Grid): HeaderMatch | undefined {
  for (const table of grid.tables ?? []) {
    const b = tableBounds(grid, table.address);
    if (!b) continue;
    const m = matchRow(grid, b.top, b.left, b.right);
    if (m) return { ...m, lastRow: b.bottom, table: table.name };
  }
  const width = grid.values[0]?.length ?? 0;
  const rows = Math.min(grid.values.length, Math.max(0, HEADER_SEARCH_ROWS - grid.originRow));
  for (let r = 0; r < rows; r++) {
    const m = matchRow(grid, r, 0, width - 1);
    if (!m) continue;
    const bottom = mergedDownTo(grid, r, m.columns.get("zone")!.col);
    return (bottom > r ? matchRow(grid, bottom, 0, width - 1) : undefined) ?? m;
  }
  return undefined;
}

/** A1 address of a grid cell given 0-based indices into grid.values. */
export function cellAddress(grid: Grid, row: number, col: number): string {
  return a1(grid.originRow + row, grid.originCol + col);
}

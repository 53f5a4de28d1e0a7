// Pieces of the live formulas the plans carry (PlanFormula). Only constants of our own and cell
// references go into them: user text reaches a formula as a cell it refers to, never as source.
import { a1 } from "../grid";

/** A1 reference of 0-based (row, col); `absolute` pins both row and column with $. */
export function cellRef(row: number, col: number, absolute = false): string {
  if (!absolute) return a1(row, col);
  const m = /^([A-Z]+)(\d+)$/.exec(a1(row, col))!;
  return `$${m[1]}$${m[2]}`;
}

/** An absolute reference to the rectangle of rows r0..r1 in column col. */
export function columnRangeRef(col: number, r0: number, r1: number): string {
  return `${cellRef(r0, col, true)}:${cellRef(r1, col, true)}`;
}

/** A string constant as a formula spells it. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Clipped to 0–100, as every normalisation method clips. */
export function clip100(expr: string): string {
  return `MIN(100,MAX(0,${expr}))`;
}

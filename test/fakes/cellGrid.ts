// A sheet's cells as both fakes (Excel's and WPS's) keep them: sparse rows of { value, formula?,
// numberFormat }. How a typed entry becomes a value is each application's own (`enter`). No Node
// APIs: the fakes run in pages too.
import { parseA1, type CellValue } from "../../src/workbook/grid";
import { displayValue } from "../../src/workbook/read/cells";

export type Scalar = string | number | boolean;

export interface GridRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface GridCell {
  /** What the cell shows; a formula cell shows its formula text (the fakes do not calculate). */
  value: Scalar | null;
  /** Set when the application would have parsed the entry as a formula. */
  formula?: string;
  numberFormat: string;
}

/** Cells and formats a sheet starts with, at A1 or at the given origin. */
export interface FillOptions {
  numberFormats?: string[][];
  /** Row and column of rows[0][0], 0-based (default A1). */
  originRow?: number;
  originCol?: number;
}

export abstract class CellGrid {
  /** Sparse rows of cells; undefined = empty. */
  readonly rows: Array<Array<GridCell | undefined> | undefined> = [];

  /** Takes a typed entry as the application does (text, number, formula …). */
  abstract enter(row: number, col: number, v: Scalar | null): void;

  cellAt(row: number, col: number): GridCell | undefined {
    return this.rows[row]?.[col];
  }

  /** The cell at an A1 address (a blank General cell when empty). */
  cell(address: string): GridCell {
    const { row, col } = parseA1(address);
    return this.cellAt(row, col) ?? { value: null, numberFormat: "General" };
  }

  ensure(row: number, col: number): GridCell {
    const r = (this.rows[row] ??= []);
    return (r[col] ??= { value: null, numberFormat: "General" });
  }

  setFormat(row: number, col: number, format: string): void {
    this.ensure(row, col).numberFormat = format;
  }

  /** Fills the sheet with rows (CellValue errors become their "#…" text), each entered as typed, formats first. */
  fill(rows: CellValue[][], opts: FillOptions = {}): void {
    const r0 = opts.originRow ?? 0;
    const c0 = opts.originCol ?? 0;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = opts.numberFormats?.[r]?.[c];
        if (fmt) this.setFormat(r0 + r, c0 + c, fmt);
        if (v !== null) this.enter(r0 + r, c0 + c, typeof v === "object" ? displayValue(v) : v);
      }),
    );
  }

  /** Bounding box of the cells holding a value (or a non-General format unless valuesOnly); undefined when empty. */
  usedRect(valuesOnly = false): GridRect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        if (cell.value === null && (valuesOnly || cell.numberFormat === "General")) return;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      });
    });
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  /** Values of a rectangle, blanks as "". */
  valuesOf(rect: GridRect): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cellAt(r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }
}

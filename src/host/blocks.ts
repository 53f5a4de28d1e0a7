// The plan's formulas as rectangles, the same for every live host: a column of thousands of
// formulas is written as one block, not thousands of cells.
import type { PlanFormula } from "../workbook/plan/types";

/** A rectangle of formulas, row by row, with each cell's number format. */
export interface FormulaBlock {
  r0: number;
  c0: number;
  formulas: string[][];
  formats: string[][];
}

/**
 * The plan's formulas as rectangles of adjacent cells: runs of columns in a row, stacked where the
 * next row has the same run, so a column of thousands of formulas is one operation, not thousands.
 */
export function formulaBlocks(formulas: readonly PlanFormula[]): FormulaBlock[] {
  const sorted = [...formulas].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: PlanFormula[][] = [];
  for (const f of sorted) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && prev.row === f.row && prev.col + 1 === f.col) run.push(f);
    else runs.push([f]);
  }
  const blocks: FormulaBlock[] = [];
  // The open block ending on the previous row, by its first column and width.
  let open = new Map<string, FormulaBlock>();
  let openRow = -1;
  for (const run of runs) {
    const row = run[0].row;
    if (row !== openRow) {
      if (row !== openRow + 1) open = new Map();
      const next = new Map<string, FormulaBlock>();
      for (const [k, b] of open) if (b.r0 + b.formulas.length === row) next.set(k, b);
      open = next;
      openRow = row;
    }
    const key = `${run[0].col}:${run.length}`;
    const cells = run.map((f) => f.formula);
    const formats = run.map((f) => f.format ?? "General");
    const block = open.get(key);
    if (block && block.r0 + block.formulas.length === row) {
      block.formulas.push(cells);
      block.formats.push(formats);
    } else {
      const b = { r0: row, c0: run[0].col, formulas: [cells], formats: [formats] };
      blocks.push(b);
      open.set(key, b);
    }
  }
  return blocks;
}


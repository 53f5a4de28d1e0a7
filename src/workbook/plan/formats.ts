// Resolves a plan's number formats cell by cell, the one way both hosts decide what Excel sees.
import { GENERAL_FORMAT, TEXT_FORMAT, type SheetPlan } from "./types";

/**
 * Number formats for rows r0..r1 (inclusive, 0-based) of the plan, same shape as those rows of
 * values: text cells get "@" so user text (a zone named "=SUM(A1)") stays text, numeric cells their
 * column's format, blanks General.
 */
export function resolveNumberFormats(plan: SheetPlan, r0: number, r1: number): string[][] {
  const width = plan.values[0]?.length ?? 0;
  const out: string[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row = plan.values[r];
    const f = new Array<string>(width);
    for (let c = 0; c < width; c++) f[c] = typeof row[c] === "string" ? TEXT_FORMAT : GENERAL_FORMAT;
    out.push(f);
  }
  for (const cf of plan.columnFormats) {
    const from = Math.max(cf.r0, r0);
    const to = Math.min(cf.r1, r1);
    for (let r = from; r <= to; r++) {
      const v = plan.values[r][cf.col];
      if (typeof v === "number") out[r - r0][cf.col] = cf.format;
    }
  }
  return out;
}

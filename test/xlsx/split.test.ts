// A plan longer than Excel's row limit continues on further sheets: each piece repeats the header
// rows, and its formulas read its own rows.
import { buildResultPlans } from "../../src/workbook/plan/results";
import { splitPlan } from "../../src/xlsx/write";
import { caseResult } from "../workbook/plan/detailsCase";

test("a split 计算明细 keeps every data row once, and each row's formulas refer to the row it landed on", () => {
  const details = buildResultPlans(caseResult(), [], "zh-CN").find((p) => p.kind === "details")!;
  const head = details.headerRow;
  const dataRows = details.values.length - head - 1;
  const maxRows = head + 1 + 10;
  const pieces = splitPlan(details, maxRows);
  expect(pieces).toHaveLength(Math.ceil(dataRows / 10));
  expect(pieces.flatMap((p) => p.values.slice(head + 1))).toEqual(details.values.slice(head + 1));
  pieces.forEach((piece) => {
    expect(piece.values.length).toBeLessThanOrEqual(maxRows);
    expect(piece.values.slice(0, head + 1)).toEqual(details.values.slice(0, head + 1));
    for (const f of piece.formulas ?? []) {
      if (f.row > head) {
        // Every relative row number in a row's formula is that row's own (1-based).
        for (const m of f.formula.matchAll(/(?<![$A-Z])[A-Z]{1,3}(\d+)/g)) expect(Number(m[1])).toBe(f.row + 1);
      } else {
        for (const m of f.formula.matchAll(/\$[A-Z]{1,3}\$(\d+)/g)) expect(Number(m[1])).toBeLessThanOrEqual(piece.values.length);
      }
    }
    const rowFormulas = (piece.formulas ?? []).filter((f) => f.row > head);
    expect(rowFormulas.length).toBe((piece.values.length - head - 1) * 2);
  });
});

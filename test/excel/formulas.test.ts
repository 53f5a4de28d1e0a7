// The live formulas on the Office path: what applyPlans writes into Excel (the fake) computes the
// engine's figures, for 计算明细's check column and for the zone picker of 集聚区档案.
import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { formulaBlocks } from "../../src/host/blocks";
import type { RatingResult } from "../../src/engine/types";
import { zoneProfile } from "../../src/engine/explain";
import { createFakeExcel, FakeWorkbook, type FakeSheet } from "../fake-excel";
import { evaluateFormula, type CellReader, type Scalar } from "./formulasEval";
import { indicatorRows } from "./inputs";

/** Values as the fake holds them, formulas evaluated from the cells they read. */
function reader(sheet: FakeSheet, overrides: Map<string, Scalar> = new Map()): CellReader {
  const cache = new Map<string, Scalar>();
  const read: CellReader = (row, col) => {
    const key = `${row},${col}`;
    if (overrides.has(key)) return overrides.get(key)!;
    const cell = sheet.cellAt(row, col);
    if (!cell?.formula) return cell?.value ?? null;
    if (!cache.has(key)) cache.set(key, evaluateFormula(cell.formula, read));
    return cache.get(key)!;
  };
  return read;
}

async function rated(n: number, excelApi = "1.12"): Promise<{ wb: FakeWorkbook; result: RatingResult; notices: string[] }> {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", indicatorRows(n));
  const excel = createFakeExcel(wb, { excelApi });
  const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  const outcome = await host.run({ locale: "zh-CN", presetId: "henan-2013" });
  expect(outcome.ok).toBe(true);
  return { wb, result: outcome.result!, notices: outcome.notices };
}

describe("live formulas written through Office.js", () => {
  let wb: FakeWorkbook;
  let result: RatingResult;

  beforeAll(async () => {
    ({ wb, result } = await rated(24));
  });

  test("计算明细: every row's formula is a real formula (not text) and computes our contribution; the difference is 0", () => {
    const sheet = wb.getSheet("计算明细")!;
    const read = reader(sheet);
    const header = [...Array(40).keys()].find((r) => sheet.cellAt(r, 0)?.value === "排名")!;
    let rows = 0;
    for (let r = header + 1; sheet.cellAt(r, 0)?.value != null; r++) {
      const cell = sheet.cellAt(r, 13)!;
      expect(cell.formula).toMatch(/^=.*\/100\*I\d+$/);
      expect(cell.numberFormat).toBe("0.000");
      expect(read(r, 13)).toBeCloseTo(sheet.cellAt(r, 9)!.value as number, 12);
      expect(Math.abs(read(r, 14) as number)).toBeLessThan(1e-12);
      rows++;
    }
    expect(rows).toBe(24 * 11);
    expect(read(header - 1, 14)).toBe("一致");
  });

  test("集聚区档案: a drop-down of the zone names drives the page; the lookup block is hidden", () => {
    const sheet = wb.getSheet("集聚区档案")!;
    const pickerRow = [...Array(5).keys()].find((r) => sheet.cellAt(r, 0)?.value === "选择集聚区")!;
    expect(sheet.dataValidations).toEqual([expect.objectContaining({ range: expect.stringContaining(`B${pickerRow + 1}`), rule: { list: { inCellDropDown: true, source: "=$H$3:$H$26" } } })]);
    expect(sheet.columnWidths.get(7)).toBe(0);
    expect(sheet.columnWidths.get(0)).toBeGreaterThan(0);
    const picked = result.zones[5].zone;
    const read = reader(sheet, new Map([[`${pickerRow},1`, picked]]));
    const top = pickerRow + 2;
    const profile = zoneProfile(result, picked)!;
    expect(read(top, 0)).toBe(`${picked}（${profile.city}）`);
    const compositeRow = [...Array(40).keys()].find((r) => sheet.cellAt(top + r, 0)?.value === "综合得分")!;
    expect(read(top + compositeRow, 1)).toBe(profile.composite);
    expect(read(top + compositeRow, 3)).toBe(`第 ${profile.rank} 名（${profile.tied ? "并列，" : ""}共 24 个）`);
    expect(sheet.cellAt(top + compositeRow, 1)!.numberFormat).toBe("0.00");
  });

  test("without ExcelApi 1.8 the picker has no drop-down and the user is told to type the name", async () => {
    const { wb: old, notices } = await rated(6, "1.7");
    expect(old.getSheet("集聚区档案")!.dataValidations).toEqual([]);
    expect(notices.some((n) => n.includes("集聚区档案"))).toBe(true);
  });
});

describe("formulaBlocks", () => {
  test("stacks runs of the same columns in consecutive rows into one rectangle", () => {
    const f = (row: number, col: number) => ({ row, col, formula: `=R${row}C${col}` });
    const blocks = formulaBlocks([f(5, 13), f(5, 14), f(6, 13), f(6, 14), f(7, 13), f(9, 1), f(10, 1), f(10, 3)]);
    expect(blocks.map((b) => [b.r0, b.c0, b.formulas.length, b.formulas[0].length])).toEqual([
      [5, 13, 2, 2],
      [7, 13, 1, 1],
      [9, 1, 2, 1],
      [10, 3, 1, 1],
    ]);
    expect(blocks[0].formulas).toEqual([
      ["=R5C13", "=R5C14"],
      ["=R6C13", "=R6C14"],
    ]);
    expect(blocks[0].formats[0]).toEqual(["General", "General"]);
  });
});

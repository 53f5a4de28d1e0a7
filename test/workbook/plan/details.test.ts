// 计算明细 with its references: the hand-worked six-zone case (detailsCase.ts) recomputed from
// what the sheet shows, and the sheet's live formulas evaluated to the engine's figures.
import { getPreset, rate } from "../../../src/engine";
import { MAX_FORMULA_ROWS } from "../../../src/workbook/plan/details";
import { buildResultPlans } from "../../../src/workbook/plan/results";
import { table, zone } from "../../engine/fixtures";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan/types";
import { sheetReader, type Scalar } from "../../excel/formulasEval";
import { HAND, caseResult, handScore } from "./detailsCase";
import { smallResult } from "./fixtures";

function details(plans: SheetPlan[]): SheetPlan {
  return plans.find((p) => p.kind === "details")!;
}

const HEADER = ["排名", "集聚区名称", "维度", "指标", "原始值", "单位", "计分方法", "标准化得分", "权重（分）", "得分贡献", "参照项", "参照值一", "参照值二", "公式复算", "差异"];

describe("计算明细 references", () => {
  const result = caseResult();
  const plan = details(buildResultPlans(result, [], "zh-CN"));
  const body = plan.values.slice(plan.headerRow + 1);
  const blockHeader = plan.values.findIndex((r) => r[0] === "序号");
  const block = plan.values.slice(blockHeader + 1, blockHeader + 6);
  const refOf = (indicator: string): PlanCell[] => block.find((r) => r[3] === indicator)!;

  test("the table keeps its columns and adds the references, the recomputation and the difference after them", () => {
    expect(plan.values[plan.headerRow]).toEqual(HEADER);
    expect(body).toHaveLength(6 * 5);
  });

  test("the block at the top states each indicator's references once, as worked out by hand", () => {
    expect(plan.values[blockHeader]).toEqual(["序号", "计分公式", "维度", "指标", "参评数", "方向", "计分方法", "缺失得分", "权重（分）", null, "参照项", "参照值一", "参照值二", null, null]);
    expect(block.map((r) => r[3])).toEqual(["增加值", "税收收入", "万元工业增加值能耗", "智能化改造普及率", "主导产业增加值占比"]);
    expect(refOf("增加值").slice(4, 13)).toEqual([6, "越高越好", "P90 封顶", null, HAND.weights.va, null, "P90", HAND.vaP90, null]);
    const tax = refOf("税收收入");
    expect(tax.slice(6, 11)).toEqual(["标准分", null, HAND.weights.tax, null, "均值 / 标准差"]);
    expect(tax[11]).toBeCloseTo(HAND.taxMean, 12);
    expect(tax[12]).toBeCloseTo(HAND.taxSd, 12);
    const energy = refOf("万元工业增加值能耗");
    expect(energy.slice(4, 11)).toEqual([6, "越低越好", "P90 封顶", null, HAND.weights.energy, null, "P10"]);
    expect(energy[11]).toBeCloseTo(HAND.energyP10, 12);
    expect(energy[1]).toBe("P10÷x×100，最高 100");
    expect(refOf("智能化改造普及率").slice(4, 13)).toEqual([5, "越高越好", "极差法", HAND.smartMissing, HAND.weights.smart, null, "最小值 / 最大值", HAND.smartMin, HAND.smartMax]);
    expect(refOf("主导产业增加值占比").slice(6, 13)).toEqual(["目标值", null, HAND.weights.leadShare, null, "目标值", HAND.leadTarget, null]);
  });

  test("every row carries its indicator's references, and they recompute its contribution by the SPEC's formulas", () => {
    const methods: Record<string, [string, boolean]> = {
      增加值: ["p90cap", false],
      税收收入: ["zscore", false],
      万元工业增加值能耗: ["p90cap", true],
      智能化改造普及率: ["minmax", false],
      主导产业增加值占比: ["target", false],
    };
    for (const row of body) {
      const ref = refOf(row[3] as string);
      expect(row.slice(10, 13)).toEqual(ref.slice(10, 13));
      const [method, lower] = methods[row[3] as string];
      const score = typeof row[4] === "number" ? handScore(method, lower, row[4], row[11] as number, row[12] as number | null) : (ref[7] as number);
      expect(row[7]).toBeCloseTo(score, 12);
      expect(row[9]).toBeCloseTo((score / 100) * (row[8] as number), 12);
    }
  });

  test("a few contributions by hand: 乙's value added, 甲's tax, 丁's energy, 己's missing smart rate, 乙's lead share", () => {
    const cell = (zone: string, indicator: string): PlanCell => body.find((r) => r[1] === zone && r[3] === indicator)![9];
    // 80 ÷ 90 × 100 = 88.89 → × 30 points.
    expect(cell("乙", "增加值")).toBeCloseTo((80 / 90) * 30, 12);
    // z = (10 − 6) ÷ √(20/3) = 1.549 → 65.49 → × 20 points.
    expect(cell("甲", "税收收入")).toBeCloseTo(((50 + 10 * (4 / Math.sqrt(20 / 3))) / 100) * 20, 12);
    // 0.65 ÷ 1.2 × 100 = 54.17 → × 15 points.
    expect(cell("丁", "万元工业增加值能耗")).toBeCloseTo((0.65 / 1.2) * 15, 12);
    // Missing under the "mean" policy: the others' mean, 50 → 7.5 points.
    expect(body.find((r) => r[1] === "己" && r[3] === "智能化改造普及率")![4]).toBe("缺失");
    expect(cell("己", "智能化改造普及率")).toBeCloseTo(7.5, 12);
    // 60 ÷ 80 × 100 = 75 → 15 points; 甲's 90 is capped at 100.
    expect(cell("乙", "主导产业增加值占比")).toBeCloseTo(15, 12);
    expect(cell("甲", "主导产业增加值占比")).toBeCloseTo(20, 12);
  });

  test("the live formulas evaluate to the engine's contribution on every row, the differences to 0 and the check to 一致", () => {
    const formulas = new Map(plan.formulas!.map((f) => [`${f.row},${f.col}`, f.formula]));
    const read = sheetReader(plan.values as Scalar[][], formulas);
    for (let r = plan.headerRow + 1; r < plan.values.length; r++) {
      const recomputed = read(r, 13);
      expect(typeof recomputed).toBe("number");
      expect(recomputed).toBeCloseTo(plan.values[r][9] as number, 12);
      expect(Math.abs(read(r, 14) as number)).toBeLessThan(1e-12);
    }
    const check = plan.values.findIndex((row) => typeof row[0] === "string" && row[0].startsWith("复算核对"));
    expect(check).toBe(plan.headerRow - 1);
    expect(read(check, 13)).toBeLessThan(1e-9);
    expect(read(check, 14)).toBe("一致");
  });

  test("a wrong figure shows: the difference column and the check catch an edited contribution", () => {
    const values = plan.values.map((row) => [...row]) as Scalar[][];
    const r = plan.headerRow + 3;
    values[r][9] = (values[r][9] as number) + 0.01;
    const read = sheetReader(values, new Map(plan.formulas!.map((f) => [`${f.row},${f.col}`, f.formula])));
    expect(read(r, 14)).toBeCloseTo(-0.01, 12);
    expect(read(plan.headerRow - 1, 14)).toBe("有差异");
  });

  test("formula cells hold no value of their own and are never text-formatted; each carries the figure it should give", () => {
    for (const f of plan.formulas!) {
      expect(plan.values[f.row][f.col]).toBeNull();
      expect(f.format).not.toBe("@");
      expect(f.formula.startsWith("=")).toBe(true);
    }
    const first = plan.formulas!.find((f) => f.row === plan.headerRow + 1 && f.col === 13)!;
    expect(first.result).toBe(plan.values[plan.headerRow + 1][9]);
  });

  test("on paper only the table's header repeats; on screen the zone columns stay, the reference block scrolls", () => {
    expect(plan.print.titleRows).toEqual([plan.headerRow, plan.headerRow]);
    expect(plan.freeze).toEqual({ rows: 0, cols: 2 });
  });

  test("English labels", () => {
    const en = details(buildResultPlans(result, [], "en-US"));
    expect(en.values[en.headerRow].slice(10)).toEqual(["References", "Reference 1", "Reference 2", "Recomputed", "Difference"]);
    expect(en.values.some((r) => r[1] === "P10 ÷ x × 100, at most 100")).toBe(true);
  });

  test("a result without references (made by hand) keeps the plain table and no formulas", () => {
    const plain = details(buildResultPlans(smallResult(), [], "zh-CN"));
    expect(plain.headerRow).toBe(1);
    expect(plain.formulas).toBeUndefined();
    expect(plain.values[2].slice(10)).toEqual(["", null, null, null, null]);
  });
});

test("past MAX_FORMULA_ROWS detail rows no row gets a formula, and the check row says why; the references stay", () => {
  const indicators = getPreset("henan-2013")!.dimensions.reduce((n, d) => n + d.indicators.length, 0);
  const count = Math.floor(MAX_FORMULA_ROWS / indicators) + 1;
  const zones = Array.from({ length: count }, (_, i) => zone(`区${i}`, { va: 10 + (i % 97), tax: 1 + (i % 13), emp: 1 + (i % 5) }));
  const details = buildResultPlans(rate(table(zones), getPreset("henan-2013")!), [], "zh-CN").find((p) => p.kind === "details")!;
  expect(details.formulas ?? []).toEqual([]);
  expect(details.values.some((row) => typeof row[0] === "string" && row[0].includes(`超过 ${MAX_FORMULA_ROWS.toLocaleString("en-US")} 行时不逐行写入复算公式`))).toBe(true);
  const last = details.values[details.values.length - 1];
  expect(last[11] !== null || last[12] !== null || last[10] !== "").toBe(true);
});

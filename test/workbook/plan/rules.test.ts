import { getPreset } from "../../../src/engine";
import type { CellValue, Grid } from "../../../src/workbook/grid";
import { buildRulesSheetPlan, buildTemplateSheetPlan } from "../../../src/workbook/plan/rules";
import type { SheetPlan } from "../../../src/workbook/plan/types";
import { readRulesSheet } from "../../../src/workbook/read/rulesSheet";
import { readIndicatorTable } from "../../../src/workbook/read/table";

function asGrid(plan: SheetPlan): Grid {
  return { sheet: plan.name, originRow: 0, originCol: 0, values: plan.values.map((r) => r.map((v): CellValue => v)) };
}

describe("rules and template plans", () => {
  test("the rules plan reads back as the same rules", () => {
    const rules = getPreset("henan-2013")!;
    for (const locale of ["zh-CN", "en-US"] as const) {
      const plan = buildRulesSheetPlan(rules, locale);
      expect(plan.name).toBe(locale === "zh-CN" ? "评定规则" : "Rules");
      const back = readRulesSheet(asGrid(plan), locale);
      expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(back.rules?.dimensions).toEqual(rules.dimensions);
      expect(back.rules?.stars).toEqual(rules.stars);
    }
  });

  test("the template's three example rows are read without errors, and its columns carry entry checks", () => {
    const plan = buildTemplateSheetPlan("zh-CN");
    expect(plan.values[plan.headerRow].slice(0, 5)).toEqual(["集聚区名称", "所属地市", "区域组", "增加值（亿元）", "税收收入（亿元）"]);
    const read = readIndicatorTable(asGrid(plan));
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.table?.zones.map((z) => z.zone)).toEqual(["示例一产业集聚区", "示例二产业集聚区", "示例三产业集聚区"]);
    const byCol = new Map(plan.dataValidation!.map((v) => [v.range.c0, v.rule]));
    const col = (header: string) => plan.values[plan.headerRow].indexOf(header);
    expect(byCol.get(col("上年星级"))).toEqual({ kind: "whole", min: 0, max: 6 });
    expect(byCol.get(col("主导产业增加值占比（%）"))).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(byCol.get(col("增加值（亿元）"))).toEqual({ kind: "decimal", min: 0 });
    expect(byCol.has(col("集聚区名称"))).toBe(false);
  });
});

import { getPreset } from "../../../src/engine";
import type { Rules } from "../../../src/engine/types";
import type { CellValue, Grid } from "../../../src/workbook/grid";
import { hasErrors, prepareRun } from "../../../src/workbook/read/prepare";
import { rulesSheetRows } from "../../../src/workbook/read/rulesSheet";

const HEAD = ["集聚区名称", "所属地市", "增加值", "税收", "从业人员"];

function grid(sheet: string, values: CellValue[][]): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return { sheet, originRow: 0, originCol: 0, values: values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]) };
}

function preset(id: string): Rules {
  const rules = getPreset(id);
  if (!rules) throw new Error(`no preset ${id}`);
  return rules;
}

const notes = grid("说明", [["填表说明"]]);
const data = grid("数据", [HEAD, ["甲", "郑州", 30, 4, 1]]);
const other = grid("另一表", [HEAD, ["乙", "开封", 60, 8, 2], ["丙", "开封", 10, 2, 1]]);

describe("prepareRun", () => {
  it("rates the first sheet with a header and uses the default preset", () => {
    const run = prepareRun([notes, data, other], { locale: "zh-CN" });
    expect(run.sheet).toBe("数据");
    expect(run.table?.zones.map((z) => z.zone)).toEqual(["甲"]);
    expect(run.rulesSource).toBe("preset");
    expect(run.rules).toEqual(preset("henan-2013"));
    expect(run.issues).toEqual([]);
  });

  it("rates the named sheet and the chosen preset", () => {
    const run = prepareRun([data, other], { sheet: "另一表", presetId: "henan-2017", locale: "zh-CN" });
    expect(run.table?.zones.map((z) => z.zone)).toEqual(["乙", "丙"]);
    expect(run.rules?.id).toBe("henan-2017");
  });

  it("prefers a 评定规则 sheet over given rules and never rates it as data", () => {
    const rows = rulesSheetRows(preset("henan-2013"), "zh-CN").map((r) => [...r]);
    const scale = rows.findIndex((r) => r[0] === "scale");
    rows[scale][3] = 50;
    const run = prepareRun([grid("评定规则", rows), data], { rules: preset("henan-2017"), locale: "zh-CN" });
    expect(run.sheet).toBe("数据");
    expect(run.rulesSource).toBe("sheet");
    expect(run.rules?.dimensions[0].weight).toBe(50);
  });

  it("validates rules given from a file", () => {
    const good = prepareRun([data], { rules: preset("service-zones-2016"), locale: "zh-CN" });
    expect(good.rulesSource).toBe("file");
    expect(good.rules?.id).toBe("service-zones-2016");
    const broken: Rules = { ...preset("henan-2013"), bonusCap: -1 };
    const bad = prepareRun([data], { rules: broken, locale: "en-US" });
    expect(bad.rules).toBeUndefined();
    expect(bad.issues.map((i) => [i.severity, i.code, i.params?.path])).toEqual([["error", "RULES_BAD_OPTION", "bonusCap"]]);
    expect(hasErrors(bad.issues)).toBe(true);
  });

  it("reports a missing sheet and an unknown preset in the report language", () => {
    const run = prepareRun([data], { sheet: "不存在", presetId: "henan-1999", locale: "en-US" });
    expect(run.issues.map((i) => i.code)).toEqual(["SHEET_NOT_FOUND", "UNKNOWN_PRESET"]);
    expect(run.issues[0].message).toBe('The workbook has no sheet named "不存在". Sheets: 数据. Check the name.');
    expect(run.issues[1].message).toContain("henan-2013");
  });

  it("localizes the reader's issues and keeps warnings apart from errors", () => {
    const withTotals = grid("数据", [HEAD, ["甲", "郑州", 30, 4, 1], ["合计", null, 30, 4, 1]]);
    const run = prepareRun([withTotals], { locale: "zh-CN" });
    expect(run.issues).toEqual([
      { severity: "warning", code: "TOTALS_ROW_SKIPPED", sheet: "数据", cell: "A3", params: { value: "合计", row: 3 }, message: "A3：第 3 行是合计行（“合计”），已跳过，不参加评定。" },
    ]);
    expect(hasErrors(run.issues)).toBe(false);
    expect(run.table?.zones).toHaveLength(1);
  });

  it("reports no header when no sheet has one", () => {
    const run = prepareRun([notes], { locale: "zh-CN" });
    expect(run.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["NO_HEADER", "说明", "A1"]]);
    expect(run.table).toBeUndefined();
  });
});

describe("prepareRun on an empty workbook", () => {
  it("reports no header, listing the zone column's spellings", () => {
    const run = prepareRun([], { locale: "zh-CN" });
    expect(run.issues.map((i) => [i.code, i.params?.accepted])).toEqual([["NO_HEADER", "集聚区名称 / 名称 / 产业集聚区 / 产业集聚区名称 / 集聚区 / Zone / ZoneName"]]);
  });
});

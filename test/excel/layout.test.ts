// What applyPlans draws of a plan's layout through Office.js: every chart type a plan may hold, with
// its figures and axis words, and rows sized to their text; on old Excel, what it goes without.
import { applyPlans } from "../../src/excel/apply";
import { capabilities } from "../../src/excel/capabilities";
import { readWorkbook } from "../../src/excel/read";
import type { SheetPlan } from "../../src/workbook/plan/types";
import { createFakeExcel, FakeWorkbook } from "../fake-excel";

function plan(): SheetPlan {
  const values = [["表", null, null], ["集聚区", "P5", "区间"], ["甲", 1, 3], ["乙", 2, 6], ["丙", 4, 1]];
  return {
    kind: "robustness",
    name: "图表",
    title: "表",
    values,
    headerRow: 1,
    columnFormats: [],
    columnWidths: [10, 8, 8],
    merges: [],
    styles: [],
    freeze: { rows: 2, cols: 0 },
    print: { orientation: "portrait", paper: "A4", titleRows: [0, 1], fitToWidth: true, footer: "第 &P 页，共 &N 页" },
    rowHeights: [{ r0: 0, r1: 0, height: 30 }, { r0: 2, r1: 3, height: 27.5 }],
    charts: [
      { type: "stackedColumn", title: "柱", source: { r0: 1, c0: 0, r1: 4, c1: 2 }, anchor: { r0: 6, c0: 0, r1: 20, c1: 5 } },
      { type: "clusteredBar", title: "条", source: { r0: 1, c0: 0, r1: 4, c1: 1 }, anchor: { r0: 21, c0: 0, r1: 35, c1: 5 }, dataLabels: true, valueAxisTitle: "综合得分" },
      { type: "floatingBar", title: "区间", source: { r0: 1, c0: 0, r1: 4, c1: 2 }, anchor: { r0: 36, c0: 0, r1: 50, c1: 5 }, valueAxisTitle: "名次" },
    ],
  };
}

async function apply(excelApi: string) {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", [["集聚区名称"]]);
  const excel = createFakeExcel(wb, { excelApi });
  const caps = capabilities(excel.isSetSupported);
  await excel.run(async (context) => {
    const state = await readWorkbook(context, caps, { values: false });
    await applyPlans(context, state, [plan()], { locale: "zh-CN", caps, replaceKinds: [], mark: false, activate: false });
  });
  return wb.getSheet("图表")!;
}

describe("a plan's layout in Excel", () => {
  it("draws each chart type as Excel's own: stacked columns, bars top to bottom with figures, a floating bar on an unfilled base", async () => {
    const sheet = await apply("1.12");
    expect(sheet.charts).toEqual([
      { type: "ColumnStacked", source: "A2:C5", seriesBy: "Columns", title: "柱", position: ["A7", "F21"] },
      { type: "BarClustered", source: "A2:B5", seriesBy: "Columns", title: "条", position: ["A22", "F36"], showValues: true, valueAxisTitle: "综合得分", categoriesReversed: true },
      { type: "BarStacked", source: "A2:C5", seriesBy: "Columns", title: "区间", position: ["A37", "F51"], valueAxisTitle: "名次", categoriesReversed: true, unfilledSeries: [0] },
    ]);
  });

  it("sizes the rows the plan sizes, and only those", async () => {
    const sheet = await apply("1.12");
    expect([...sheet.rowHeights.entries()].sort(([a], [b]) => a - b)).toEqual([
      [0, 30],
      [2, 27.5],
      [3, 27.5],
    ]);
  });

  it("still draws every chart below ExcelApi 1.7, its bars then bottom to top", async () => {
    const sheet = await apply("1.2");
    expect(sheet.charts.map((c) => [c.type, c.categoriesReversed, c.unfilledSeries])).toEqual([
      ["ColumnStacked", undefined, undefined],
      ["BarClustered", undefined, undefined],
      ["BarStacked", undefined, [0]],
    ]);
    expect(sheet.rowHeights.get(0)).toBe(30);
  });
});

// The WPS host's own matters on the fake WPS 表格: calls that do not grow with the zones, steps WPS
// may not take, the names it keeps, what it reads of number formats. What every host does is in
// test/host/contract.ts.
import { analyseRobustness } from "../../src/engine/robustness";
import { planLabels } from "../../src/workbook/plan/labels";
import { buildRobustnessPlan } from "../../src/workbook/plan/robustness";
import { colorNumber, applyPlans } from "../../src/wps/apply";
import { readWorkbook, valueRows } from "../../src/wps/read";
import { workbookSettings } from "../../src/wps/settings";
import { createWpsRatingHost } from "../../src/wps/wpsHost";
import type { CellValue } from "../../src/workbook/grid";
import { FIRST_ZONE_ROW, indicatorRows } from "../excel/inputs";
import { createFakeWps, WpsWorkbook, type FakeWpsOptions } from "../fake-wps";

const RUN = { locale: "zh-CN" as const, presetId: "henan-2013" };
const RESULT_SHEETS = ["星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"];

function setup(rows: CellValue[][], options: FakeWpsOptions = {}, numberFormats?: string[][]) {
  const wb = new WpsWorkbook();
  wb.addSheet("指标数据", rows, numberFormats ? { numberFormats } : {});
  const wps = createFakeWps(wb, options);
  return { wb, wps, host: createWpsRatingHost(wps.application) };
}

/** The header row's column of an indicator, by its header text. */
function columnOf(rows: CellValue[][], header: RegExp): number {
  const col = rows[FIRST_ZONE_ROW - 1].findIndex((v) => typeof v === "string" && header.test(v));
  if (col < 0) throw new Error(`no column ${header}`);
  return col;
}

describe("WPS host on the fake WPS", () => {
  test("a full recompute takes about as many calls for 2,000 zones as for 180: whole ranges, never a call per cell", async () => {
    const calls: number[] = [];
    for (const n of [180, 2000]) {
      const { wps, host } = setup(indicatorRows(n));
      await host.run(RUN);
      wps.fake.resetStats();
      expect((await host.run(RUN)).ok).toBe(true);
      calls.push(wps.stats.calls);
      // One Value2 read for the indicator sheet, one Value2 write per result sheet.
      expect(wps.stats.byMember.get("Range.Value2")).toBe(1);
      expect(wps.stats.byMember.get("Range.Value2 (set)")).toBe(RESULT_SHEETS.length);
    }
    // 计算明细 alone holds 11 rows per zone; the calls are for sheets, blocks and styles.
    expect(calls[1]).toBeLessThan(calls[0] * 1.1);
    expect(calls[0]).toBeLessThan(4000);
  });

  test("no workbook open (WPS's start page): a clear error, nothing else", async () => {
    const wps = createFakeWps(null);
    const host = createWpsRatingHost(wps.application);
    await expect(host.overview("zh-CN")).rejects.toThrow("请先打开或新建一个工作簿");
    await expect(host.run(RUN)).rejects.toThrow("No workbook is open");
    expect(workbookSettings(wps.application).autoRecompute()).toBe(false);
  });

  test.each([
    { member: "Window.FreezePanes (set)", step: "冻结窗格" },
    { member: "PageSetup.Orientation (set)", step: "打印格式" },
    { member: "Shapes.AddChart()", step: "插入图表" },
  ])("a step WPS refuses ($member) is left out with a notice; the run still writes every sheet", async ({ member, step }) => {
    const { wb, host } = setup(indicatorRows(30), { failure: { member, nth: 1 } });
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(true);
    expect(outcome.sheetsWritten).toEqual(RESULT_SHEETS);
    expect(outcome.notices.filter((n) => n.includes(step))).toHaveLength(1);
    const ranking = wb.getSheet("综合排名")!;
    // The zones' table, below the leaders' block and chart the sheet opens with.
    const header = ranking.rows.findIndex((r) => r?.[0]?.value === "排名" && r?.[3]?.value === "所属地市");
    expect(ranking.cellAt(header + 1, 2)?.value).toBe(outcome.result!.zones[0].zone);
  });

  test("the template's entry checks refused: the sheet is still inserted, with the checks WPS took", async () => {
    const wb = new WpsWorkbook();
    wb.addSheet("Sheet1");
    const host = createWpsRatingHost(createFakeWps(wb, { failure: { member: "Validation.Add()", nth: 1 } }).application);
    await expect(host.insertSampleSheet("zh-CN")).resolves.toBe("指标数据");
    const checks = wb.getSheet("指标数据")!.validations.length;
    const full = new WpsWorkbook();
    full.addSheet("Sheet1");
    await createWpsRatingHost(createFakeWps(full).application).insertSampleSheet("zh-CN");
    expect(checks).toBe(full.getSheet("指标数据")!.validations.length - 1);
  });

  test("text formats are not optional: where WPS refuses \"@\", the write stops and leaves nothing behind", async () => {
    const { wb, host } = setup(indicatorRows(20), { failure: { member: "Range.NumberFormat (set)", nth: 1 } });
    const before = wb.snapshot();
    await expect(host.run(RUN)).rejects.toThrow("模拟的 WPS 调用失败");
    expect(wb.snapshot()).toEqual(before);
  });

  test("no deletion asks the user to confirm; ScreenUpdating and DisplayAlerts are as they were, after a failure too", async () => {
    const { wb, wps, host } = setup(indicatorRows(20));
    await host.run(RUN);
    await host.run(RUN);
    await host.removeResultSheets();
    expect(wps.stats.deletePrompts).toBe(0);
    expect([wps.fake.screenUpdating, wps.fake.displayAlerts]).toEqual([true, true]);
    const failing = createFakeWps(wb, { failure: { member: "Range.Value2 (set)", nth: 2 } });
    await expect(createWpsRatingHost(failing.application).run(RUN)).rejects.toThrow();
    expect([failing.fake.screenUpdating, failing.fake.displayAlerts]).toEqual([true, true]);
    expect(failing.stats.deletePrompts).toBe(0);
  });

  test("markers are hidden workbook names, one per sheet; a deleted result's marker is dropped, not left pointing at #REF!", async () => {
    const { wb, host } = setup(indicatorRows(20));
    await host.run({ ...RUN, presetId: "henan-2017" });
    expect(wb.names.every((n) => !n.visible)).toBe(true);
    expect(wb.names.find((n) => n.name === "_ZoneRating_ranking")?.refersTo).toBe("='综合排名'!$A$1");
    expect(wb.names.find((n) => n.name === "_ZoneRatingPreset")?.refersTo).toBe('="henan-2017"');
    wb.deleteSheet("综合排名");
    expect(wb.names.find((n) => n.name === "_ZoneRating_ranking")?.refersTo).toBe("=#REF!$A$1");
    await host.run(RUN);
    expect(wb.names.filter((n) => n.refersTo.includes("#REF!"))).toEqual([]);
    expect(wb.names).toHaveLength(RESULT_SHEETS.length + 1);
    expect(wb.names.find((n) => n.name === "_ZoneRating_ranking")?.refersTo).toBe("='综合排名'!$A$1");
  });

  test("the recompute-after-edits switch is kept in a hidden name of the workbook and raises no sheet event", async () => {
    const { wb, wps, host } = setup(indicatorRows(5));
    const heard: unknown[] = [];
    await host.watchSheets((c) => heard.push(c));
    const settings = workbookSettings(wps.application);
    expect([settings.remembered, settings.autoRecompute()]).toEqual([true, false]);
    await settings.saveAutoRecompute(true);
    expect(workbookSettings(createFakeWps(wb).application).autoRecompute()).toBe(true);
    await settings.saveAutoRecompute(false);
    expect(settings.autoRecompute()).toBe(false);
    expect(wb.names.filter((n) => n.name === "_ZoneRatingAutoRecompute")).toEqual([{ name: "_ZoneRatingAutoRecompute", refersTo: "=FALSE", visible: false }]);
    expect(heard).toEqual([]);
  });

  test("number formats are read for the cells holding numbers: a percentage and a date are told apart, one call per uniform column", async () => {
    const rows = indicatorRows(40);
    const share = columnOf(rows, /^主导产业增加值占比/);
    const tax = columnOf(rows, /^税收/);
    const formats = rows.map((row, r) => row.map((_, c): string => (r >= FIRST_ZONE_ROW && c === share ? "0%" : "")));
    rows.forEach((row, r) => r >= FIRST_ZONE_ROW && typeof row[share] === "number" && (row[share] = (row[share] as number) / 100));
    formats[FIRST_ZONE_ROW + 7][tax] = "yyyy-mm-dd";
    const { wps, host } = setup(rows, {}, formats);
    const input = await host.readInput(RUN);
    expect(input.issues.find((i) => i.severity === "error")).toMatchObject({ code: "DATE_IN_NUMBER_COLUMN", cell: `${String.fromCharCode(65 + tax)}${FIRST_ZONE_ROW + 8}` });
    rows[FIRST_ZONE_ROW + 7][tax] = 1;
    formats[FIRST_ZONE_ROW + 7][tax] = "";
    const fixed = setup(rows, {}, formats);
    const read = await fixed.host.readInput(RUN);
    expect(read.ok).toBe(true);
    const first = read.table!.zones[0].values.leadShare;
    expect(first).toBeCloseTo((indicatorRows(1)[FIRST_ZONE_ROW][share] as number), 9);
    // The tax column's one date cell split it: a few more calls than its neighbours, far fewer than its 40 cells.
    expect(wps.stats.byMember.get("Range.NumberFormat")!).toBeLessThan(60);
  });

  test("cell values come as WPS hands them: one cell's alone, more as rows; any other shape is refused, not misread", () => {
    expect(valueRows(7, 1, 1, "表")).toEqual([[7]]);
    expect(valueRows(undefined, 1, 1, "表")).toEqual([[null]]);
    expect(valueRows([["a", undefined, "#N/A"]], 1, 3, "表")).toEqual([["a", null, { error: "#N/A" }]]);
    expect(() => valueRows(["a", "b"] as unknown as WpsFix.Value2, 1, 2, "表")).toThrow("unexpected shape");
    expect(() => valueRows([["a"]], 2, 1, "表")).toThrow("2 行 × 1 列");
  });

  test("two runs started together run one after the other and leave one set of results", async () => {
    const { wb, host } = setup(indicatorRows(20));
    const [a, b] = await Promise.all([host.run(RUN), host.run(RUN)]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标数据", ...RESULT_SHEETS]);
  });

  test("styles go in as WPS's numbers: fill colours with red in the low byte, thin grey borders, hidden lookup columns 0 wide", async () => {
    expect(colorNumber("#FF0000")).toBe(0x0000ff);
    expect(colorNumber("#0F6CBD")).toBe(0xbd6c0f);
    const { wb, host } = setup(indicatorRows(20));
    await host.run(RUN);
    const stars = wb.getSheet("星级评定")!;
    expect(stars.styles).toContainEqual(expect.objectContaining({ property: "Borders(12).LineStyle", value: 1 }));
    expect(stars.styles).toContainEqual(expect.objectContaining({ property: "Borders(8).Color", value: 0x808080 }));
    const profile = wb.getSheet("集聚区档案")!;
    expect([...profile.columnWidths.values()]).toContain(0);
    expect(profile.validations.filter((v) => v.type === 3 && v.inCellDropdown)).toHaveLength(1);
  });

  test("charts: stacked columns for star counts; bars read top to bottom; a floating bar's first series is not drawn", async () => {
    const { wb, wps, host } = setup(indicatorRows(30));
    await host.run(RUN);
    const starChart = wb.getSheet("星级评定")!.charts[0];
    expect(starChart).toMatchObject({ chartType: 52, plotBy: 2, title: planLabels("zh-CN").chartTitle });
    expect(starChart.source).toMatch(/^A\d+:G\d+$/);

    const input = await host.readInput(RUN);
    const result = analyseRobustness(input.table!, input.rules!, { runs: 20, seed: 1, weightShare: 0.2, varyMethods: false });
    const plan = buildRobustnessPlan(result, "zh-CN");
    const source = { r0: 0, c0: 0, r1: 3, c1: 2 };
    plan.charts = [
      { type: "floatingBar", title: "名次区间", source, anchor: { r0: 5, c0: 4, r1: 20, c1: 9 }, valueAxisTitle: "名次", dataLabels: true },
      { type: "clusteredBar", title: "获奖概率", source, anchor: { r0: 22, c0: 4, r1: 40, c1: 9 } },
    ];
    const state = readWorkbook(wps.application, { values: false });
    applyPlans(wps.application, state, [plan], { locale: "zh-CN", replaceKinds: ["robustness"], mark: true, activate: true });
    const [floating, clustered] = wb.getSheet("稳健性分析")!.charts;
    expect(floating).toMatchObject({ chartType: 58, axes: { 1: { reversePlotOrder: true }, 2: { title: "名次" } } });
    expect(floating.series.map((s) => [s.fillVisible, s.hasDataLabels])).toEqual([
      [0, undefined],
      [undefined, true],
    ]);
    expect(clustered).toMatchObject({ chartType: 57, axes: { 1: { reversePlotOrder: true } } });
    expect(floating.top).toBeGreaterThan(0);
    expect(clustered.top).toBeGreaterThan(floating.top + floating.height - 1);
  });
});

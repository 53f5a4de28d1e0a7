import { analyseRobustness, type RobustnessResult } from "../../src/engine/robustness";
import { MARKER_KEY } from "../../src/excel/marker";
import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { buildRobustnessPlan } from "../../src/workbook/plan/robustness";
import { createFakeExcel, FakeWorkbook } from "../fake-excel";
import { indicatorRows } from "./inputs";

const INPUT = { locale: "zh-CN" as const, presetId: "henan-2013" };

function setup() {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", indicatorRows(40));
  const excel = createFakeExcel(wb);
  return { wb, host: createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported }) };
}

async function analysed(host: ReturnType<typeof setup>["host"], seed: number): Promise<RobustnessResult> {
  const input = await host.readInput(INPUT);
  if (!input.ok || !input.table || !input.rules) throw new Error("the sample rows should read without errors");
  return analyseRobustness(input.table, input.rules, { runs: 200, seed, weightShare: 0.2, varyMethods: false });
}

describe("the Office host and the robustness analysis", () => {
  test("reads the table and rules a run would rate, writing nothing", async () => {
    const { wb, host } = setup();
    const input = await host.readInput(INPUT);
    expect(input.ok).toBe(true);
    expect(input.table?.zones).toHaveLength(40);
    expect(input.rules?.id).toBe("henan-2013");
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标数据"]);
  });

  test("starts from what a run rates: without noise the analysis gives the run's ranks and awards", async () => {
    const { host } = setup();
    const outcome = await host.run(INPUT);
    const input = await host.readInput(INPUT);
    if (!outcome.result || !input.table || !input.rules) throw new Error("the sample rows should rate");
    const quiet = analyseRobustness(input.table, input.rules, { runs: 3, seed: 1, weightShare: 0, varyMethods: false });
    expect(quiet.zones.map((z) => [z.zone, z.medianRank, z.awards])).toEqual(outcome.result.zones.map((z) => [z.zone, z.rank, z.awards]));
  });

  test("answers with the errors instead of a table when the data has them", async () => {
    const wb = new FakeWorkbook();
    const rows = indicatorRows(5);
    rows[5][4] = "十二";
    wb.addSheet("指标数据", rows);
    const excel = createFakeExcel(wb);
    const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const input = await host.readInput(INPUT);
    expect(input.ok).toBe(false);
    expect(input.table).toBeUndefined();
    expect(input.issues.some((i) => i.severity === "error" && i.sheet === "指标数据")).toBe(true);
  });

  test("writes 稳健性分析 as the plan has it, marked as the add-in's, and replaces it on the next analysis", async () => {
    const { wb, host } = setup();
    const first = await analysed(host, 1);
    expect(await host.writeRobustnessSheet(first, "zh-CN")).toEqual({ sheet: "稳健性分析", notices: [] });
    const sheet = wb.getSheet("稳健性分析");
    expect(sheet?.customProperties.get(MARKER_KEY)).toBe("robustness");
    const plan = buildRobustnessPlan(first, "zh-CN");
    expect(sheet?.valuesOf({ r0: 0, c0: 0, r1: plan.values.length - 1, c1: plan.values[0].length - 1 })).toEqual(plan.values.map((row) => row.map((v) => (v === null ? "" : v))));

    const second = await analysed(host, 2);
    await host.writeRobustnessSheet(second, "zh-CN");
    expect(wb.sheets.filter((s) => s.name.startsWith("稳健性分析")).map((s) => s.name)).toEqual(["稳健性分析"]);
  });

  test("a new rating removes the analysis of the data before it, as it does every other result sheet", async () => {
    const { wb, host } = setup();
    await host.writeRobustnessSheet(await analysed(host, 1), "zh-CN");
    await host.run(INPUT);
    expect(wb.getSheet("稳健性分析")).toBeUndefined();
  });

  test("never writes over a user's sheet of the same name", async () => {
    const { wb, host } = setup();
    wb.addSheet("稳健性分析", [["我的笔记"]]);
    const written = await host.writeRobustnessSheet(await analysed(host, 1), "zh-CN");
    expect(written.sheet).toBe("稳健性分析 (2)");
    expect(written.notices).toHaveLength(1);
    expect(wb.getSheet("稳健性分析")?.valuesOf({ r0: 0, c0: 0, r1: 0, c1: 0 })).toEqual([["我的笔记"]]);
  });
});

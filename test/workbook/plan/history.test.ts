import { analyseHistory, type HistoryRow } from "../../../src/engine/history";
import { targetAttainment } from "../../../src/engine/targets";
import { rate } from "../../../src/engine";
import type { Rules, ZoneInput, ZoneTable } from "../../../src/engine/types";
import type { Grid } from "../../../src/workbook/grid";
import { buildHistoryPlan, buildTargetsPlan, buildTrendPlan, targetSummaryLines } from "../../../src/workbook/plan/history";
import type { SheetPlan } from "../../../src/workbook/plan/types";
import type { PreviousRating } from "../../../src/workbook/read/previous";
import { finishYearCycle, startYearCycle } from "../../../src/workbook/yearCycle";
import { dim, ind, rules, table, zone } from "../../engine/fixtures";

function asGrid(plan: SheetPlan): Grid {
  return { sheet: plan.name, originRow: 0, originCol: 0, values: plan.values.map((r) => [...r]) };
}

function row(year: number, zone: string, stars: number, rank: number, extra: Partial<HistoryRow> = {}): HistoryRow {
  return { year, zone, prevNames: [], city: "许昌", stars, status: null, rank, cityRank: null, composite: null, awards: [], ...extra };
}

/** Ranked by va alone; the simple ladder gives level ⌊va / 10⌋ from 10 up (gate 1). */
const RULES: Rules = rules([dim("d", 100, [ind("va", 1, "minmax")])]);

function zoneAt(name: string, va: number, cell: number, extras: Partial<ZoneInput> = {}): ZoneInput {
  return zone(name, { va, tax: va, emp: va }, { city: "许昌", source: { sheet: "指标", row: cell, zoneCell: `B${cell}`, cells: { prevStars: `T${cell}` } }, ...extras });
}

function year2013(extra: ZoneInput[] = []): ZoneTable {
  return table([zoneAt("甲产业集聚区", 35, 5), zoneAt("长葛市产业集聚区", 25, 6), zoneAt("新区产业集聚区", 5, 7), ...extra]);
}

const PREVIOUS: PreviousRating = {
  year: 2012,
  rows: [row(2012, "甲产业集聚区", 2, 1), row(2012, "长葛产业集聚区", 1, 2)],
  history: [row(2011, "甲产业集聚区", 3, 1), row(2011, "长葛产业集聚区", 1, 2)],
  issues: [],
};

describe("the history sheet", () => {
  const history = [row(2012, "甲", 2, 1, { status: "kept", composite: 80 }), row(2013, "甲", 3, 1, { status: "promoted", awards: ["十强"] })];
  const plan = buildHistoryPlan(history, "zh-CN");

  it("titles the years it spans and lists one row per zone and year under a header the reader finds", () => {
    expect(plan.title).toBe("产业集聚区历年评定结果（2012—2013年）");
    expect(plan.values[plan.headerRow]).toEqual(["年度", "集聚区名称", "上年名称", "所属地市", "星级数", "晋级情况", "综合排名", "市内排名", "综合得分", "奖项"]);
    expect(plan.values.slice(plan.headerRow + 1)).toEqual([
      [2012, "甲", "", "许昌", 2, "保持", 1, null, 80, ""],
      [2013, "甲", "", "许昌", 3, "晋级", 1, null, null, "十强"],
    ]);
    expect(plan.print.orientation).toBe("landscape");
  });
});

describe("the trend sheet", () => {
  const history = [row(2011, "甲", 1, 2), row(2011, "乙", 0, 1), row(2012, "甲", 2, 1), row(2012, "乙", 0, 2)];
  const result = rate(table([zone("甲", { va: 25, tax: 25, emp: 25 }), zone("乙", { va: 5, tax: 5, emp: 5 })]), RULES);
  const withYear = [...history, row(2013, "甲", 2, 1), row(2013, "乙", 0, 2)];
  const tracks = analyseHistory(withYear, 2013, { bottomN: 1, times: 2, window: 3, provenance: "otherProvince" });
  const plan = buildTrendPlan(withYear, tracks, { ...result, year: 2013 }, "zh-CN");

  it("shows each zone's level and rank by year, its streak, highest level and exit warning", () => {
    expect(plan.values[plan.headerRow]).toEqual(["排名", "集聚区名称", "所属地市", "星级", "本星级连续年数", "历史最高星级", "退出预警", "2011星级", "2011排名", "2012星级", "2012排名", "2013星级", "2013排名"]);
    expect(plan.values[plan.headerRow + 1]).toEqual([1, "甲", "郑州", "★★", 2, 2, "", 1, 2, 2, 1, 2, 1]);
    expect(plan.values[plan.headerRow + 2]).toEqual([2, "乙", "郑州", "无星", 3, 0, "2012、2013年居后1名或未达门槛", 0, 1, 0, 2, 0, 2]);
  });

  it("counts levels by year as the source of a native stacked chart, years as its categories", () => {
    const chart = plan.charts![0];
    expect(chart.type).toBe("stackedColumn");
    expect(plan.values[chart.source.r0].slice(0, 8)).toEqual(["年度", "无星", "一星级", "二星级", "三星级", "四星级", "五星级", "六星级"]);
    expect(plan.values.slice(chart.source.r0 + 1, chart.source.r1 + 1).map((r) => r.slice(0, 9))).toEqual([
      ["2011", 1, 1, 0, 0, 0, 0, 0, 2],
      ["2012", 1, 0, 1, 0, 0, 0, 0, 2],
      ["2013", 1, 0, 1, 0, 0, 0, 0, 2],
    ]);
    expect(chart.anchor.r0).toBeGreaterThan(chart.source.r1);
  });
});

describe("达标情况", () => {
  const targetRules = rules([dim("d", 100, [ind("taxPerMu", 1, "target", 15), ind("smart", 1, "target", 60)])], { interimTargets: [{ key: "taxPerMu", year: 2013, value: 11, provenance: "official" }] });
  const result = rate(table([zone("甲", { va: 1, tax: 12, emp: 1, landMu: 10_000, smart: 70 }), zone("乙", { va: 1, tax: 3, emp: 1, landMu: 10_000, smart: 50 })]), targetRules);
  const t = targetAttainment(result);

  it("prints each zone against each target, and the counts under the table", () => {
    const plan = buildTargetsPlan(t, result, "zh-CN");
    expect(plan.values[plan.headerRow]).toEqual(["排名", "集聚区名称", "所属地市", "亩均税收数值", "目标（万元/亩）", "达标", "差距", "智能化改造普及率数值", "目标（%）", "达标", "差距", "达标项数"]);
    expect(plan.values[plan.headerRow + 1]).toEqual([1, "甲", "郑州", 12, 11, "是", 1, 70, 60, "是", 10, 2]);
    expect(plan.values[plan.headerRow + 2]).toEqual([2, "乙", "郑州", 3, 11, "否", -8, 50, 60, "否", -10, 0]);
    const text = plan.values.slice(plan.headerRow + 3).map((r) => r[0]);
    expect(text).toEqual(expect.arrayContaining(targetSummaryLines(t, "zh-CN")));
  });

  it("says each target's figure, source and interim step with the counts, in both languages", () => {
    expect(targetSummaryLines(t, "zh-CN")).toEqual([
      "亩均税收：目标 11 万元/亩（2013年阶段目标）（省文件）——达标 1 个，未达标 1 个，缺数据 0 个",
      "智能化改造普及率：目标 60 %（推定）——达标 1 个，未达标 1 个，缺数据 0 个",
      "全部目标达标的集聚区：1 个",
    ]);
    expect(targetSummaryLines(t, "en-US")[0]).toBe("Tax per mu: target 11 10k yuan/mu (2013 interim) (official) — met 1, not met 1, no data 0");
  });
});

describe("the yearly cycle", () => {
  it("carries last year's ranks and levels forward, the highest from every year, and starts the name map", () => {
    const cycle = startYearCycle(year2013(), { sheets: [], previous: PREVIOUS, locale: "zh-CN" });
    expect(cycle.year).toBe(2013);
    expect(cycle.prevYear).toBe(2012);
    const 甲 = cycle.table.zones.find((z) => z.zone === "甲产业集聚区")!;
    expect([甲.prevRank, 甲.prevStars, 甲.maxStars]).toEqual([1, 2, 3]);
    expect(cycle.table.columns).toMatchObject({ prevRank: true, prevStars: true, maxStars: true });
    expect(cycle.issues.map((i) => [i.code, i.cell ?? i.zone])).toEqual([
      ["ZONE_NOT_IN_PREVIOUS", "B7"],
      ["ZONE_NOT_IN_PREVIOUS", "B6"],
      ["ZONE_DROPPED", "长葛产业集聚区"],
    ]);
    expect(cycle.issues[1].message).toBe("B6（长葛市产业集聚区）：2012年结果中没有这个集聚区，按新评处理。可能对应：长葛产业集聚区。如是改名或合并，请在“名称对照”表中填写上年名称后重新评定。");
    const result = rate(cycle.table, RULES);
    const statuses = Object.fromEntries(result.zones.map((z) => [z.zone, z.starStatus]));
    // 甲: 3★ this year, 2★ last year, 3★ in 2011: promoted, not a first star.
    expect(statuses).toEqual({ 甲产业集聚区: "promoted", 长葛市产业集聚区: "new", 新区产业集聚区: "new" });
    const end = finishYearCycle(cycle, result, "zh-CN");
    expect(end.plans.map((p) => p.kind)).toEqual(["carry", "history", "trend", "nameMap"]);
  });

  it("links a rename once the user writes it in the name map, and then writes no name map over theirs", () => {
    const first = startYearCycle(year2013(), { sheets: [], previous: PREVIOUS, locale: "zh-CN" });
    const nameMap = asGrid(finishYearCycle(first, rate(first.table, RULES), "zh-CN").plans.find((p) => p.kind === "nameMap")!);
    const at = nameMap.values.findIndex((r) => r[0] === "长葛产业集聚区");
    nameMap.values[at][1] = "长葛市产业集聚区";
    const second = startYearCycle(year2013(), { sheets: [{ grid: nameMap }], previous: PREVIOUS, locale: "zh-CN" });
    const 长葛 = second.table.zones.find((z) => z.zone === "长葛市产业集聚区")!;
    expect([长葛.prevRank, 长葛.prevStars, 长葛.maxStars]).toEqual([2, 1, 1]);
    expect(second.issues.map((i) => i.code)).toEqual(["ZONE_NOT_IN_PREVIOUS"]);
    const end = finishYearCycle(second, rate(second.table, RULES), "zh-CN");
    expect(end.plans.map((p) => p.kind)).toEqual(["carry", "history", "trend"]);
    const historyRows = end.history.filter((r) => r.year === 2013);
    expect(historyRows.find((r) => r.zone === "长葛市产业集聚区")?.prevNames).toEqual(["长葛产业集聚区"]);
  });

  it("writes its own 名称对照 again with the user's entries in it, and leaves one the user made alone", () => {
    const first = startYearCycle(year2013(), { sheets: [], previous: PREVIOUS, locale: "zh-CN" });
    const written = asGrid(finishYearCycle(first, rate(first.table, RULES), "zh-CN").plans.find((p) => p.kind === "nameMap")!);
    written.values[written.values.findIndex((r) => r[0] === "长葛产业集聚区")][1] = "撤销";
    const rerun = (kind?: "nameMap") => {
      const cycle = startYearCycle(year2013(), { sheets: [kind ? { grid: written, kind } : { grid: written }], previous: PREVIOUS, locale: "zh-CN" });
      return { cycle, plans: finishYearCycle(cycle, rate(cycle.table, RULES), "zh-CN").plans };
    };
    const own = rerun("nameMap");
    expect(own.cycle.match?.droppedByMapping).toEqual(["长葛产业集聚区"]);
    const again = own.plans.find((p) => p.kind === "nameMap")!;
    expect(again.values.slice(again.headerRow + 1).map((r) => r.slice(0, 2))).toEqual([["长葛产业集聚区", "撤销"]]);
    expect(rerun().plans.map((p) => p.kind)).not.toContain("nameMap");
  });

  it("keeps the history across re-runs of the same year: the year is replaced, never doubled", () => {
    const once = startYearCycle(year2013(), { sheets: [], previous: PREVIOUS, locale: "zh-CN" });
    const end1 = finishYearCycle(once, rate(once.table, RULES), "zh-CN");
    const historyGrid = asGrid(end1.plans.find((p) => p.kind === "history")!);
    // The same year again, from the workbook's own history, with one zone's figures changed.
    const again = startYearCycle(table([zoneAt("甲产业集聚区", 45, 5), zoneAt("长葛市产业集聚区", 25, 6), zoneAt("新区产业集聚区", 5, 7)]), { sheets: [{ grid: historyGrid }], locale: "zh-CN" });
    expect(again.prevYear).toBe(2012);
    const end2 = finishYearCycle(again, rate(again.table, RULES), "zh-CN");
    expect(end2.history.filter((r) => r.year < 2013)).toEqual(end1.history.filter((r) => r.year < 2013));
    expect(end2.history.filter((r) => r.year === 2013).map((r) => [r.zone, r.stars])).toEqual([
      ["甲产业集聚区", 4],
      ["长葛市产业集聚区", 2],
      ["新区产业集聚区", 0],
    ]);
  });

  it("keeps a figure the user typed, warning at its cell where the import differs", () => {
    const typed = year2013();
    typed.zones[0] = { ...typed.zones[0], prevStars: 1 };
    typed.columns.prevStars = true;
    const cycle = startYearCycle(typed, { sheets: [], previous: PREVIOUS, locale: "en-US" });
    expect(cycle.table.zones[0].prevStars).toBe(1);
    const conflict = cycle.issues.find((i) => i.code === "PREV_VALUE_CONFLICT")!;
    expect(conflict.cell).toBe("T5");
    expect(conflict.message).toBe('T5 (甲产业集聚区): "PrevStars" holds 1 but the results of 2012 say 2; the rating uses your 1. Correct or clear the cell and rate again if last year\'s result is right.');
    expect(cycle.carried[0].source).toBe("conflict");
  });

  it("takes the year after last year's where the table states none, and stops on results that are not from before", () => {
    const noYear = { ...year2013(), year: undefined };
    expect(startYearCycle(noYear, { sheets: [], previous: PREVIOUS, locale: "zh-CN" }).year).toBe(2013);
    const sameYear = startYearCycle(year2013(), { sheets: [], previous: { ...PREVIOUS, year: 2013 }, locale: "zh-CN" });
    expect(sameYear.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["PREV_YEAR_NOT_BEFORE"]);
  });

  it("does nothing without a history, an import or the wish to start one", () => {
    const cycle = startYearCycle(year2013(), { sheets: [], locale: "zh-CN" });
    expect(cycle.keepsHistory).toBe(false);
    expect(cycle.table).toEqual(year2013());
    expect(finishYearCycle(cycle, rate(cycle.table, RULES), "zh-CN").plans).toEqual([]);
  });
});

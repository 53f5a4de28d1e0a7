import type { HistoryRow } from "../../../src/engine/history";
import type { Grid } from "../../../src/workbook/grid";
import { buildHistoryPlan, buildNameMapPlan } from "../../../src/workbook/plan/history";
import { buildResultPlans } from "../../../src/workbook/plan/results";
import type { SheetPlan } from "../../../src/workbook/plan/types";
import { readHistorySheet, readNameMap, readPreviousRating, type KindedGrid } from "../../../src/workbook/read/previous";
import { editDistance, matchZoneNames, normaliseZoneName } from "../../../src/workbook/read/zoneNames";
import { smallResult } from "../plan/fixtures";

function asGrid(plan: SheetPlan): Grid {
  return { sheet: plan.name, originRow: 0, originCol: 0, values: plan.values.map((r) => [...r]) };
}

function row(year: number, zone: string, stars: number, rank: number | null, extra: Partial<HistoryRow> = {}): HistoryRow {
  return { year, zone, prevNames: [], city: "许昌市", stars, status: null, rank, cityRank: null, composite: null, awards: [], ...extra };
}

describe("zone names", () => {
  it("compares names without the 产业集聚区 / 集聚区 suffix, spaces and full-width forms", () => {
    expect(normaliseZoneName(" 许昌县 产业集聚区 ")).toBe("许昌县");
    expect(normaliseZoneName("ＡＢ集聚区")).toBe("AB");
    expect(normaliseZoneName("产业集聚区")).toBe("产业集聚区");
    expect(editDistance("长葛", "长葛市")).toBe(1);
    expect(editDistance("许昌县", "建安区")).toBe(3);
  });

  it("matches the same name, then the normalised name, then a known change of county or district", () => {
    const m = matchZoneNames(["甲产业集聚区", "郑州航空港产业集聚区", "建安区产业集聚区"], ["甲产业集聚区", "郑州航空港集聚区", "许昌县产业集聚区"]);
    expect(m.links.map((l) => [l.zone, l.from, l.kind])).toEqual([
      ["建安区产业集聚区", ["许昌县产业集聚区"], "renamed"],
      ["甲产业集聚区", ["甲产业集聚区"], "same"],
      ["郑州航空港产业集聚区", ["郑州航空港集聚区"], "normalised"],
    ]);
    expect(m.links[0].rename).toEqual({ from: "许昌县", to: "建安区", year: 2017 });
    expect(m.added).toEqual([]);
    expect(m.dropped).toEqual([]);
  });

  it("lists the rest with likely matches, never linking a guess", () => {
    const m = matchZoneNames(["长葛市产业集聚区", "新区产业集聚区"], ["长葛产业集聚区", "老区产业集聚区", "禹州市产业集聚区"]);
    expect(m.links).toEqual([]);
    expect(m.added).toEqual([
      { name: "新区产业集聚区", suggestions: [{ name: "老区产业集聚区", distance: 1 }] },
      { name: "长葛市产业集聚区", suggestions: [{ name: "长葛产业集聚区", distance: 0 }] },
    ]);
    expect(m.dropped.map((u) => [u.name, u.suggestions.map((s) => s.name)])).toEqual([
      ["禹州市产业集聚区", []],
      ["老区产业集聚区", ["新区产业集聚区"]],
      ["长葛产业集聚区", ["长葛市产业集聚区"]],
    ]);
  });

  it("follows the user's mapping first: a merger, a split, a closed zone, and names it cannot find", () => {
    const m = matchZoneNames(
      ["丙丁产业集聚区", "东区产业集聚区", "西区产业集聚区", "甲产业集聚区"],
      ["丙产业集聚区", "丁产业集聚区", "城区产业集聚区", "戊产业集聚区", "甲产业集聚区"],
      [
        { prevName: "丙产业集聚区", zone: "丙丁产业集聚区" },
        { prevName: "丁产业集聚区", zone: "丙丁产业集聚区" },
        { prevName: "城区产业集聚区", zone: "东区产业集聚区" },
        { prevName: "城区产业集聚区", zone: "西区产业集聚区" },
        { prevName: "戊产业集聚区", zone: null },
        { prevName: "己产业集聚区", zone: "甲产业集聚区", cell: "B9" },
        { prevName: "甲产业集聚区", zone: "庚产业集聚区", cell: "B10" },
      ],
    );
    expect(m.links.map((l) => [l.zone, l.from, l.kind])).toEqual([
      ["丙丁产业集聚区", ["丙产业集聚区", "丁产业集聚区"], "mapping"],
      ["东区产业集聚区", ["城区产业集聚区"], "mapping"],
      ["甲产业集聚区", ["甲产业集聚区"], "same"],
      ["西区产业集聚区", ["城区产业集聚区"], "mapping"],
    ]);
    expect(m.droppedByMapping).toEqual(["戊产业集聚区"]);
    expect(m.dropped).toEqual([]);
    expect(m.unknownInMapping.map((u) => [u.row.cell, u.side])).toEqual([
      ["B9", "prev"],
      ["B10", "current"],
    ]);
  });
});

describe("reading what earlier years left", () => {
  it("reads last year's levels, statuses, ranks and composites from its result sheets, by marker or by name", () => {
    const plans = buildResultPlans(smallResult(), [], "zh-CN");
    const byMarker: KindedGrid[] = plans.map((p) => ({ grid: { ...asGrid(p), sheet: `${p.name}（改名）` }, kind: p.kind }));
    const byName: KindedGrid[] = plans.map((p) => ({ grid: asGrid(p) }));
    for (const sheets of [byMarker, byName]) {
      const prev = readPreviousRating(sheets, "2013.xlsx");
      expect(prev.year).toBe(2013);
      expect(prev.issues).toEqual([]);
      expect(prev.rows.map((r) => [r.zone, r.stars, r.status, r.rank, r.cityRank, r.composite])).toEqual([
        ["郑州航空港区", 3, "promoted", 1, 1, 80.5],
        ["=SUM(A1)", 1, "kept", 2, 1, 70.25],
        ["+洛阳高新区", 2, "new", 2, 1, 70.25],
        ["兰考县产业集聚区", 0, "belowGate", 4, 2, 30],
      ]);
    }
  });

  it("reads English result sheets too, and says when a workbook holds none", () => {
    const en = readPreviousRating(
      buildResultPlans(smallResult(), [], "en-US").map((p) => ({ grid: asGrid(p) })),
      "x.xlsx",
    );
    expect(en.rows.map((r) => [r.zone, r.stars, r.status])).toContainEqual(["兰考县产业集聚区", 0, "belowGate"]);
    const none = readPreviousRating([{ grid: { sheet: "Sheet1", originRow: 0, originCol: 0, values: [["集聚区名称"]] } }], "x.xlsx");
    expect(none.issues.map((i) => [i.severity, i.code, i.params?.file])).toEqual([["error", "PREV_NO_RESULTS", "x.xlsx"]]);
  });

  it("reads back the history sheet it writes, in either language", () => {
    const history = [row(2016, "许昌县产业集聚区", 2, 5, { status: "kept", cityRank: 1, composite: 61.25, awards: ["十强"] }), row(2017, "建安区产业集聚区", 3, 2, { prevNames: ["许昌县产业集聚区"], status: "first", cityRank: 1, composite: 70.5, awards: ["十强", "首次晋星奖励"] })];
    for (const locale of ["zh-CN", "en-US"] as const) {
      const read = readHistorySheet(asGrid(buildHistoryPlan(history, locale)));
      expect(read.issues).toEqual([]);
      expect(read.rows).toEqual(history);
    }
  });

  it("skips a history row it cannot read, with a warning at the cell, and keeps a zone and year once", () => {
    const grid = asGrid(buildHistoryPlan([row(2016, "甲", 2, 1), row(2016, "乙", 1, 2)], "zh-CN"));
    const header = grid.values.findIndex((r) => r[0] === "年度");
    grid.values[header + 2][4] = "七星";
    grid.values.push([...grid.values[header + 1]]);
    const read = readHistorySheet(grid);
    expect(read.rows.map((r) => r.zone)).toEqual(["甲"]);
    expect(read.issues.map((i) => [i.code, i.cell, i.params?.value])).toEqual([["HISTORY_ROW_SKIPPED", `E${header + 3}`, "七星"]]);
  });

  it("reads the user's name map: decided rows only, 撤销 as a closed zone", () => {
    const match = matchZoneNames(["长葛市产业集聚区"], ["长葛产业集聚区", "洛阳空港产业集聚区"]);
    const grid = asGrid(buildNameMapPlan(match, "zh-CN"));
    expect(readNameMap(grid)).toEqual([]);
    const header = grid.values.findIndex((r) => r[0] === "上年名称");
    const at = (name: string) => grid.values.findIndex((r) => r[0] === name);
    grid.values[at("长葛产业集聚区")][1] = "长葛市产业集聚区";
    grid.values[at("洛阳空港产业集聚区")][1] = "撤销";
    expect(header).toBeGreaterThan(0);
    const rows = readNameMap(grid);
    expect(rows.map((r) => [r.prevName, r.zone])).toEqual([
      ["洛阳空港产业集聚区", null],
      ["长葛产业集聚区", "长葛市产业集聚区"],
    ]);
    const again = matchZoneNames(["长葛市产业集聚区"], ["长葛产业集聚区", "洛阳空港产业集聚区"], rows);
    expect(again.links.map((l) => [l.zone, l.from, l.kind])).toEqual([["长葛市产业集聚区", ["长葛产业集聚区"], "mapping"]]);
    expect(again.dropped).toEqual([]);
    expect(again.droppedByMapping).toEqual(["洛阳空港产业集聚区"]);
  });
});

// Row heights and page breaks the plans carry, so every program prints them alike.
import { buildHistoryPlan, buildNameMapPlan } from "../../../src/workbook/plan/history";
import { analyseRobustness } from "../../../src/engine/robustness";
import { fitOnOnePage, fitRowHeights, heightRuns, MAX_PAGE_BREAKS, pageCapacity, pageStarts, printScale, type PageSetup } from "../../../src/workbook/plan/layout";
import { rowHeight, wrappedLines } from "../../../src/workbook/plan/measure";
import { buildResultPlans } from "../../../src/workbook/plan/results";
import { buildRobustnessPlan } from "../../../src/workbook/plan/robustness";
import type { SheetPlan } from "../../../src/workbook/plan/types";
import { dim, ind, ON_GATE, rules, table, topAward, zone } from "../../engine/fixtures";
import { largeResult, smallResult } from "./fixtures";

function heightOf(plan: SheetPlan, row: number): number {
  return plan.rowHeights?.find((h) => h.r0 <= row && row <= h.r1)?.height ?? 15;
}

/** The rows each printed page of a plan holds, by its page breaks. */
function pagesOf(plan: SheetPlan): Array<[number, number]> {
  const starts = [0, ...(plan.pageBreaks ?? [])];
  return starts.map((s, i) => [s, (starts[i + 1] ?? plan.values.length) - 1]);
}

describe("row heights", () => {
  test("a wrapped cell's row is as tall as its lines; a merged span wraps over the columns it spans", () => {
    const rows = [["产".repeat(30), null, null], ["产".repeat(30), null, null]];
    const wrapAll = [{ range: { r0: 0, c0: 0, r1: 1, c1: 2 }, wrap: true }];
    const heights = fitRowHeights(rows, wrapAll, [{ r0: 1, c0: 0, r1: 1, c1: 2 }], [20, 20, 20], new Map());
    expect(heights.get(0)).toBe(rowHeight(wrappedLines("产".repeat(30), 20)));
    expect(wrappedLines("产".repeat(30), 20)).toBe(4);
    // 60 digits hold the 30 characters on two lines.
    expect(heights.get(1)).toBe(rowHeight(2));
  });

  test("larger fonts and least heights raise a row; plain text leaves it alone; runs join equal rows", () => {
    const rows = [["标题"], ["普通文字普通文字普通文字普通文字"], [null], [null]];
    const heights = fitRowHeights(rows, [{ range: { r0: 0, c0: 0, r1: 0, c1: 0 }, fontSize: 16 }], [], [8], new Map([[2, 30], [3, 30]]));
    expect(heights.get(0)).toBe(rowHeight(1, 16));
    expect(heights.has(1)).toBe(false);
    expect(heightRuns(heights)).toEqual([
      { r0: 0, r1: 0, height: rowHeight(1, 16) },
      { r0: 2, r1: 3, height: 30 },
    ]);
  });

  test("校验报告's messages, 名称对照's and 历年评定's notes, and titles get the room their text takes", () => {
    const issue = { severity: "warning" as const, code: "ZONE_NOT_IN_PREVIOUS", sheet: "指标数据", cell: "B138", zone: "南阳鸭河工区产业集聚区", params: { prevYear: 2012, suggestions: "" } };
    const validation = buildResultPlans(smallResult(), [issue], "zh-CN").find((p) => p.kind === "validation")!;
    const row = validation.values.findIndex((r) => r[3] === "B138");
    const message = validation.values[row][6] as string;
    expect(heightOf(validation, row)).toBeGreaterThanOrEqual(rowHeight(wrappedLines(message, validation.columnWidths[6])));
    expect(heightOf(validation, row)).toBeGreaterThan(15);
    expect(heightOf(validation, 0)).toBeGreaterThanOrEqual(36);

    const nameMap = buildNameMapPlan({ links: [], added: [], dropped: [{ name: "洛阳空港产业集聚区", suggestions: [] }], droppedByMapping: [], unknownInMapping: [] }, "zh-CN");
    const width = nameMap.columnWidths.reduce((a, b) => a + b, 0);
    expect(heightOf(nameMap, 1)).toBe(rowHeight(wrappedLines(nameMap.values[1][0] as string, width)));
    expect(heightOf(nameMap, 1)).toBeGreaterThan(rowHeight(1));
    const history = buildHistoryPlan([], "en-US");
    expect(heightOf(history, 1)).toBeGreaterThan(rowHeight(1));
  });

  test("a header's words are never broken: its column is at least as wide as its widest word", () => {
    const details = buildResultPlans(smallResult(), [], "en-US").find((p) => p.kind === "details")!;
    const col = details.values[details.headerRow].indexOf("Contribution");
    expect(wrappedLines("Contribution", details.columnWidths[col], 11, true)).toBe(1);
  });
});

describe("page breaks", () => {
  const setup: PageSetup = { orientation: "portrait", columnWidths: [20, 20, 20], titleRows: [1, 1] };
  const capacity = pageCapacity(setup);
  const perPage = Math.floor(capacity / 15);

  test("a page is filled row by row, and the header repeats on the pages after the first", () => {
    const starts = pageStarts(setup, { rowCount: 200, heights: new Map(), keep: [], breaks: [] });
    expect(starts[0]).toBe(perPage);
    // Later pages hold one row fewer: the repeated header takes its room.
    expect(starts[1] - starts[0]).toBe(Math.floor((capacity - 15) / 15));
  });

  test("a heading that would end a page goes to the next one with the rows it is kept with", () => {
    const heading = perPage - 2;
    const starts = pageStarts(setup, { rowCount: 200, heights: new Map(), keep: [{ r0: heading, r1: heading + 4 }], breaks: [] });
    expect(starts[0]).toBe(heading);
  });

  test("rows asked to start a page do; a group taller than a page is left to flow", () => {
    const starts = pageStarts(setup, { rowCount: 200, heights: new Map(), keep: [{ r0: 3, r1: 3 + 2 * perPage }], breaks: [10] });
    expect(starts[0]).toBe(10);
  });

  test("past Excel's limit on manual breaks only the breaks that keep rows together are kept", () => {
    const rowCount = (MAX_PAGE_BREAKS + 10) * perPage;
    const starts = pageStarts(setup, { rowCount, heights: new Map(), keep: [{ r0: perPage - 1, r1: perPage + 2 }], breaks: [5 * perPage] });
    expect(starts).toEqual([perPage - 1, 5 * perPage]);
  });

  test("columns wider than the page scale the print down in whole percents, and a page holds more rows", () => {
    expect(printScale(setup)).toBe(1);
    const wide: PageSetup = { ...setup, columnWidths: [90, 100] };
    expect(printScale(wide)).toBe(Math.floor((100 * (595.3 - 72)) / (190 * 5.25)) / 100);
    expect(pageCapacity(wide)).toBeGreaterThan(capacity);
    // Hidden columns do not print.
    expect(printScale({ ...wide, hiddenColumns: [1] })).toBe(1);
  });

  test("on the sheets, no page ends with a section heading: each prints with its first rows", () => {
    const plans = buildResultPlans(largeResult(180), [], "zh-CN");
    for (const plan of plans.filter((p) => ["awards", "byCity", "stars", "ranking"].includes(p.kind))) {
      const headings = plan.values.flatMap((r, i) => (i > 0 && typeof r[0] === "string" && r.slice(1).every((v) => v === null) && plan.merges.some((m) => m.r0 === i && m.c0 === 0 && m.c1 > 0) ? [i] : []));
      expect(headings.length).toBeGreaterThan(0);
      for (const [, last] of pagesOf(plan)) expect(headings).not.toContain(last);
      for (const [first, last] of pagesOf(plan)) expect(headings.filter((h) => h >= first && h <= last && last - h < 2)).toEqual([]);
    }
  });

  test("a chart prints whole on one page, after its source rows, over rows of its own", () => {
    const plans = buildResultPlans(largeResult(180), [], "zh-CN");
    for (const plan of plans.filter((p) => p.charts)) {
      for (const chart of plan.charts!) {
        const page = pagesOf(plan).find(([first, last]) => first <= chart.anchor.r0 && chart.anchor.r0 <= last)!;
        expect(chart.anchor.r1).toBeLessThanOrEqual(page[1]);
        // Beside (综合排名's leaders) or below its source, never over a cell of it.
        const overlaps = chart.anchor.r0 <= chart.source.r1 && chart.source.r0 <= chart.anchor.r1 && chart.anchor.c0 <= chart.source.c1 && chart.source.c0 <= chart.anchor.c1;
        expect(overlaps).toBe(false);
        for (let r = chart.anchor.r0; r <= chart.anchor.r1; r++) for (let c = chart.anchor.c0; c <= chart.anchor.c1; c++) expect(plan.values[r][c]).toBeNull();
      }
    }
  });

  test("rows of a block taller than a page holds under the repeated header shrink, alike, until it fits one page", () => {
    const heights = new Map([[1, 40]]);
    fitOnOnePage(setup, heights, 10, 10 + 2 * perPage);
    const block = Array.from({ length: 2 * perPage + 1 }, (_, k) => heights.get(10 + k)!);
    expect(new Set(block).size).toBe(1);
    expect(block.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(capacity - 40);
    expect(block.reduce((a, b) => a + b, 0)).toBeGreaterThan(capacity - 40 - block.length);
    const short = new Map<number, number>();
    fitOnOnePage(setup, short, 10, 20);
    expect(short.size).toBe(0);
  });

  test("稳健性分析's chart of 30 winners' rank intervals prints whole on one page, its rows shrunk to fit", () => {
    const zones = Array.from({ length: 60 }, (_, i) => zone(`区${i}`, { ...ON_GATE, fai: 60 - i + (i % 7), outCap: 1 + ((i * 13) % 60) }));
    const r = rules([dim("x", 50, [ind("fai", 1, "minmax")]), dim("y", 50, [ind("outCap", 1, "minmax")])], {
      awards: [topAward("top", 10, { kind: "composite" }), topAward("x", 10, { kind: "dimensions", dimensions: ["x"] }), topAward("y", 10, { kind: "dimensions", dimensions: ["y"] })],
    });
    const plan = buildRobustnessPlan(analyseRobustness(table(zones), r, { runs: 50, seed: 1, weightShare: 0.2, varyMethods: false }), "zh-CN");
    const [chart] = plan.charts!;
    expect(chart.source.r1 - chart.source.r0).toBe(30);
    const page = pagesOf(plan).find(([first, last]) => first <= chart.anchor.r0 && chart.anchor.r0 <= last)!;
    expect(page[0]).toBe(chart.anchor.r0);
    expect(chart.anchor.r1).toBeLessThanOrEqual(page[1]);
    expect(heightOf(plan, chart.anchor.r0)).toBeLessThan(15);
  });

  test("综合排名 draws its top 20 by composite as bars beside their figures", () => {
    const ranking = buildResultPlans(largeResult(180), [], "zh-CN").find((p) => p.kind === "ranking")!;
    const [chart] = ranking.charts!;
    expect(chart.type).toBe("clusteredBar");
    expect(chart.title).toBe("综合得分前 20 名");
    const block = ranking.values.slice(chart.source.r0, chart.source.r1 + 1).map((r) => r.slice(chart.source.c0, chart.source.c1 + 1));
    expect(block[0]).toEqual(["集聚区名称", "综合得分"]);
    expect(block.slice(1)).toEqual(largeResult(180).zones.slice(0, 20).map((z) => [z.zone, z.composite]));
    expect(chart.dataLabels).toBe(true);
    expect(chart.valueAxisTitle).toBe("综合得分（分）");
  });
});

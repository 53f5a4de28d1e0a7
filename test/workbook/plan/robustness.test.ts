import { analyseRobustness, type RobustnessResult } from "../../../src/engine/robustness";
import { resolveNumberFormats } from "../../../src/workbook/plan/formats";
import { buildRobustnessPlan } from "../../../src/workbook/plan/robustness";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan/types";
import { ON_GATE, dim, ind, rules, table, topAward, zone } from "../../engine/fixtures";

// Five zones on two min–max dimensions: 甲 leads both, 乙 and 丙 trade places as the weights move,
// 丁 and 戊 trail. Two awards of two: 前二 by composite, 维度Y by the y points (exclusive).
function analysed(varyMethods = false): RobustnessResult {
  const t = table([
    zone("甲", { ...ON_GATE, fai: 10, outCap: 10 }),
    zone("乙", { ...ON_GATE, fai: 9, outCap: 1 }),
    zone("丙", { ...ON_GATE, fai: 1, outCap: 8.9 }),
    zone("丁", { ...ON_GATE, fai: 3, outCap: 3 }, { city: "洛阳" }),
    zone("戊", { ...ON_GATE, fai: 2, outCap: 2.5 }, { city: "洛阳" }),
  ]);
  const r = rules([dim("x", 50, [ind("fai", 1, "minmax")]), dim("y", 50, [ind("outCap", 1, "minmax", 12)])], {
    awards: [topAward("top2", 2, { kind: "composite" }), { ...topAward("ylead", 1, { kind: "dimensions", dimensions: ["y"] }), nameZh: "维度Y", nameEn: "Y lead" }],
  });
  return analyseRobustness(t, r, { runs: 2000, seed: 9, weightShare: 0.2, varyMethods });
}

/** Rows under a section heading, up to the next heading (text in the first cell) or the end. */
function rowsAfter(plan: SheetPlan, heading: string, from = plan.headerRow + 1): PlanCell[][] {
  const start = plan.values.findIndex((row, i) => i >= from && row[0] === heading);
  expect(start).toBeGreaterThan(plan.headerRow);
  const rows: PlanCell[][] = [];
  for (let i = start + 1; i < plan.values.length && !(typeof plan.values[i][0] === "string" && plan.values[i][0] !== ""); i++) rows.push(plan.values[i]);
  return rows;
}

/** A zone's row as the sheet shows it: rank, city, zone, the interval (5 %, places, 95 %), median, awards, probabilities. */
function zoneRow(z: RobustnessResult["zones"][number]): PlanCell[] {
  return [z.rank, z.city, z.zone, z.rankP5, z.rankP95 - z.rankP5 + 1, z.rankP95, z.medianRank, z.awards.map((a) => (a === "ylead" ? "维度Y" : a)).join("、"), z.awardProbability.top2, z.awardProbability.ylead, z.anyAwardProbability];
}

describe("buildRobustnessPlan", () => {
  const result = analysed();
  const plan = buildRobustnessPlan(result, "zh-CN");

  test("is a printable sheet named 稳健性分析, titled with the year, the header repeated on every page", () => {
    expect(plan.kind).toBe("robustness");
    expect(plan.name).toBe("稳健性分析");
    expect(plan.title).toBe("2013年度产业集聚区综合排名与表彰名单稳健性分析");
    expect(plan.values[0][0]).toBe(plan.title);
    const width = plan.values[0].length;
    expect(plan.values.every((row) => row.length === width)).toBe(true);
    expect(plan.columnWidths).toHaveLength(width);
    expect(plan.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: true, titleRows: [plan.headerRow, plan.headerRow] });
    expect(plan.values[plan.headerRow]).toEqual(["排名", "所属地市", "集聚区名称", "名次（5%）", "区间内名次数", "名次（95%）", "名次中位数", "现获奖项", "top2概率", "维度Y概率", "任一奖项概率"]);
  });

  test("says what was drawn and that stars do not move", () => {
    const notes = plan.values.slice(1, 4).map((row) => row[0]);
    expect(notes).toEqual([
      "模拟 2,000 次（随机种子 9）：各维度权重和维度内各指标权重在 ±20% 内随机变动，维度权重再按比例还原为原合计。",
      "计分方法：按规则不变。",
      "星级按增加值、税收、从业人员的绝对标准评定，与权重无关，不随模拟变化；本表只分析综合排名和表彰名单。",
    ]);
    const varied = buildRobustnessPlan(analysed(true), "zh-CN");
    expect(varied.values[2][0]).toBe("计分方法：每次从极差法、P90 封顶、标准分中随机抽取（设有目标值的指标另含目标值）。");
  });

  test("opens with every winner by rank, the rows a floating bar chart draws as 5–95 % rank intervals", () => {
    const winners = result.zones.filter((z) => z.awards.length > 0);
    expect(plan.values[plan.headerRow - 1][0]).toBe(`一、现获奖集聚区（${winners.length} 个，按现综合排名）及其名次区间`);
    const rows = plan.values.slice(plan.headerRow + 1, plan.headerRow + 1 + winners.length);
    expect(rows).toEqual(winners.map(zoneRow));
    const [chart] = plan.charts!;
    expect(chart.type).toBe("floatingBar");
    // Category the zone, then where each bar starts (the 5 % rank) and how many places it covers.
    expect(chart.source).toEqual({ r0: plan.headerRow, c0: 2, r1: plan.headerRow + winners.length, c1: 4 });
    expect(plan.values[plan.headerRow].slice(2, 5)).toEqual(["集聚区名称", "名次（5%）", "区间内名次数"]);
    // Drawn over empty rows of its own after the winners, never over a table, and kept on one page.
    expect(chart.anchor.r0).toBeGreaterThan(chart.source.r1);
    for (let r = chart.anchor.r0; r <= chart.anchor.r1; r++) expect(plan.values[r].every((v) => v === null)).toBe(true);
    expect(chart.valueAxisTitle).toBe("名次");
  });

  test("the chart draws every award winner, however far down the ranking (十快's winners too)", () => {
    const [chart] = plan.charts!;
    const drawn = plan.values.slice(chart.source.r0 + 1, chart.source.r1 + 1).map((r) => r[2]);
    for (const a of result.awards) for (const z of result.zones.filter((x) => x.awards.includes(a.key))) expect(drawn).toContain(z.zone);
  });

  test("lists each award's stable, borderline and close zones with the analysis's figures", () => {
    for (const [k, award] of result.awards.entries()) {
      const heading = plan.values.find((row) => typeof row[0] === "string" && row[0].startsWith(`${["二", "三"][k]}、`))?.[0] as string;
      expect(heading).toContain(`稳定 ${award.stable.length} 个，临界 ${award.borderline.length} 个；名单外接近 ${award.close.length} 个`);
      const from = plan.values.findIndex((row) => row[0] === heading);
      for (const [group, chances] of [
        ["稳定获奖（获奖概率 ≥ 95%）", award.stable],
        ["临界（在现名单内，获奖概率 < 95%）", award.borderline],
        ["接近（不在现名单内，获奖概率 ≥ 5%）", award.close],
      ] as const) {
        const rows = rowsAfter(plan, group, from);
        if (chances.length === 0) expect(rows).toEqual([["", "（无）", ...Array(plan.values[0].length - 2).fill(null)]]);
        else expect(rows.map((row) => [row[2], row[8 + k]])).toEqual(chances.map((c) => [c.zone, c.probability]));
      }
    }
    // The constructed case has both kinds of uncertainty on 前二: 乙 borderline, 丙 close.
    expect(result.awards[0].borderline.map((c) => c.zone)).toEqual(["乙"]);
    expect(result.awards[0].close.map((c) => c.zone)).toEqual(["丙"]);
  });

  test("shows every zone in rank order with its interval and probabilities, formatted as ranks and percentages", () => {
    const rows = rowsAfter(plan, "四、全部集聚区（按现综合排名）");
    expect(rows).toEqual(result.zones.map(zoneRow));
    const last = plan.values.length - 1;
    const formats = resolveNumberFormats(plan, last, last)[0];
    expect(formats.slice(0, 8)).toEqual(["0", "@", "@", "0", "0", "0", "0", formats[7]]);
    expect(formats.slice(8)).toEqual(["0.0%", "0.0%", "0.0%"]);
  });

  test("speaks English in an English report", () => {
    const en = buildRobustnessPlan(result, "en-US");
    expect(en.name).toBe("Robustness");
    expect(en.title).toBe("2013 Industrial cluster zones: how robust the ranking and award lists are");
    expect(en.values[en.headerRow].slice(3)).toEqual(["5 % rank", "Places in interval", "95 % rank", "Median rank", "Awards now", "P(top2)", "P(Y lead)", "P(any award)"]);
    expect(en.values[3][0]).toMatch(/^Stars are thresholds/);
    expect(en.charts![0].title).toBe("Rank interval of each award winner (5 %–95 %)");
  });
});

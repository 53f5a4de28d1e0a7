import { buildResultPlans } from "../../../src/workbook/plan/results";
import { resolveNumberFormats } from "../../../src/workbook/plan/formats";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan/types";
import { smallResult, largeResult } from "./fixtures";

function plan(plans: SheetPlan[], kind: SheetPlan["kind"]): SheetPlan {
  const p = plans.find((x) => x.kind === kind);
  if (!p) throw new Error(`no ${kind} plan`);
  return p;
}

/** The body rows of the main table, from the row after the header while column 0 or 1 is filled. */
function rowOf(p: SheetPlan, zone: string, zoneCol: number): PlanCell[] {
  const row = p.values.find((r, i) => i > p.headerRow && r[zoneCol] === zone);
  if (!row) throw new Error(`no row for ${zone}`);
  return row;
}

describe("buildResultPlans", () => {
  const zh = buildResultPlans(smallResult(), [], "zh-CN");

  test("makes the seven sheets of SPEC §5 and the zone pages in order, named per locale", () => {
    expect(zh.map((p) => p.name)).toEqual(["星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"]);
    const en = buildResultPlans(smallResult(), [], "en-US");
    expect(en.map((p) => p.name)).toEqual(["Stars", "Ranking", "By city", "Awards", "Promotions", "Zone profile", "Score details", "Validation"]);
  });

  test("every plan is rectangular, titled with the year and set up for A4 print", () => {
    for (const p of zh) {
      const width = p.values[0].length;
      expect(p.values.every((r) => r.length === width)).toBe(true);
      expect(p.values[0][0]).toBe(p.title);
      expect(p.title.startsWith("2013年度")).toBe(true);
      expect(p.print.paper).toBe("A4");
      // Only the table's header repeats on later pages; the title prints once, on the first.
      expect(p.print.titleRows).toEqual([p.headerRow, p.headerRow]);
      expect(p.print.footer).toBe("第 &P 页，共 &N 页");
      expect(p.columnWidths).toHaveLength(width);
    }
    expect(plan(zh, "awards").print.orientation).toBe("portrait");
    expect(plan(zh, "ranking").print.orientation).toBe("landscape");
    expect(buildResultPlans(smallResult(), [], "en-US")[0].print.footer).toBe("Page &P of &N");
  });

  test("星级评定 shows stars as ★ text and number, status and the shortfall for the next level", () => {
    const stars = plan(zh, "stars");
    expect(stars.values[stars.headerRow]).toEqual(["排名", "集聚区名称", "所属地市", "星级", "星级数", "上年星级", "晋级情况", "下一级", "晋级差距"]);
    // The shortfall (va 20.5, tax 0, emp 1.2) shows with two decimals; a met indicator (0) is left out.
    expect(rowOf(stars, "郑州航空港区", 1)).toEqual([1, "郑州航空港区", "郑州市", "★★★", 3, 2, "晋级", "四星级", "增加值差 20.50 亿元；从业人员差 1.20 万人"]);
    expect(rowOf(stars, "兰考县产业集聚区", 1).slice(3, 7)).toEqual(["无星", 0, 1, "未达门槛"]);
    expect(rowOf(stars, "+洛阳高新区", 1)[5]).toBeNull();
    expect(rowOf(stars, "+洛阳高新区", 1)[6]).toBe("新评");
  });

  test("星级评定 counts star-rated zones by city and feeds the chart from that block", () => {
    const stars = plan(zh, "stars");
    const chart = stars.charts![0];
    expect(chart.type).toBe("stackedColumn");
    const block = stars.values.slice(chart.source.r0, chart.source.r1 + 1).map((r) => r.slice(chart.source.c0, chart.source.c1 + 1));
    // Cities in the province's customary order (郑州, 开封, 洛阳), not by code point. 兰考 (0★) adds nothing to 开封.
    expect(block).toEqual([
      ["所属地市", "一星级", "二星级", "三星级", "四星级", "五星级", "六星级"],
      ["郑州市", 0, 0, 1, 0, 0, 0],
      ["开封市", 1, 0, 0, 0, 0, 0],
      ["洛阳市", 0, 1, 0, 0, 0, 0],
    ]);
    const totals = stars.values[chart.source.r1 + 1];
    expect(totals.slice(0, 8)).toEqual(["合计", 1, 1, 1, 0, 0, 0, 3]);
    // The chart is drawn over empty rows of its own, after the counts and before the zones' table, which starts a page.
    expect(chart.anchor.r0).toBeGreaterThan(chart.source.r1 + 1);
    expect(chart.anchor.r1).toBeLessThan(stars.headerRow - 1);
    for (let r = chart.anchor.r0; r <= chart.anchor.r1; r++) expect(stars.values[r].every((v) => v === null)).toBe(true);
    expect(stars.pageBreaks).toContain(stars.headerRow - 1);
    expect(stars.values[stars.headerRow - 1][0]).toBe("二、各集聚区星级评定结果");
    expect(chart.valueAxisTitle).toBe("集聚区数（个）");
    expect(chart.dataLabels).toBe(true);
  });

  test("综合排名 marks ties as 并列, shows dimension points, rank change arrows and the veto", () => {
    const ranking = plan(zh, "ranking");
    expect(ranking.values[ranking.headerRow]).toEqual(["排名", "并列", "集聚区名称", "所属地市", "综合得分", "规模总量", "发展速度", "加分", "扣分", "名次变化", "否决事项"]);
    expect(rowOf(ranking, "郑州航空港区", 2)).toEqual([1, "", "郑州航空港区", "郑州市", 80.5, 50.5, 30, 0, 0, "↑2", ""]);
    expect(rowOf(ranking, "=SUM(A1)", 2)).toEqual([2, "并列", "=SUM(A1)", "开封市", 70.25, 40.25, 30, 1, 1, "", ""]);
    expect(rowOf(ranking, "兰考县产业集聚区", 2).slice(9)).toEqual(["↓1", "安全生产事故"]);
    const body = ranking.values.slice(ranking.headerRow + 1).map((r) => r[2]);
    expect(body).toEqual(["郑州航空港区", "=SUM(A1)", "+洛阳高新区", "兰考县产业集聚区"]);
  });

  test("分市排名 lists each city under its own heading, in the province's customary order, with the rank inside it", () => {
    const byCity = plan(zh, "byCity");
    const body = byCity.values.slice(byCity.headerRow + 1).map((r) => (typeof r[0] === "string" ? r[0] : [r[0], r[2]]));
    expect(body).toEqual(["郑州市（1 个）", [1, "郑州航空港区"], "开封市（2 个）", [1, "=SUM(A1)"], [2, "兰考县产业集聚区"], "洛阳市（1 个）", [1, "+洛阳高新区"]]);
    // A heading never ends a page: it is kept with the rows under it.
    const heading = byCity.values.findIndex((r) => r[0] === "开封市（2 个）");
    expect(byCity.merges).toContainEqual({ r0: heading, c0: 0, r1: heading, c1: 5 });
  });

  test("表彰名单 lays out sections with prizes in 万元, the total, and the plaque list by stars", () => {
    const awards = plan(zh, "awards");
    const texts = awards.values.map((r) => r[0]).filter((v): v is string => typeof v === "string");
    expect(texts).toContain("一、十强（2 个，每个奖励 500 万元）");
    expect(texts).toContain("二、十快（1 个，每个奖励 500 万元）");
    expect(texts).toContain("三、十先进（0 个，每个奖励 500 万元）");
    expect(texts).toContain("四、授牌名单");
    expect(texts).toContain("三星级产业集聚区（1 个）");
    expect(texts).toContain("二星级产业集聚区（1 个）");
    // Three winners × 5,000,000 yuan = 15,000,000 yuan = 1,500 万元.
    const total = awards.values.find((r) => r[0] === "奖金合计：1,500 万元（15,000,000 元）");
    expect(total?.[5]).toBe(1500);
    const enTexts = plan(buildResultPlans(smallResult(), [], "en-US"), "awards").values.map((r) => r[0]);
    expect(enTexts).toContain("Prize total: 1,500 × 10k yuan (15,000,000 yuan)");
    const strongRows = awards.values.filter((r) => r[1] === "十强");
    expect(strongRows.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      [1, "郑州航空港区", "郑州市", "综合得分 80.50", 500],
      [2, "=SUM(A1)", "开封市", "综合得分 70.25", 500],
    ]);
    expect(awards.values.filter((r) => r[1] === "小计").map((r) => r[5])).toEqual([1000, 500, 0]);
    // The plaque list fills the same columns as the award lists, so the header repeated above it fits it.
    const plaqueRows = awards.values.filter((r) => r[1] === "授牌");
    expect(plaqueRows.map((r) => [r[2], r[4], r[5]])).toEqual([
      ["郑州航空港区", "★★★ 三星级", null],
      ["+洛阳高新区", "★★ 二星级", null],
    ]);
  });

  test("表彰名单's basis says what its figure is: the composite for 十强, the places moved up for 十快, the dimensions' points for 十先进", () => {
    const result = smallResult();
    result.zones = result.zones.map((z) => (z.zone === "+洛阳高新区" ? { ...z, prevRank: 5, rankChange: 3 } : z));
    result.awards = result.awards.map((a) => (a.key === "advanced" ? { ...a, zones: ["兰考县产业集聚区"] } : a));
    const basis = (locale: "zh-CN" | "en-US", award: string): PlanCell => {
      const awards = plan(buildResultPlans(result, [], locale), "awards");
      return awards.values.find((row) => row[1] === award)![4];
    };
    expect(basis("zh-CN", "十强")).toBe("综合得分 80.50");
    expect(basis("zh-CN", "十快")).toBe("名次上升 3 位");
    expect(basis("zh-CN", "十先进")).toBe("发展速度得分 20.00");
    expect(basis("en-US", "Top ten")).toBe("Composite 80.50");
    expect(basis("en-US", "Fastest ten")).toBe("Up 3 places");
    expect(basis("en-US", "Advanced ten")).toBe("Growth points 20.00");
    const growth = { ...result, awards: result.awards.map((a) => (a.key === "fast" ? { ...a, metricUsed: "vaGrowth" as const } : a)) };
    growth.zones = growth.zones.map((z) => (z.zone === "+洛阳高新区" ? { ...z, derived: { vaGrowth: 116 } } : z));
    expect(plan(buildResultPlans(growth, [], "zh-CN"), "awards").values.find((row) => row[1] === "十快")![4]).toBe("增加值增速 116.00%");
  });

  test("晋级名单 lists promotions first, then demotions and zones below the gate", () => {
    const promo = plan(zh, "promotions");
    const body = promo.values.slice(promo.headerRow + 1).map((r) => [r[1], r[3], r[4], r[5]]);
    expect(body).toEqual([
      ["郑州航空港区", "★★", "★★★", "晋级"],
      ["兰考县产业集聚区", "★", "无星", "未达门槛"],
    ]);
  });

  test("计算明细 has one row per zone and indicator with raw, score, weight and contribution", () => {
    const details = plan(zh, "details");
    expect(details.values.length - details.headerRow - 1).toBe(12);
    const taxRow = details.values.find((r) => r[1] === "郑州航空港区" && r[3] === "税收收入")!;
    // 68.5 / 100 × 30 points = 20.55.
    expect(taxRow.slice(0, 10)).toEqual([1, "郑州航空港区", "规模总量", "税收收入", 20, "亿元", "P90 封顶", 68.5, 30, expect.closeTo(20.55, 10)]);
    const missing = details.values.find((r) => r[1] === "=SUM(A1)" && r[3] === "税收收入")!;
    expect(missing[4]).toBe("缺失");
  });

  test("校验报告 lists the reader's issues and the engine's, each once, with localised messages", () => {
    const readerIssue = { severity: "error" as const, code: "NOT_A_NUMBER", sheet: "指标数据", cell: "E7", params: { value: "abc" } };
    const plans = buildResultPlans(smallResult(), [readerIssue, { severity: "warning", code: "FAST_FALLBACK_GROWTH" }], "zh-CN");
    const v = plan(plans, "validation");
    const body = v.values.slice(v.headerRow + 1);
    expect(body).toHaveLength(2);
    // The kind of problem in the report's language, never the code.
    expect(body[0].slice(0, 6)).toEqual([1, "错误", "指标数据", "E7", "", "不是数字"]);
    expect(body[0][6]).toContain("“abc”不是数字");
    expect(body[1][5]).toBe("十快改按增速评选");
    expect(plan(buildResultPlans(smallResult(), [readerIssue], "en-US"), "validation").values.find((r) => r[3] === "E7")![5]).toBe("Not a number");
    const clean = plan(buildResultPlans({ ...smallResult(), issues: [] }, [], "en-US"), "validation");
    expect(clean.values[clean.headerRow + 1][1]).toBe("No problems found.");
  });

  test("text cells resolve to the text format so formula-like names stay text; numbers keep their column format", () => {
    const ranking = plan(zh, "ranking");
    const r = ranking.values.findIndex((row, i) => i > ranking.headerRow && row[2] === "=SUM(A1)");
    const [formats] = resolveNumberFormats(ranking, r, r);
    expect(formats[2]).toBe("@");
    expect(formats[4]).toBe("0.00");
    expect(formats[0]).toBe("0");
  });

  test("large results keep one row per zone and stay rectangular", () => {
    const plans = buildResultPlans(largeResult(180), [], "zh-CN");
    const ranking = plan(plans, "ranking");
    expect(ranking.values.length - ranking.headerRow - 1).toBe(180);
    expect(plan(plans, "details").values.length - 2).toBe(540);
  });
});

// 集聚区档案: one printed page per zone whose figures are the JSON's (src/cli/json.ts), and the picker
// form whose lookups give the same page for whichever zone is picked.
import { join } from "node:path";
import { resultJson, type JsonZone } from "../../../src/cli/json";
import { getPreset, rate } from "../../../src/engine";
import { RunExplainer } from "../../../src/engine/explain";
import { formatQuantity, indicatorQuantity } from "../../../src/workbook/plan/quantities";
import type { RatingResult } from "../../../src/engine/types";
import { buildResultPlans } from "../../../src/workbook/plan/results";
import { resolveNumberFormats } from "../../../src/workbook/plan/formats";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan/types";
import { buildZonePages, MAX_ZONE_PAGES } from "../../../src/workbook/plan/zonePage";
import { sheetReader, type Scalar } from "../../excel/formulasEval";
import { prepareRun } from "../../../src/workbook/read/prepare";
import { readXlsxGrids } from "../../../src/xlsx/read";
import { table, zone } from "../../engine/fixtures";

const SAMPLE = join(__dirname, "../../../samples/henan-zones-sample.xlsx");

/** One zone's page in the pages form: from its heading to the row before the next. */
function pageOf(plan: SheetPlan, n: number): PlanCell[][] {
  const starts = [1, ...(plan.pageBreaks ?? [])];
  return plan.values.slice(starts[n], starts[n + 1] ?? plan.values.length);
}

/** The figure right of a label on a page (label–figure pairs). */
function after(page: PlanCell[][], label: string): PlanCell {
  for (const row of page) {
    const i = row.indexOf(label);
    if (i >= 0 && i + 1 < row.length) return row[i + 1];
  }
  throw new Error(`no ${label}`);
}

function rowStarting(page: PlanCell[][], first: string): PlanCell[] {
  const row = page.find((r) => r[0] === first);
  if (!row) throw new Error(`no row ${first}`);
  return row;
}

const STAR_NAMES = ["无星", "一星级", "二星级", "三星级", "四星级", "五星级", "六星级"];

describe("集聚区档案 on the bundled sample (180 zones)", () => {
  let result: RatingResult;
  let json: JsonZone[];
  let pages: SheetPlan;

  beforeAll(async () => {
    const prepared = prepareRun(await readXlsxGrids(SAMPLE), { locale: "zh-CN", presetId: "henan-2013" });
    result = rate(prepared.table!, prepared.rules!);
    json = resultJson(result, []).zones;
    pages = buildResultPlans(result, [], "zh-CN").find((p) => p.kind === "profile")!;
  });

  test("one page per zone: a page break before every zone but the first, the sheet's title repeated on each", () => {
    expect(json).toHaveLength(180);
    expect(pages.pageBreaks).toHaveLength(179);
    expect(pages.print).toMatchObject({ orientation: "portrait", paper: "A4", titleRows: [0, 0], fitToWidth: true });
    const heights = new Set(json.map((_, i) => pageOf(pages, i).length));
    expect(heights.size).toBe(1);
    // An A4 portrait page holds about 45 rows at Excel's default height.
    expect([...heights][0]).toBeLessThanOrEqual(40);
  });

  test("every page's figures are the JSON's: stars, composite, ranks, dimension points, awards, next star", () => {
    const dimNames = Object.fromEntries(getPreset("henan-2013")!.dimensions.map((d) => [d.nameZh, d.key]));
    const awardNames: Record<string, string> = { strong: "十强", fast: "十快", advanced: "十先进" };
    json.forEach((z, i) => {
      const page = pageOf(pages, i);
      expect(page[0][0]).toBe(`${z.zone}（${z.city}）`);
      expect(after(page, "星级")).toBe(z.stars > 0 ? "★".repeat(z.stars) : "无星");
      expect(after(page, "上年星级")).toBe(z.prevStars === null ? "" : z.prevStars > 0 ? "★".repeat(z.prevStars) : "无星");
      expect(Math.round((after(page, "综合得分") as number) * 10_000) / 10_000).toBe(z.composite);
      expect(after(page, "全省排名")).toMatch(new RegExp(`^第 ${z.rank} 名（(并列，)?共 180 个）$`));
      expect(after(page, "市内排名")).toMatch(new RegExp(`^第 ${z.cityRank} 名（`));
      const change = after(page, "名次变化") as string;
      if (z.rankChange === null) expect(change).toBe("无上年排名");
      else expect(change.startsWith(z.rankChange > 0 ? `↑${z.rankChange}` : z.rankChange < 0 ? `↓${-z.rankChange}` : "持平")).toBe(true);
      for (const [name, key] of Object.entries(dimNames)) expect(rowStarting(page, name)[1]).toBe(z.dimensions[key]);
      const won = z.awards.map((k) => awardNames[k]).join("、");
      expect(after(page, "获得表彰")).toBe(won === "" ? "未获表彰" : won);
      expect(after(page, "下一星级")).toBe(z.nextStar === null ? "已是最高星级" : STAR_NAMES[z.nextStar.level]);
      if (z.nextStar) {
        const shortfall = after(page, "晋级差距") as string;
        for (const [key, label] of [["va", "增加值"], ["tax", "税收"], ["emp", "从业人员"]] as const) {
          const gap = z.nextStar.shortfall[key];
          if (gap > 0) expect(shortfall).toContain(`${label}差 ${gap.toFixed(2)}`);
          else expect(shortfall).not.toContain(`${label}差`);
        }
      }
      expect(after(page, "否决事项")).toBe(z.vetoed ? result.zones[i].veto : "无");
    });
  });

  test("number formats: points with two decimals, raw values written in their indicator's format; a few entries for all 180 pages", () => {
    expect(pages.columnFormats.length).toBeLessThanOrEqual(6);
    const last = pages.pageBreaks![178];
    const composite = pages.values.findIndex((r, i) => i > last && r[0] === "综合得分");
    const raw = pages.values.findIndex((r, i) => i > last && r[0] === "优势");
    const formats = resolveNumberFormats(pages, composite, raw);
    expect(formats[0][1]).toBe("0.00");
    expect(formats[raw - composite][1]).toBe("@");
    // The page's last zone's strongest indicator, as the pane writes it: "10.44", never "10.4359".
    const z = result.zones[179];
    const strongest = new RunExplainer(result).profile(z.zone)!.strongest[0];
    expect(pages.values[raw][2]).toBe(strongest.raw === null ? "缺失" : formatQuantity(strongest.raw, indicatorQuantity(strongest.key)));
    expect(pages.values[raw][2]).toMatch(/^[\d,]+(\.\d{2,3})?$|^缺失$/);
  });

  test("the reason for each award missed names the place and the gap to the last winner", () => {
    const strong = result.awards.find((a) => a.key === "strong")!;
    const last = result.zones.find((z) => z.zone === strong.zones[strong.zones.length - 1])!;
    const i = result.zones.findIndex((z) => !z.vetoed && !z.belowGate && z.awards.length === 0);
    const z = result.zones[i];
    const reason = rowStarting(pageOf(pages, i), "十强")[1] as string;
    expect(reason).toContain(`距十强第 ${strong.zones.length} 名差 ${(last.composite - z.composite).toFixed(2)} 分`);
  });

  test("the medians and the 十强's means are the same on every page; the strongest indicator ranks no worse than the weakest", () => {
    const firstDims = pageOf(pages, 0).filter((r) => r[0] === "规模总量");
    json.forEach((_, i) => {
      const page = pageOf(pages, i);
      expect(rowStarting(page, "规模总量").slice(2, 5)).toEqual(firstDims[0].slice(2, 5));
      const rank = (r: PlanCell[]): number => Number(/第 (\d+) \//.exec(r[5] as string)![1]);
      const strong = page.filter((r) => r[0] === "优势").map(rank);
      const weak = page.filter((r) => r[0] === "弱项").map(rank);
      expect(Math.max(...strong)).toBeLessThanOrEqual(Math.min(...weak));
    });
  });

  test("the picker form: pick any zone and its lookups give that zone's page", () => {
    const picker = buildZonePages(result, "zh-CN", "picker");
    const pickerRow = picker.values.findIndex((r) => r[0] === "选择集聚区");
    const formulas = new Map(picker.formulas!.map((f) => [`${f.row},${f.col}`, f.formula]));
    const top = pickerRow + 2;
    for (const n of [0, 57, 179]) {
      const values = picker.values.map((r) => [...r]) as Scalar[][];
      values[pickerRow][1] = json[n].zone;
      const read = sheetReader(values, formulas);
      const expected = pageOf(pages, n);
      expected.forEach((row, r) => row.forEach((cell, c) => expect([r, c, read(top + r, c)]).toEqual([r, c, cell ?? null])));
    }
    // A name not on the list shows an empty page, not another zone's figures.
    const values = picker.values.map((r) => [...r]) as Scalar[][];
    values[pickerRow][1] = "不存在的集聚区";
    const read = sheetReader(values, formulas);
    expect(read(top, 0)).toBe("");
    expect(read(top + 6, 1)).toBe("");
  });

  test("the picker's list is every zone's name; the lookup block is hidden; the cached results are the first zone's page", () => {
    const picker = buildZonePages(result, "zh-CN", "picker");
    const list = picker.listValidation![0];
    const names = picker.values.slice(list.source.r0, list.source.r1 + 1).map((r) => r[list.source.c0]);
    expect(names).toEqual(json.map((z) => z.zone));
    expect(picker.hiddenColumns![0]).toBe(6);
    expect(picker.hiddenColumns![picker.hiddenColumns!.length - 1]).toBe(picker.values[0].length - 1);
    const first = pageOf(pages, 0);
    const pickerRow = picker.values.findIndex((r) => r[0] === "选择集聚区");
    for (const f of picker.formulas!.filter((f) => f.row >= pickerRow + 2 && f.col < 6)) {
      expect(f.result).toEqual(first[f.row - pickerRow - 2][f.col] ?? "");
      expect(f.format).not.toBe("@");
    }
  });
});

describe("集聚区档案 with a formula-like zone name and wildcard characters", () => {
  test("the picker finds a zone named with * ? ~ or = exactly, never another, and tells zones apart that differ in case only", () => {
    const ZONES = ["=SUM(A1)", "A*", "AB", "A?C", "ABC", "~x", "Zone a", "Zone A", "ZONE A"];
    const result = rate(table(ZONES.map((name, i) => zone(name, { va: 10 + i, tax: 2 + i, emp: 1 + i, rev: 5 + i }))), getPreset("henan-2013")!);
    const picker = buildZonePages(result, "zh-CN", "picker");
    const pickerRow = picker.values.findIndex((r) => r[0] === "选择集聚区");
    const formulas = new Map(picker.formulas!.map((f) => [`${f.row},${f.col}`, f.formula]));
    for (const zone of ZONES) {
      const values = picker.values.map((r) => [...r]) as Scalar[][];
      values[pickerRow][1] = zone;
      expect(sheetReader(values, formulas)(pickerRow + 2, 0)).toBe(`${zone}（郑州）`);
    }
  });
});

describe("a run with more zones than pages are printed for", () => {
  test("prints the first MAX_ZONE_PAGES zones by rank, one page each, and says how many were rated", () => {
    const zones = Array.from({ length: MAX_ZONE_PAGES + 7 }, (_, i) => zone(`区${i}`, { va: 10 + (i % 97), tax: 1 + (i % 13), emp: 1 + (i % 5) }));
    const result = rate(table(zones), getPreset("henan-2013")!);
    const plan = buildZonePages(result, "zh-CN", "pages");
    expect(plan.pageBreaks).toHaveLength(MAX_ZONE_PAGES - 1);
    expect(String(plan.values[1][0])).toContain(`${(MAX_ZONE_PAGES + 7).toLocaleString("en-US")} 个集聚区`);
    const leaders = [...result.zones].sort((a, b) => a.rank - b.rank).slice(0, MAX_ZONE_PAGES).map((z) => z.zone);
    const firstCells = [plan.values[2], ...plan.pageBreaks!.map((r) => plan.values[r])].map((row) => row.join("|"));
    leaders.forEach((name, i) => expect(firstCells[i]).toContain(name));
  });
});

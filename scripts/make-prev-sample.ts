// Writes last year's rated workbook for the bundled sample: samples/henan-zones-2012-rated.xlsx, a
// 2012 indicator sheet rated by this product (result sheets, 历年评定 with 2011 and 2012, 历年趋势),
// for trying 导入上年结果 (`npm run rate -- --prev samples/henan-zones-2012-rated.xlsx`).
// Deterministic: a seeded PRNG. Values are synthetic (示例数据), made so that what it carries
// forward agrees with the 2013 sample's own 上年综合排名 / 上年星级 / 历史最高星级 columns, except
// where names changed between the years:
// - 郑州航空港 is spelt without 产业 in 2012 (matched once names are normalised);
// - 长葛 is spelt without 市 in 2012 (not matched: listed with its likely match, for 名称对照);
// - 南阳鸭河工区 is new in 2013 (新评), and 洛阳空港 was rated in 2012 only.
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPreset, rate } from "../src/engine";
import type { HistoryRow } from "../src/engine/history";
import type { CellValue } from "../src/workbook/grid";
import { buildResultPlans } from "../src/workbook/plan/results";
import type { SheetKind } from "../src/workbook/plan/types";
import { prepareRun } from "../src/workbook/read/prepare";
import { finishYearCycle, startYearCycle } from "../src/workbook/yearCycle";
import { readXlsxGrids } from "../src/xlsx/read";
import { writeResultXlsx } from "../src/xlsx/writeFile";
import { HEADER, round, sampleSheetRows, seededRandom, SAMPLE_SHEET } from "./make-sample";

export const PREV_SAMPLE_YEAR = 2012;
export const PREV_SAMPLE_FILE = "henan-zones-2012-rated.xlsx";
const SEED = 20121231;
const RULES = "henan-2013";

/** 2013 name → how 2012 spelt it. */
export const SPELT_IN_2012: Readonly<Record<string, string>> = {
  郑州航空港产业集聚区: "郑州航空港集聚区",
  长葛市产业集聚区: "长葛产业集聚区",
};
export const NEW_IN_2013 = "南阳鸭河工区产业集聚区";
export const ONLY_IN_2012 = { zone: "洛阳空港产业集聚区", city: "洛阳", group: "豫西" };

const SHEETS_KEPT: ReadonlySet<SheetKind> = new Set<SheetKind>(["stars", "ranking", "byCity", "awards", "promotions", "validation"]);

/** Zones ranked last in 2012 and below the gate, as the 2013 sample's lowest ranks suggest. */
const BELOW_GATE_2012 = 6;
/** Composite points between neighbours in 2012's ranking after the 扣分 that orders them. */
const RANK_GAP = 0.02;

/** The 2012 columns: the 2013 sheet's without last year's figures, which the 2011 history supplies. */
const COLUMNS_2012 = HEADER.filter((h) => !["上年综合排名", "上年星级", "历史最高星级"].includes(h));

interface Zone2012 {
  zone: string;
  city: string;
  group: string;
  rank: number;
  stars: number;
  /** 2011's level: the 2013 sample's 历史最高星级 where it exceeds 2012's. */
  stars2011: number;
}

function col(name: string): number {
  return HEADER.indexOf(name);
}

/** 2012's zones with the rank and level the 2013 sample says they had, and 2011's level. */
export function zones2012(): Zone2012[] {
  const rows = sampleSheetRows().slice(4, -1);
  const zone = (r: CellValue[]) => String(r[col("集聚区名称")]);
  const out: Zone2012[] = [];
  for (const r of rows) {
    const name = zone(r);
    const prevRank = r[col("上年综合排名")] as number;
    const prevStars = r[col("上年星级")] as number;
    const maxStars = r[col("历史最高星级")] as number;
    const base = { city: String(r[col("所属地市")]), group: String(r[col("区域组")]), rank: prevRank, stars: prevStars, stars2011: maxStars };
    out.push(name === NEW_IN_2013 ? { ...base, ...ONLY_IN_2012 } : { ...base, zone: SPELT_IN_2012[name] ?? name });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/** The henan-2013 ladder: gate, then 1★ … 6★, on va / tax / emp. */
const LADDER = (() => {
  const stars = getPreset(RULES)!.stars;
  return [stars.gate, ...stars.levels].map((t) => [t.va, t.tax, t.emp]);
})();

/** va, tax, emp at `level`, placed in its band by q (0..1); below the gate, tax falls short of it. */
function starValues(level: number, belowGate: boolean, q: number): [number, number, number] {
  const at = (k: number) => {
    if (belowGate && k === 1) return LADDER[0][k] * 0.8;
    const lo = LADDER[level][k];
    return lo + (LADDER[level + 1][k] - lo) * (0.05 + 0.9 * q);
  };
  return [round(at(0), 2), round(at(1), 2), round(at(2), 2)];
}

function indicatorRows(zones: readonly Zone2012[], penalty: ReadonlyMap<string, number>): CellValue[][] {
  const rand = seededRandom(SEED);
  const n = zones.length;
  const rows: CellValue[][] = [[`${PREV_SAMPLE_YEAR}年度河南省产业集聚区考核指标（示例数据）`], ["说明：本表数值均为程序生成的示例数据，仅用于演示年度结转，不代表任何产业集聚区的真实情况；“扣分”用于使本年排名与2013年示例表中的“上年综合排名”一致。"], [], COLUMNS_2012];
  zones.forEach((z, i) => {
    const belowGate = z.stars === 0 && z.rank > n - BELOW_GATE_2012;
    // Better-ranked zones sit higher in their level's band and grow, invest and innovate more, so the 扣分 that orders them stays small.
    const q = 1 - (z.rank - 1) / (n - 1);
    const [va, tax, emp] = starValues(z.stars, belowGate, q);
    const growth = 0.03 + q * 0.2 + rand() * 0.04;
    const energy = 1.3 - q * 0.8 + rand() * 0.1;
    const values: Record<string, CellValue> = {
      序号: i + 1,
      集聚区名称: z.zone,
      所属地市: z.city,
      区域组: z.group,
      "增加值（亿元）": va,
      "上年增加值（亿元）": round(va / (1 + growth), 2),
      "税收收入（亿元）": tax,
      "从业人员（万人）": emp,
      "主营业务收入（亿元）": round(va * (2.8 + q * 1.6 + rand() * 0.2), 2),
      "固定资产投资（亿元）": round(va * (0.7 + q * 0.8 + rand() * 0.1), 2),
      "实际利用省外资金（万元）": Math.round(va * (0.15 + q * 0.35 + rand() * 0.05) * 10_000),
      "主导产业增加值占比（%）": round(40 + q * 45 + rand() * 3, 1),
      "工业用地面积（亩）": Math.round((tax * 10_000) / (3 + q * 15 + rand())),
      "研发经费支出（亿元）": round(va * (0.004 + q * 0.02 + rand() * 0.002), 3),
      "智能化改造普及率（%）": round(8 + q * 50 + rand() * 4, 1),
      "万元工业增加值能耗（吨标准煤/万元）": round(energy, 3),
      "上年万元工业增加值能耗（吨标准煤/万元）": round(energy * (1.02 + q * 0.1 + rand() * 0.01), 3),
      加分: null,
      扣分: penalty.get(z.zone) ?? null,
      否决事项: null,
    };
    rows.push(COLUMNS_2012.map((h) => values[h] ?? null));
  });
  return rows.map((r) => [...r, ...Array<CellValue>(COLUMNS_2012.length - r.length).fill(null)]);
}

async function writeSheet(rows: CellValue[][], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2013, 0, 1));
  wb.creator = "make-prev-sample";
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(4).font = { bold: true };
  ws.getColumn(2).width = 30;
  await wb.xlsx.writeFile(file);
}

/** 2011 as history rows: the level each zone had, ranks in 2012's order shuffled a little. */
function history2011(zones: readonly Zone2012[]): HistoryRow[] {
  const rand = seededRandom(SEED + 1);
  const order = zones.map((z) => ({ z, key: z.rank + (rand() - 0.5) * 30 })).sort((a, b) => a.key - b.key);
  return order.map(({ z }, i) => ({ year: PREV_SAMPLE_YEAR - 1, zone: z.zone, prevNames: [], city: z.city, stars: z.stars2011, status: null, rank: i + 1, cityRank: null, composite: null, awards: [] }));
}

/**
 * 扣分 that puts 2012's composites in the ranks the 2013 sample names: each zone ends at least
 * RANK_GAP below the one ranked above it. 扣分 moves no statistic, so the other scores stay put.
 */
function orderingPenalty(zones: readonly Zone2012[], composite: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let ceiling = Infinity;
  for (const z of zones) {
    const c = composite.get(z.zone)!;
    const target = Math.min(c, ceiling - RANK_GAP);
    const penalty = Math.ceil((c - target) * 100) / 100;
    if (penalty > 0) out.set(z.zone, penalty);
    ceiling = c - penalty;
  }
  return out;
}

/** Rates the 2012 sheet with the 2011 history and writes the rated workbook into `dir`; returns its path. */
export async function writePrevSample(dir: string): Promise<string> {
  const zones = zones2012();
  const rules = getPreset(RULES)!;
  const work = mkdtempSync(join(tmpdir(), "prev-sample-"));
  try {
    const rateWith = async (penalty: ReadonlyMap<string, number>) => {
      const input = join(work, `${PREV_SAMPLE_YEAR}.xlsx`);
      await writeSheet(indicatorRows(zones, penalty), input);
      const grids = await readXlsxGrids(input);
      const prepared = prepareRun(grids, { locale: "zh-CN", presetId: RULES });
      if (!prepared.table) throw new Error(`The ${PREV_SAMPLE_YEAR} sheet does not read: ${prepared.issues.map((i) => i.message).join("; ")}`);
      const cycle = startYearCycle(prepared.table, { sheets: grids.map((grid) => ({ grid })), previous: { year: PREV_SAMPLE_YEAR - 1, rows: history2011(zones), history: [], issues: [] }, locale: "zh-CN" });
      const result = rate(cycle.table, rules);
      return { input, prepared, cycle, result };
    };
    const first = await rateWith(new Map());
    const run = await rateWith(orderingPenalty(zones, new Map(first.result.zones.map((z) => [z.zone, z.composite]))));
    const wrong = run.result.zones.filter((z) => zones.find((x) => x.zone === z.zone)!.rank !== z.rank || zones.find((x) => x.zone === z.zone)!.stars !== z.stars);
    if (wrong.length > 0) throw new Error(`2012 came out other than the 2013 sample says for ${wrong.map((z) => z.zone).join(", ")}`);
    const end = finishYearCycle(run.cycle, run.result, "zh-CN");
    // 计算明细 and the like are left out: an import reads none of them, and they would make the sample twenty times larger.
    const plans = [...buildResultPlans(run.result, [...run.prepared.issues, ...run.cycle.issues, ...end.issues], "zh-CN").filter((p) => SHEETS_KEPT.has(p.kind)), ...end.plans];
    const out = join(dir, PREV_SAMPLE_FILE);
    await writeResultXlsx(plans, { input: run.input, outPath: out });
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

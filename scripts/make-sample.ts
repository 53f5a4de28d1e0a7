// Writes the bundled sample: samples/henan-zones-sample.xlsx and the same sheet as Grid[] JSON
// (for the browser demo). Deterministic: a seeded PRNG, so every run gives the same zones and
// values. Values are synthetic (示例数据), tuned so that under henan-2013 the stars come out as
// the published 2013 picture: 2 zones at 3★, 11 at 2★, 49 at 1★.
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PRESETS } from "../src/engine";
import { seededRandom } from "../src/engine/random";
import type { CellValue, Grid } from "../src/workbook/grid";
import { PINNED_STARS, SAMPLE_CITIES } from "./sampleZones";

export const SAMPLE_SHEET = "指标数据";
export const SAMPLE_YEAR = 2013;
const SEED = 20131231;

/** Published 2013 counts: level → zones. */
const TARGET_COUNTS: Readonly<Record<number, number>> = { 3: 2, 2: 11, 1: 49 };
const BELOW_GATE = 8;

/** The henan-2013 ladder (SPEC §4.3) on va / tax / emp: gate, then 1★ … 6★, taken from the preset the sample is tuned for. */
const LADDER: ReadonlyArray<readonly [number, number, number]> = [PRESETS["henan-2013"].stars.gate, ...PRESETS["henan-2013"].stars.levels].map((t) => [t.va, t.tax, t.emp] as const);

export const HEADER = [
  "序号",
  "集聚区名称",
  "所属地市",
  "区域组",
  "增加值（亿元）",
  "上年增加值（亿元）",
  "税收收入（亿元）",
  "从业人员（万人）",
  "主营业务收入（亿元）",
  "固定资产投资（亿元）",
  "实际利用省外资金（万元）",
  "主导产业增加值占比（%）",
  "工业用地面积（亩）",
  "研发经费支出（亿元）",
  "智能化改造普及率（%）",
  "万元工业增加值能耗（吨标准煤/万元）",
  "上年万元工业增加值能耗（吨标准煤/万元）",
  "上年综合排名",
  "上年星级",
  "历史最高星级",
  "加分",
  "扣分",
  "否决事项",
];

/** Columns summed on the 合计 row (0-based indices into HEADER). */
const SUMMED = [4, 5, 6, 7, 8, 9, 10, 12, 13];

const VETOES = ["发生重大安全生产事故", "中央环保督察反馈问题未按期整改", "违法违规占用耕地"];

/** The engine's seeded source, where the sample's tests and the benchmarks have always taken it from. */
export { seededRandom };

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

interface SampleZone {
  name: string;
  city: string;
  group: string;
  level: number;
  belowGate: boolean;
}

function prominence(stem: string, city: string): number {
  const major = ["郑州", "洛阳"].includes(city) ? 1 : 0;
  const national = /经济技术|高新技术|装备|石化|新能源/.test(stem) ? 1 : 0;
  const urban = /区$/.test(stem) ? -0.6 : 0;
  return major + national + urban;
}

function assignLevels(rand: () => number): SampleZone[] {
  const zones = SAMPLE_CITIES.flatMap((c) => c.zones.map((stem) => ({ stem, city: c.city, group: c.group })));
  const remaining: Record<number, number> = { ...TARGET_COUNTS };
  for (const level of Object.values(PINNED_STARS)) remaining[level]--;
  const free = zones
    .filter((z) => PINNED_STARS[z.stem] === undefined)
    .map((z) => ({ z, key: prominence(z.stem, z.city) + rand() * 2.2 }))
    .sort((a, b) => b.key - a.key);
  const levelOf = new Map<string, number>();
  let i = 0;
  for (const level of [3, 2, 1]) for (let k = 0; k < remaining[level]; k++) levelOf.set(free[i++].z.stem, level);
  const belowGate = new Set(free.slice(free.length - BELOW_GATE).map((f) => f.z.stem));
  return zones.map((z) => ({
    name: `${z.stem}产业集聚区`,
    city: z.city,
    group: z.group,
    level: PINNED_STARS[z.stem] ?? levelOf.get(z.stem) ?? 0,
    belowGate: belowGate.has(z.stem),
  }));
}

/** va, tax, emp that meet exactly the zone's level: each within its band, one below the next level. */
function starIndicators(z: SampleZone, rand: () => number): [number, number, number] {
  const binding = Math.floor(rand() * 3);
  const out: number[] = [];
  for (let k = 0; k < 3; k++) {
    if (z.belowGate) {
      const gate = LADDER[0][k];
      out.push(k === binding ? gate * (0.45 + rand() * 0.45) : gate + (LADDER[1][k] - gate) * (0.1 + rand() * 0.8));
      continue;
    }
    const lo = LADDER[z.level][k];
    const hi = LADDER[z.level + 1][k];
    const r = k === binding ? 0.05 + rand() * 0.9 : 0.05 + rand() * 1.2;
    out.push(lo + (hi - lo) * r);
  }
  return [round(out[0], 2), round(out[1], 2), round(out[2], 2)];
}

function prevStarsOf(level: number, rand: () => number): number {
  const r = rand();
  if (r < 0.6) return level;
  if (r < 0.9) return Math.max(0, level - 1);
  return Math.min(6, level + 1);
}

/** The sample sheet's rows: title block, header, 180 zones, a 合计 row. */
export function sampleSheetRows(): CellValue[][] {
  const rand = seededRandom(SEED);
  const zones = assignLevels(rand);
  const prevOrder = zones
    .map((z, i) => ({ i, key: z.level + (z.belowGate ? -1 : 0) + rand() * 1.6 }))
    .sort((a, b) => b.key - a.key);
  const prevRank = new Array<number>(zones.length);
  prevOrder.forEach((p, r) => (prevRank[p.i] = r + 1));
  const vetoed = new Set<number>();
  while (vetoed.size < VETOES.length) {
    const i = Math.floor(rand() * zones.length);
    if (zones[i].level === 0) vetoed.add(i);
  }
  const vetoText = new Map([...vetoed].map((i, k) => [i, VETOES[k]]));

  const rows: CellValue[][] = [
    [`${SAMPLE_YEAR}年度河南省产业集聚区考核指标（示例数据）`],
    ["说明：本表数值均为程序生成的示例数据，仅用于演示评定流程，不代表任何产业集聚区的真实情况。"],
    [],
    HEADER,
  ];
  zones.forEach((z, i) => {
    const [va, tax, emp] = starIndicators(z, rand);
    // Stronger zones tend to grow, invest and innovate more, as in the published lists.
    const lift = z.level / 3;
    const growth = 0.04 + rand() * 0.24 + lift * 0.06;
    const energy = 0.3 + rand() * 1.1;
    const prevStars = prevStarsOf(z.level, rand);
    const bonus = rand() < 0.06 ? round(1 + rand() * 5, 1) : null;
    const penalty = rand() < 0.04 ? round(0.5 + rand() * 2.5, 1) : null;
    rows.push([
      i + 1,
      z.name,
      z.city,
      z.group,
      va,
      round(va / (1 + growth), 2),
      tax,
      emp,
      round(va * (2.8 + rand() * 1.8), 2),
      round(va * (0.7 + rand() * 0.8 + lift * 0.3), 2),
      Math.round(va * (0.15 + rand() * 0.4) * 10_000),
      round(38 + rand() * 42 + lift * 8, 1),
      Math.round((tax * 10_000) / (3 + rand() * 17)),
      round(va * (0.004 + rand() * 0.022), 3),
      round(8 + rand() * 55, 1),
      round(energy, 3),
      round(energy * (1.02 + rand() * 0.12), 3),
      prevRank[i],
      prevStars,
      Math.max(prevStars, rand() < 0.15 ? Math.min(6, prevStars + 1) : prevStars),
      bonus,
      penalty,
      vetoText.get(i) ?? null,
    ]);
  });
  const total: CellValue[] = HEADER.map(() => null);
  total[1] = "合计";
  for (const c of SUMMED) total[c] = round(rows.slice(4).reduce((s, r) => s + (r[c] as number), 0), 2);
  rows.push(total);
  const width = HEADER.length;
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
}

/** The sample as the Grid the browser demo loads (what readXlsxGrids gives for the .xlsx). */
export function sampleGrid(): Grid {
  return { sheet: SAMPLE_SHEET, originRow: 0, originCol: 0, values: sampleSheetRows() };
}

export async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // Fixed dates keep the document properties the same on every run.
  wb.created = wb.modified = new Date(Date.UTC(2014, 0, 1));
  wb.creator = "make-sample";
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  for (const row of sampleSheetRows()) ws.addRow(row);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(4).font = { bold: true };
  ws.getColumn(2).width = 30;
  ws.views = [{ state: "frozen", ySplit: 4, xSplit: 2 }];
  return wb;
}

/** Writes the sample workbook and its grid as JSON (for the browser demo) into `dir`; returns the workbook path. */
export async function writeSample(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const wb = await sampleWorkbook();
  const file = join(dir, "henan-zones-sample.xlsx");
  await wb.xlsx.writeFile(file);
  writeFileSync(join(dir, "henan-zones-sample.json"), JSON.stringify([sampleGrid()]) + "\n", "utf8");
  return file;
}

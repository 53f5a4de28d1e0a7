import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sampleGrid, sampleSheetRows, seededRandom } from "../../scripts/make-sample";
import { readXlsxGrids } from "../../src/xlsx/read";
import { readIndicatorTable } from "../../src/workbook/read/table";
import type { Grid } from "../../src/workbook/grid";
import { REPO } from "./run";

const CITIES = ["郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "济源"];

describe("bundled sample", () => {
  it("is generated deterministically from a seed", () => {
    expect(sampleSheetRows()).toEqual(sampleSheetRows());
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it("is committed as generated: the JSON and the workbook hold the generator's sheet", async () => {
    const json = JSON.parse(readFileSync(join(REPO, "samples/henan-zones-sample.json"), "utf8")) as Grid[];
    expect(json).toEqual([sampleGrid()]);
    const [sheet] = await readXlsxGrids(join(REPO, "samples/henan-zones-sample.xlsx"));
    expect(sheet.sheet).toBe("指标数据");
    expect(sheet.values).toEqual(sampleGrid().values);
  });

  it("holds 180 uniquely named zones over 17 cities and 济源, a 合计 row and a 万元 column", () => {
    const { table, issues } = readIndicatorTable(sampleGrid());
    expect(issues.map((i) => i.code)).toEqual(["TOTALS_ROW_SKIPPED"]);
    expect(table?.year).toBe(2013);
    const zones = table?.zones ?? [];
    expect(zones).toHaveLength(180);
    expect(new Set(zones.map((z) => z.zone)).size).toBe(180);
    expect([...new Set(zones.map((z) => z.city))].sort()).toEqual([...CITIES].sort());
    expect(zones.map((z) => z.zone)).toEqual(expect.arrayContaining(["郑州航空港产业集聚区", "新郑市产业集聚区", "临颍县产业集聚区", "济源市虎岭产业集聚区"]));
    expect(zones.map((z) => z.prevRank).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    const header = sampleGrid().values[3];
    const outCapCol = header.indexOf("实际利用省外资金（万元）");
    expect(outCapCol).toBeGreaterThan(0);
    // The sheet holds 万元; the table holds 亿元: 10,000 times smaller.
    expect(zones[0].values.outCap).toBeCloseTo((sampleGrid().values[4][outCapCol] as number) / 10_000, 10);
    expect(zones.filter((z) => z.veto).length).toBeGreaterThanOrEqual(2);
    expect(zones.filter((z) => z.bonus !== undefined).length).toBeGreaterThan(0);
    expect(zones.filter((z) => z.penalty !== undefined).length).toBeGreaterThan(0);
  });
});

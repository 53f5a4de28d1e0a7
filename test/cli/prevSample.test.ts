// The bundled samples through the yearly cycle: 2013 rated with 2012's rated workbook, and the
// 2019 high-quality rules (达标情况) on the sample.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NEW_IN_2013, ONLY_IN_2012, SPELT_IN_2012, writePrevSample, PREV_SAMPLE_FILE } from "../../scripts/make-prev-sample";
import { HEADER, sampleSheetRows } from "../../scripts/make-sample";
import type { JsonYearCycle } from "../../src/cli/yearCycle";
import { readKindedSheets, readXlsxWorkbook } from "../../src/xlsx/read";
import { REPO, runCliAsync } from "./run";

const PREV_SAMPLE = join(REPO, "samples", PREV_SAMPLE_FILE);

interface Json {
  zones: Array<{ zone: string; prevStars: number | null; targets?: Record<string, { value: number | null; target: number; met: boolean | null }> }>;
  issues: Array<{ code: string; severity: string }>;
  yearCycle: JsonYearCycle;
}

describe("the 2012 sample carried into the 2013 sample", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-prev-sample-"));
  let json: Json;
  let stdout: string;

  beforeAll(async () => {
    const run = await runCliAsync(["--prev", PREV_SAMPLE, "--out", join(dir, "rated.xlsx"), "--json", join(dir, "r.json")], dir);
    expect(run.status).toBe(0);
    stdout = run.stdout;
    json = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as Json;
  });

  it("agrees with the sample's own 上年 columns wherever a name matches, so nothing conflicts", () => {
    expect(json.issues.filter((i) => i.code === "PREV_VALUE_CONFLICT")).toEqual([]);
    expect(json.yearCycle.prevYear).toBe(2012);
    expect(json.yearCycle.historyYears).toEqual([2011, 2012, 2013]);
  });

  it("matches 2012's spellings where normalised names agree and lists the rest with their likely matches", () => {
    const aviation = Object.keys(SPELT_IN_2012).find((z) => z.startsWith("郑州航空港"))!;
    expect(json.yearCycle.matched.find((m) => m.zone === aviation)).toEqual({ zone: aviation, from: [SPELT_IN_2012[aviation]], by: "normalised" });
    expect(json.yearCycle.matched).toHaveLength(178);
    expect(json.yearCycle.newZones.sort()).toEqual([NEW_IN_2013, "长葛市产业集聚区"].sort());
    expect(json.yearCycle.droppedZones.sort()).toEqual([ONLY_IN_2012.zone, "长葛产业集聚区"].sort());
    expect(stdout).toContain("上年结果（2012）: 对应 178 个，新评 2 个，上年有本年无 2 个");
  });

  it("warns the zones last or below the gate in two of the three years", () => {
    expect(json.yearCycle.exitWarnings.length).toBeGreaterThan(0);
    for (const w of json.yearCycle.exitWarnings) expect(w.years.filter((y) => y >= 2011).length).toBeGreaterThanOrEqual(2);
    expect(json.issues.filter((i) => i.code === "EXIT_WARNING")).toHaveLength(json.yearCycle.exitWarnings.length);
  });

  it("is committed as the generator writes it: the sheets an import reads", async () => {
    const read = ["指标数据", "星级评定", "综合排名", "历年评定"];
    const pick = (sheets: Awaited<ReturnType<typeof readKindedSheets>>) => sheets.filter((s) => read.includes(s.grid.sheet)).map((s) => [s.grid.sheet, s.grid.values]);
    const fresh = pick(await readKindedSheets(await writePrevSample(dir)));
    expect(fresh).toHaveLength(read.length);
    expect(pick(await readKindedSheets(PREV_SAMPLE))).toEqual(fresh);
  });
});

describe("henan-2019 on the sample", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-2019-"));
  let json: Json;
  let stdout: string;
  let sheets: string[];

  beforeAll(async () => {
    const run = await runCliAsync(["--rules", "henan-2019", "--out", join(dir, "rated.xlsx"), "--json", join(dir, "r.json")], dir);
    expect(run.status).toBe(0);
    stdout = run.stdout;
    json = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as Json;
    sheets = (await readXlsxWorkbook(join(dir, "rated.xlsx"))).sheets.map((s) => s.name);
  });

  it("checks the plan's three official targets and the inferred ones, and counts them as the sheet's own figures do", () => {
    expect(json.yearCycle.targets.map((t) => [t.indicator, t.target])).toEqual([
      ["taxPerMu", 15],
      ["leadShare", 70],
      ["rdIntensity", 2],
      ["rev", 1000],
      ["energyDrop", 4],
      ["energy", 0.5],
      ["smart", 60],
    ]);
    // 亩均税收 from the sample's own cells: 税收 (亿元) × 10,000 / 工业用地 (亩).
    const rows = sampleSheetRows().slice(4, -1);
    const tax = HEADER.indexOf("税收收入（亿元）");
    const land = HEADER.indexOf("工业用地面积（亩）");
    const smart = HEADER.indexOf("智能化改造普及率（%）");
    const taxPerMu = json.yearCycle.targets[0];
    expect(taxPerMu.met).toBe(rows.filter((r) => ((r[tax] as number) * 10_000) / (r[land] as number) >= 15).length);
    expect(taxPerMu.met + taxPerMu.notMet + taxPerMu.missing).toBe(180);
    expect(json.yearCycle.targets[6].met).toBe(rows.filter((r) => (r[smart] as number) >= 60).length);
    const allMet = json.zones.filter((z) => Object.values(z.targets ?? {}).every((c) => c.met === true)).length;
    expect(json.yearCycle.targetsAllMet).toBe(allMet);
  });

  it("prints the counts and writes the 达标情况 sheet", () => {
    expect(stdout).toContain("达标情况:");
    expect(stdout).toMatch(/亩均税收：目标 15 万元\/亩（省文件）——达标 \d+ 个，未达标 \d+ 个，缺数据 0 个/);
    expect(sheets).toContain("达标情况");
  });
});

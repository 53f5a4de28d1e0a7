// The yearly cycle through the command line: workbooks for 2011–2013 are generated here, rated year
// after year with --prev, and what is carried forward is compared with values worked out by hand.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPreset } from "../../src/engine";
import type { Rules } from "../../src/engine/types";
import type { JsonYearCycle } from "../../src/cli/yearCycle";
import { readKindedSheets, readXlsxWorkbook } from "../../src/xlsx/read";
import { readHistorySheet } from "../../src/workbook/read/previous";
import { runCliAsync } from "./run";

/** va, tax, emp per zone and year; levels by the henan-2013 ladder (gate 10/1.5/0.4, 1★ 25/3.75/1, 2★ 50/7.5/2, 3★ 100/15/4). */
const YEARS: Record<number, Array<[string, number, number, number]>> = {
  2011: [
    ["甲产业集聚区", 120, 16, 5], // 3★
    ["乙产业集聚区", 60, 8, 2.5], // 2★
    ["丙产业集聚区", 30, 4, 1.2], // 1★
    ["许昌县产业集聚区", 28, 4, 1.1], // 1★
    ["丁产业集聚区", 20, 2, 0.5], // 0★, on the gate
    ["戊产业集聚区", 8, 1, 0.3], // below the gate
  ],
  2012: [
    ["甲产业集聚区", 110, 16, 5], // 3★
    ["丙产业集聚区", 55, 8, 2.2], // 2★
    ["乙产业集聚区", 40, 5, 1.5], // 1★
    ["许昌县产业集聚区", 26, 3.8, 1], // 1★
    ["戊产业集聚区", 12, 1.6, 0.45], // 0★
    ["丁产业集聚区", 9, 1, 0.3], // below the gate
  ],
  2013: [
    ["甲产业集聚区", 130, 16, 5], // 3★
    ["乙产业集聚区", 70, 9, 2.5], // 2★
    ["己产业集聚区", 50, 7.5, 2], // 2★, new
    ["丙产业集聚区", 45, 6, 1.8], // 1★
    ["建安区产业集聚区", 35, 5, 1.5], // 1★: 许昌县 became 建安区
    ["丁产业集聚区", 15, 2, 0.5], // 0★
    ["戊产业集聚区", 5, 0.5, 0.1], // below the gate
  ],
};

/** What the user typed in 2013's 上年星级 column: 甲 as the import says, 丙 otherwise (the import says 2). */
const TYPED_PREV_STARS_2013: Record<string, number> = { 甲产业集聚区: 3, 丙产业集聚区: 1 };

async function writeYear(dir: string, year: number, renames: Record<string, string> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  ws.addRow([`${year}年度产业集聚区考核指标`]);
  const typed = year === 2013;
  ws.addRow(["集聚区名称", "所属地市", "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）", ...(typed ? ["上年星级"] : [])]);
  for (const [zone, va, tax, emp] of YEARS[year]) ws.addRow([renames[zone] ?? zone, "许昌", va, tax, emp, ...(typed ? [TYPED_PREV_STARS_2013[zone] ?? null] : [])]);
  const file = join(dir, `${year}${Object.keys(renames).length > 0 ? "-renamed" : ""}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Ranked by value added alone; top 2 strongest, the fastest riser; last 2 twice in three years warned. */
function rulesFile(dir: string): string {
  const base = getPreset("henan-2013")!;
  const rules: Rules = {
    ...base,
    id: "test-cycle",
    dimensions: [{ key: "scale", nameZh: "规模", nameEn: "Scale", weight: 100, provenance: "inferred", indicators: [{ key: "va", weight: 1, method: "minmax", provenance: "inferred" }] }],
    awards: [
      { key: "strong", nameZh: "十强", nameEn: "Strongest", selection: { kind: "top", count: 2, metric: { kind: "composite" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "inferred" },
      { key: "fast", nameZh: "十快", nameEn: "Fastest", selection: { kind: "top", count: 1, metric: { kind: "rankChange" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "inferred" },
    ],
    exit: { bottomN: 2, times: 2, window: 3, provenance: "inferred" },
  };
  const file = join(dir, "rules.json");
  writeFileSync(file, JSON.stringify(rules));
  return file;
}

interface Zone {
  zone: string;
  rank: number;
  rankChange: number | null;
  stars: number;
  prevStars: number | null;
  starStatus: string;
  history?: { yearsAtLevel: number; maxStars: number; exitWarning: number[] | null };
}

interface Json {
  year: number;
  zones: Zone[];
  issues: Array<{ code: string; cell: string | null; severity: string }>;
  yearCycle: JsonYearCycle;
}

function byZone(json: Json): Record<string, Zone> {
  return Object.fromEntries(json.zones.map((z) => [z.zone.replace("产业集聚区", ""), z]));
}

function pick(json: Json, field: (z: Zone) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(byZone(json)).map(([k, z]) => [k, field(z)]));
}

async function rateYear(dir: string, input: string, name: string, extra: string[]): Promise<{ status: number | null; stdout: string; json: Json; out: string }> {
  const out = join(dir, `${name}-rated.xlsx`);
  const jsonPath = join(dir, `${name}.json`);
  const run = await runCliAsync([input, "--rules", join(dir, "rules.json"), "--out", out, "--json", jsonPath, ...extra], dir);
  if (run.status !== 0) throw new Error(`rate ${name} exited ${run.status}: ${run.stdout}${run.stderr}`);
  return { status: run.status, stdout: run.stdout, json: JSON.parse(readFileSync(jsonPath, "utf8")) as Json, out };
}

describe("three years rated one after the other with --prev", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-prev3-"));
  let y2012: Json;
  let y2013: Json;
  let out2013: string;
  let stdout2013: string;

  beforeAll(async () => {
    rulesFile(dir);
    const r2011 = await rateYear(dir, await writeYear(dir, 2011), "2011", ["--history"]);
    const r2012 = await rateYear(dir, await writeYear(dir, 2012), "2012", ["--prev", r2011.out]);
    y2012 = r2012.json;
    const r2013 = await rateYear(dir, await writeYear(dir, 2013), "2013", ["--prev", r2012.out]);
    y2013 = r2013.json;
    out2013 = r2013.out;
    stdout2013 = r2013.stdout;
  });

  it("carries 2011's levels into 2012: a first star from 1★ to 2★, a demotion, 退出预警 for the last two twice", () => {
    expect(pick(y2012, (z) => z.starStatus)).toEqual({ 甲: "kept", 丙: "first", 乙: "demoted", 许昌县: "kept", 戊: "kept", 丁: "belowGate" });
    expect(pick(y2012, (z) => z.rankChange)).toEqual({ 甲: 0, 丙: 1, 乙: -1, 许昌县: 0, 戊: 1, 丁: -1 });
    expect(y2012.yearCycle.exitWarnings).toEqual([
      { zone: "戊产业集聚区", years: [2011, 2012] },
      { zone: "丁产业集聚区", years: [2011, 2012] },
    ]);
  });

  it("carries 2012 into 2013 across the rename of 许昌县 to 建安区, with the true historical maximum", () => {
    expect(y2013.yearCycle.prevYear).toBe(2012);
    expect(y2013.yearCycle.matched.find((m) => m.zone === "建安区产业集聚区")).toEqual({ zone: "建安区产业集聚区", from: ["许昌县产业集聚区"], by: "renamed" });
    expect(y2013.yearCycle.newZones).toEqual(["己产业集聚区"]);
    expect(y2013.yearCycle.droppedZones).toEqual([]);
    expect(pick(y2013, (z) => z.rank)).toEqual({ 甲: 1, 乙: 2, 己: 3, 丙: 4, 建安区: 5, 丁: 6, 戊: 7 });
    expect(pick(y2013, (z) => z.rankChange)).toEqual({ 甲: 0, 乙: 1, 己: null, 丙: -2, 建安区: -1, 丁: 0, 戊: -2 });
    // 丙's typed 1 stays though the import says 2; 乙 was 2★ in 2011, so 2013's 2★ is a promotion, not a first star.
    expect(pick(y2013, (z) => z.prevStars)).toEqual({ 甲: 3, 乙: 1, 己: null, 丙: 1, 建安区: 1, 丁: 0, 戊: 0 });
    expect(pick(y2013, (z) => z.starStatus)).toEqual({ 甲: "kept", 乙: "promoted", 己: "new", 丙: "kept", 建安区: "kept", 丁: "kept", 戊: "belowGate" });
    const conflict = y2013.issues.filter((i) => i.code === "PREV_VALUE_CONFLICT");
    expect(conflict.map((i) => i.cell)).toEqual(["F6"]);
  });

  it("reads streaks, the highest level and 退出预警 from all three years", () => {
    expect(pick(y2013, (z) => z.history?.yearsAtLevel)).toEqual({ 甲: 3, 乙: 1, 己: 1, 丙: 1, 建安区: 3, 丁: 3, 戊: 3 });
    expect(pick(y2013, (z) => z.history?.maxStars)).toEqual({ 甲: 3, 乙: 2, 己: 2, 丙: 2, 建安区: 1, 丁: 0, 戊: 0 });
    expect(pick(y2013, (z) => z.history?.exitWarning)).toEqual({ 甲: null, 乙: null, 己: null, 丙: null, 建安区: null, 丁: [2011, 2012, 2013], 戊: [2011, 2012, 2013] });
    expect(stdout2013).toContain("退出预警: 2 个：丁产业集聚区、戊产业集聚区");
  });

  it("writes the history of all three years, linking 建安区 to its old name", async () => {
    expect(y2013.yearCycle.historyYears).toEqual([2011, 2012, 2013]);
    expect((await readXlsxWorkbook(out2013)).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["年度结转", "历年评定", "历年趋势"]));
    const sheets = await readKindedSheets(out2013);
    const history = readHistorySheet(sheets.find((s) => s.grid.sheet === "历年评定")!.grid).rows;
    expect(history.filter((r) => r.zone === "建安区产业集聚区").map((r) => [r.year, r.prevNames])).toEqual([[2013, ["许昌县产业集聚区"]]]);
    expect(history.filter((r) => r.zone === "许昌县产业集聚区").map((r) => r.year)).toEqual([2011, 2012]);
  });
});

describe("re-rating a year on its own rated workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-prev-again-"));

  it("reads its 历年评定 back and replaces that year, once, keeping the years before", async () => {
    rulesFile(dir);
    const r2012 = await rateYear(dir, await writeYear(dir, 2012), "2012", ["--history"]);
    const first = await rateYear(dir, await writeYear(dir, 2013), "2013", ["--prev", r2012.out]);
    const again = await rateYear(dir, first.out, "again", []);
    expect(again.json.yearCycle.prevYear).toBe(2012);
    expect(again.json.yearCycle.historyYears).toEqual([2012, 2013]);
    expect(pick(again.json, (z) => z.starStatus)).toEqual(pick(first.json, (z) => z.starStatus));
    const sheets = await readKindedSheets(again.out);
    expect(sheets.filter((s) => s.grid.sheet.startsWith("历年评定")).map((s) => s.grid.sheet)).toEqual(["历年评定"]);
    const history = readHistorySheet(sheets.find((s) => s.grid.sheet === "历年评定")!.grid).rows;
    expect(history.filter((r) => r.year === 2013)).toHaveLength(7);
    expect(history.filter((r) => r.year === 2012)).toHaveLength(6);
  });
});

describe("two years with --prev", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-prev2-"));
  let y2013: Json;

  beforeAll(async () => {
    rulesFile(dir);
    const r2012 = await rateYear(dir, await writeYear(dir, 2012), "2012", []);
    y2013 = (await rateYear(dir, await writeYear(dir, 2013), "2013", ["--prev", r2012.out])).json;
  });

  it("knows only 2012 as history: 乙's 2★ is then a first star, and 退出预警 counts two years", () => {
    expect(pick(y2013, (z) => z.starStatus)).toEqual({ 甲: "kept", 乙: "first", 己: "new", 丙: "kept", 建安区: "kept", 丁: "kept", 戊: "belowGate" });
    expect(pick(y2013, (z) => z.history?.maxStars)).toEqual({ 甲: 3, 乙: 2, 己: 2, 丙: 2, 建安区: 1, 丁: 0, 戊: 0 });
    expect(y2013.yearCycle.exitWarnings).toEqual([
      { zone: "丁产业集聚区", years: [2012, 2013] },
      { zone: "戊产业集聚区", years: [2012, 2013] },
    ]);
    expect(y2013.yearCycle.historyYears).toEqual([2012, 2013]);
  });
});

describe("--prev with a rename only the user can tell", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-prev-map-"));

  it("lists the unmatched zones with likely matches, writes a 名称对照 to fill in, and follows it on the next run", async () => {
    rulesFile(dir);
    const r2012 = await rateYear(dir, await writeYear(dir, 2012), "2012", []);
    const input = await writeYear(dir, 2013, { 乙产业集聚区: "乙新产业集聚区" });
    const first = await rateYear(dir, input, "first", ["--prev", r2012.out]);
    expect(first.json.yearCycle.newZones).toEqual(["乙新产业集聚区", "己产业集聚区"]);
    expect(first.json.yearCycle.droppedZones).toEqual(["乙产业集聚区"]);
    expect(first.json.issues.filter((i) => i.code === "ZONE_DROPPED")).toHaveLength(1);

    const nameMap = (await readKindedSheets(first.out)).find((s) => s.grid.sheet === "名称对照")!.grid;
    const rows = nameMap.values.map((r) => r.map((v) => (typeof v === "object" ? null : v)));
    const at = rows.findIndex((r) => r[0] === "乙产业集聚区");
    // The likeliest first: 乙 is inside 乙新; 己 is one character away.
    expect(rows[at][2]).toBe("乙新产业集聚区、己产业集聚区");
    rows[at][1] = "乙新产业集聚区";
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const sheet = wb.addWorksheet("名称对照");
    for (const r of rows) sheet.addRow(r);
    const withMap = join(dir, "2013-with-map.xlsx");
    await wb.xlsx.writeFile(withMap);

    const second = await rateYear(dir, withMap, "second", ["--prev", r2012.out]);
    expect(second.json.yearCycle.matched.find((m) => m.zone === "乙新产业集聚区")).toEqual({ zone: "乙新产业集聚区", from: ["乙产业集聚区"], by: "mapping" });
    expect(second.json.yearCycle.droppedZones).toEqual([]);
    expect(byZone(second.json)["乙新"].prevStars).toBe(1);
    const sheets = (await readXlsxWorkbook(second.out)).sheets.map((s) => s.name);
    expect(sheets.filter((s) => s.startsWith("名称对照"))).toEqual(["名称对照"]);
  });

  it("stops with exit 2 on a --prev workbook that holds no results, and exit 1 on a missing one", async () => {
    rulesFile(dir);
    const input = await writeYear(dir, 2013);
    const noResults = await runCliAsync([input, "--prev", await writeYear(dir, 2012), "--out", join(dir, "x.xlsx")], dir);
    expect(noResults.status).toBe(2);
    expect(noResults.stdout).toContain("没有本工具写出的“星级评定”表");
    const missing = await runCliAsync([input, "--prev", join(dir, "nowhere.xlsx"), "--out", join(dir, "y.xlsx")], dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("找不到上年结果工作簿");
  });
});

describe("the yearly cycle in English", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-prev-en-"));
  let y2012: Json;
  let out2012: string;

  beforeAll(async () => {
    rulesFile(dir);
    const r2011 = await rateYear(dir, await writeYear(dir, 2011), "2011", ["--history", "--lang", "en-US"]);
    const r2012 = await rateYear(dir, await writeYear(dir, 2012), "2012", ["--prev", r2011.out, "--lang", "en-US"]);
    y2012 = r2012.json;
    out2012 = r2012.out;
  });

  it("rates and imports the history as the Chinese run does, under a sheet name Excel accepts", async () => {
    expect(pick(y2012, (z) => z.starStatus)).toEqual({ 甲: "kept", 丙: "first", 乙: "demoted", 许昌县: "kept", 戊: "kept", 丁: "belowGate" });
    expect(y2012.yearCycle.historyYears).toEqual([2011, 2012]);
    const sheets = await readKindedSheets(readFileSync(out2012));
    const names = sheets.map((s) => s.grid.sheet);
    expect(names).toContain("Rating history");
    expect(names.map((n) => n.toLowerCase())).not.toContain("history");
    const history = sheets.find((s) => s.kind === "history")!;
    expect(readHistorySheet(history.grid).rows.map((r) => r.year)).toEqual(expect.arrayContaining([2011, 2012]));
  });
});

import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "../../src/cli/args";
import type { JsonResult } from "../../src/cli/json";
import { runCliAsync, type CliRun } from "./run";

/** A copy without the analysis's fields: what the JSON would be had it not been asked for. */
function withoutRobustness(json: JsonResult): JsonResult {
  const copy = structuredClone(json);
  delete copy.robustness;
  for (const zone of copy.zones) delete zone.robustness;
  return copy;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  return v === null || v === undefined ? "" : v;
}

describe("rate CLI --robustness", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-cli-robustness-"));
  const runs: Record<string, CliRun> = {};
  const json: Record<string, JsonResult> = {};
  const book = new ExcelJS.Workbook();

  beforeAll(async () => {
    const variants: Record<string, string[]> = {
      plain: [],
      seed3: ["--robustness", "400", "--seed", "3", "--weight-share", "0.25"],
      seed4: ["--robustness", "400", "--seed", "4", "--weight-share", "0.25"],
    };
    await Promise.all(
      Object.entries(variants).map(async ([name, extra]) => {
        runs[name] = await runCliAsync(["--json", join(dir, `${name}.json`), "--out", join(dir, `${name}.xlsx`), ...extra], dir);
        json[name] = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as JsonResult;
      }),
    );
    await book.xlsx.readFile(join(dir, "seed3.xlsx"));
  });

  it("leaves the default output as it was: no robustness field, no extra sheet", async () => {
    expect(runs.plain.status).toBe(0);
    expect(runs.seed3.status).toBe(0);
    expect(JSON.stringify(json.plain)).not.toContain("robustness");
    expect(json.plain).toEqual(withoutRobustness(json.seed3));
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.readFile(join(dir, "plain.xlsx"));
    expect(plain.worksheets.map((w) => w.name)).not.toContain("稳健性分析");
    expect(runs.plain.stdout).not.toContain("稳健性分析");
  });

  it("adds each zone's rank interval and award probabilities, and the settings and lists", () => {
    const { robustness } = json.seed3;
    expect(robustness).toMatchObject({ runs: 400, seed: 3, weightShare: 0.25, varyMethods: false, stableAt: 0.95, closeAt: 0.05 });
    expect(Object.keys(robustness?.awards ?? {})).toEqual(["strong", "fast", "advanced"]);
    for (const z of json.seed3.zones) {
      const r = z.robustness;
      if (!r) throw new Error(`no robustness for ${z.zone}`);
      expect(r.rankP5).toBeLessThanOrEqual(r.medianRank);
      expect(r.medianRank).toBeLessThanOrEqual(r.rankP95);
      expect(Object.keys(r.awardProbability)).toEqual(["strong", "fast", "advanced"]);
      expect(r.anyAwardProbability).toBeGreaterThanOrEqual(Math.max(...Object.values(r.awardProbability)) - 1e-12);
    }
    // Ten zones win 十强 in every draw (ties aside): the probabilities add up to about ten.
    const strong = json.seed3.zones.reduce((sum, z) => sum + (z.robustness?.awardProbability.strong ?? 0), 0);
    expect(strong).toBeCloseTo(10, 2);
    expect(runs.seed3.stdout).toMatch(/稳健性分析: 模拟 400 次（种子 3，权重 ±25%，计分方法不变；星级不受权重影响）/);
  });

  it("depends on the seed", () => {
    const probabilities = (name: string) => json[name].zones.map((z) => z.robustness?.awardProbability);
    expect(probabilities("seed4")).not.toEqual(probabilities("seed3"));
    expect(withoutRobustness(json.seed4)).toEqual(withoutRobustness(json.seed3));
  });

  it("writes 稳健性分析 with the JSON's figures, zone by zone", () => {
    const ws = book.getWorksheet("稳健性分析");
    if (!ws) throw new Error("no 稳健性分析 sheet");
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellValue)));
    const all = rows.findIndex((row) => typeof row[0] === "string" && row[0].includes("全部集聚区"));
    expect(all).toBeGreaterThan(0);
    const body = rows.slice(all + 1);
    expect(body).toHaveLength(json.seed3.zones.length);
    const round4 = (x: unknown) => Math.round((x as number) * 10_000) / 10_000;
    json.seed3.zones.forEach((z, k) => {
      const r = z.robustness!;
      const row = body[k];
      expect(row.slice(0, 7)).toEqual([z.rank, z.city, z.zone, r.rankP5, r.rankP95 - r.rankP5 + 1, r.rankP95, r.medianRank]);
      expect(row.slice(8).map(round4)).toEqual([r.awardProbability.strong, r.awardProbability.fast, r.awardProbability.advanced, r.anyAwardProbability]);
    });
    expect(rows.some((row) => typeof row[0] === "string" && row[0].startsWith("星级按增加值、税收、从业人员的绝对标准评定"))).toBe(true);
  });
});

describe("rate CLI --robustness on a workbook it rated before", () => {
  it("replaces its earlier 稳健性分析, and drops it when the new run has no analysis", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-robustness-again-"));
    const first = await runCliAsync(["--out", join(dir, "first.xlsx"), "--robustness", "50"], dir);
    expect(first.status).toBe(0);
    const [again, plain] = await Promise.all([
      runCliAsync([join(dir, "first.xlsx"), "--out", join(dir, "again.xlsx"), "--robustness", "50", "--seed", "2"], dir),
      runCliAsync([join(dir, "first.xlsx"), "--out", join(dir, "plain.xlsx")], dir),
    ]);
    expect([again.status, plain.status]).toEqual([0, 0]);
    const names = async (file: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(dir, file));
      return book.worksheets.map((w) => w.name);
    };
    expect((await names("again.xlsx")).filter((n) => n.startsWith("稳健性分析"))).toEqual(["稳健性分析"]);
    expect((await names("plain.xlsx")).filter((n) => n.startsWith("稳健性分析"))).toEqual([]);
  });
});

describe("parseArgs: robustness settings", () => {
  it("reads the draws, seed, share and method switch, with defaults", () => {
    expect(parseArgs(["--robustness", "10000"]).args?.robustness).toEqual({ runs: 10000, seed: 1, weightShare: 0.2, varyMethods: false });
    expect(parseArgs(["--robustness=500", "--seed=42", "--weight-share", "0.1", "--vary-methods"]).args?.robustness).toEqual({ runs: 500, seed: 42, weightShare: 0.1, varyMethods: true });
    expect(parseArgs([]).args?.robustness).toBeUndefined();
  });

  it.each([
    [["--seed", "3"], "--seed needs --robustness N."],
    [["--vary-methods"], "--vary-methods needs --robustness N."],
    [["--robustness", "0"], "--robustness must be a whole number of draws from 1 to 1000000"],
    [["--robustness", "1e4"], "--robustness must be a whole number"],
    [["--robustness", "100", "--seed", "-1"], "--seed must be a whole number from 0 to 4294967295"],
    [["--robustness", "100", "--weight-share", "1"], "--weight-share must be a fraction from 0 to below 1"],
    [["--robustness", "100", "--weight-share", "20%"], "--weight-share must be a fraction"],
  ])("refuses %j", (argv, message) => {
    expect(parseArgs(argv).error).toContain(message);
  });
});

import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPreset } from "../../src/engine";
import { REPO, runCli } from "./run";

const STAR_STATUSES = ["promoted", "first", "kept", "demoted", "belowGate", "new"];

function isNumberOrNull(v: unknown): boolean {
  return v === null || (typeof v === "number" && Number.isFinite(v));
}

/** Checks every field of SPEC §6; returns a list of what is wrong (empty when the shape holds). */
function shapeProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  need(typeof json.rules === "string", "rules");
  need(isNumberOrNull(json.year), "year");
  need(Number.isInteger(json.zoneCount), "zoneCount");
  need(Array.isArray(json.zones), "zones");
  for (const [i, z] of (json.zones as Record<string, unknown>[]).entries()) {
    const at = `zones[${i}]`;
    need(typeof z.zone === "string" && z.zone !== "", `${at}.zone`);
    need(typeof z.city === "string", `${at}.city`);
    need(typeof z.composite === "number" && Math.abs((z.composite as number) * 10_000 - Math.round((z.composite as number) * 10_000)) < 1e-6, `${at}.composite (4 decimals)`);
    need(Number.isInteger(z.rank) && (z.rank as number) >= 1, `${at}.rank`);
    need(Number.isInteger(z.cityRank) && (z.cityRank as number) >= 1, `${at}.cityRank`);
    need(z.rankChange === null || Number.isInteger(z.rankChange), `${at}.rankChange`);
    need(Number.isInteger(z.stars) && (z.stars as number) >= 0 && (z.stars as number) <= 6, `${at}.stars`);
    need(z.prevStars === null || Number.isInteger(z.prevStars), `${at}.prevStars`);
    need(STAR_STATUSES.includes(z.starStatus as string), `${at}.starStatus`);
    const dims = z.dimensions as Record<string, unknown>;
    need(typeof dims === "object" && dims !== null && Object.values(dims).every((v) => typeof v === "number"), `${at}.dimensions`);
    need(Array.isArray(z.awards) && (z.awards as unknown[]).every((a) => typeof a === "string"), `${at}.awards`);
    need(typeof z.vetoed === "boolean", `${at}.vetoed`);
    const next = z.nextStar as { level?: unknown; shortfall?: Record<string, unknown> } | null;
    need(
      next === null ||
        (Number.isInteger(next.level) && ["va", "tax", "emp"].every((k) => typeof next.shortfall?.[k] === "number" && (next.shortfall[k] as number) >= 0)),
      `${at}.nextStar`,
    );
    need((z.stars === 6) === (next === null), `${at}.nextStar null exactly at 6★`);
  }
  const awards = json.awards as Record<string, unknown>;
  need(typeof awards === "object" && Object.values(awards).every((l) => Array.isArray(l) && l.every((n) => typeof n === "string")), "awards");
  need(Number.isInteger(json.prizeTotalYuan), "prizeTotalYuan");
  const counts = json.starCounts as Record<string, unknown>;
  need(JSON.stringify(Object.keys(counts).sort()) === JSON.stringify(["0", "1", "2", "3", "4", "5", "6"]) && Object.values(counts).every((n) => Number.isInteger(n)), "starCounts");
  for (const [i, issue] of (json.issues as Record<string, unknown>[]).entries()) {
    need(["error", "warning"].includes(issue.severity as string), `issues[${i}].severity`);
    need(issue.sheet === null || typeof issue.sheet === "string", `issues[${i}].sheet`);
    need(issue.cell === null || /^[A-Z]+\d+$/.test(issue.cell as string), `issues[${i}].cell`);
    need(/^[A-Z_]+$/.test(issue.code as string), `issues[${i}].code`);
    need(typeof issue.message === "string" && (issue.message as string).length > 0, `issues[${i}].message`);
  }
  return problems;
}

/** Star counts and award lists as the printed summary shows them. */
function parseSummary(stdout: string): { stars: Record<string, number>; awards: Record<string, string[]> } {
  const starLine = stdout.split("\n").find((l) => /^(星级|Stars): /.test(l)) ?? "";
  const stars: Record<string, number> = {};
  for (const m of starLine.matchAll(/(\d)★ (\d+)/g)) stars[m[1]] = Number(m[2]);
  const awards: Record<string, string[]> = {};
  // Awards print by their name in the report's language, never by their key.
  const keyOf = new Map(getPreset("henan-2013")!.awards.flatMap((a) => [[a.nameZh, a.key], [a.nameEn, a.key]]));
  for (const m of stdout.matchAll(/^(.+) \(\d+ × [\d,]+ (?:元|yuan)\): (.*)$/gm)) awards[keyOf.get(m[1]) ?? m[1]] = m[2] === "" ? [] : m[2].split(/、|, /);
  return { stars, awards };
}

describe("rate CLI on the bundled sample", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-cli-"));
  const jsonPath = join(dir, "sample.json");
  const run = runCli(["--json", jsonPath]);
  const json = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, "utf8")) as Record<string, unknown>) : {};

  it("exits 0 and writes JSON of the SPEC §6 shape", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(shapeProblems(json)).toEqual([]);
    expect(json.rules).toBe("henan-2013");
    expect(json.year).toBe(2013);
    expect(json.zoneCount).toBe(180);
    expect((json.zones as unknown[]).length).toBe(180);
  });

  it("prints the same star counts and award lists as the JSON holds", () => {
    const printed = parseSummary(run.stdout);
    expect(printed.stars).toEqual(json.starCounts);
    expect(printed.awards).toEqual(json.awards);
    expect(Object.keys(printed.awards)).toEqual(["strong", "fast", "advanced"]);
  });

  it("comes out near the published 2013 picture: 2 at 3★, 11 at 2★, 49 at 1★", () => {
    const c = json.starCounts as Record<string, number>;
    expect(Math.abs(c["3"] - 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(c["2"] - 11)).toBeLessThanOrEqual(3);
    expect(Math.abs(c["1"] - 49)).toBeLessThanOrEqual(8);
    expect(c["4"] + c["5"] + c["6"]).toBe(0);
  });

  it("pays 5,000,000 yuan to each of 30 distinct award winners", () => {
    const awards = json.awards as Record<string, string[]>;
    const winners = [...awards.strong, ...awards.fast, ...awards.advanced];
    expect(new Set(winners).size).toBe(winners.length);
    expect(json.prizeTotalYuan).toBe(winners.length * 5_000_000);
    const byName = new Map((json.zones as Array<{ zone: string; awards: string[] }>).map((z) => [z.zone, z.awards]));
    for (const name of awards.strong) expect(byName.get(name)).toEqual(["strong"]);
  });

  it("reports the 合计 row as a warning with its cell and a Chinese message", () => {
    const issues = json.issues as Array<Record<string, unknown>>;
    expect(issues).toContainEqual({ severity: "warning", sheet: "指标数据", cell: "B185", code: "TOTALS_ROW_SKIPPED", message: "B185：第 185 行是合计行（“合计”），已跳过，不参加评定。" });
    expect(run.stdout).toContain(`警告: ${issues.length} 条`);
  });

  it("prints in English with --lang en-US, with the same counts", () => {
    const en = runCli(["--lang", "en-US"]);
    expect(en.status).toBe(0);
    expect(parseSummary(en.stdout).stars).toEqual(json.starCounts);
    expect(en.stdout).toContain("Prize total: 150,000,000 yuan");
  });
});

describe("rate CLI failures other than input data", () => {
  it.each([
    [["--lang", "fr"], /--lang must be zh-CN or en-US/],
    [["--bogus"], /Unknown option "--bogus"/],
    [["/nonexistent/in.xlsx"], /^找不到输入工作簿“\/nonexistent\/in\.xlsx”。请检查路径和文件名。$/m],
    [["--rules", "no-such-preset"], /--rules“no-such-preset”既不是内置规则（henan-2013、.*），也不是已有的规则 \.json 文件。请检查名称或路径。$/m],
  ])("exits 1 with a clear message for %j", (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-bad-"));
    const run = runCli([...args, "--json", join(dir, "out.json")], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 1 and leaves the input untouched when --out names the input workbook", () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-bad-"));
    const input = join(dir, "zones.xlsx");
    copyFileSync(join(REPO, "samples/henan-zones-sample.xlsx"), input);
    const before = readFileSync(input);
    const run = runCli([input, "--out", "zones.xlsx", "--json", join(dir, "out.json")], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^结果工作簿（--out）“zones\.xlsx”就是输入工作簿/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["zones.xlsx"]);
  });

});

describe("rate CLI rules and sheet options", () => {
  it("rates with another preset given by id", () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-rules-"));
    const run = runCli(["--rules", "henan-2017", "--json", join(dir, "r.json")]);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as { rules: string; awards: Record<string, string[]> };
    expect(json.rules).toBe("henan-2017");
    expect(Object.keys(json.awards)).toEqual(getPreset("henan-2017")?.awards.map((a) => a.key));
  });

  it("reads rules from a JSON file, and stops with exit 2 when they are invalid", () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-rules-"));
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ ...getPreset("henan-2013"), id: "my-rules" }));
    const ok = runCli(["--rules", good, "--json", join(dir, "ok.json")]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("my-rules（规则文件）");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...getPreset("henan-2013"), bonusCap: -5 }));
    const stopped = runCli(["--rules", bad, "--json", join(dir, "bad-out.json")]);
    expect(stopped.status).toBe(2);
    const json = JSON.parse(readFileSync(join(dir, "bad-out.json"), "utf8")) as { zones: unknown[]; issues: Array<{ code: string }> };
    expect(json.zones).toEqual([]);
    expect(json.issues.map((i) => i.code)).toContain("RULES_BAD_OPTION");
    const partial = join(dir, "partial.json");
    writeFileSync(partial, JSON.stringify({ ...getPreset("henan-2013"), stars: undefined }));
    const incomplete = runCli(["--rules", partial, "--json", join(dir, "partial-out.json")]);
    expect(incomplete.status).toBe(2);
    const partialJson = JSON.parse(readFileSync(join(dir, "partial-out.json"), "utf8")) as { issues: Array<{ code: string }> };
    expect(partialJson.issues.map((i) => i.code)).toContain("RULES_BAD_LEVELS");
    const garbled = join(dir, "garbled.json");
    writeFileSync(garbled, "{ not json");
    const broken = runCli(["--rules", garbled]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe("");
    expect(broken.stdout).toMatch(/^ {2}无法读取规则文件“.*garbled\.json”：它不是有效的 JSON（.*）。请修正该文件（格式同内置规则），或改用内置规则（--rules henan-2013 等）。$/m);
  });

  it("stops with exit 2 when --sheet names no sheet of the workbook", () => {
    const run = runCli(["--sheet", "没有这张表"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("工作簿中没有名为“没有这张表”的工作表");
  });
});

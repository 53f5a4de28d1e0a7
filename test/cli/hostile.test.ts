// The command line on crafted and awkward inputs: each crafted file ends the run with exit 2 and
// its issue in words (the part or sheet named, in the JSON too), no stack trace and nothing but
// the JSON written; rules files that cannot be read; a table just over the limit; a marker
// pointing at a user's sheet, which is read as input and kept; progress lines on a big run; a
// city column merged per city.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_ZONES } from "../../src/cli/bigRuns";
import { PRESETS } from "../../src/engine";
import { baseWorkbook, CRAFTED, largeTable, WORDS, type CraftedInput, type Expected } from "../xlsx/crafted";
import { zones } from "../corpus/cases";
import { HEADER } from "../corpus/header";
import { runCliAsync, type CliRun } from "./run";

interface Outcome {
  dir: string;
  files: string[];
  run: CliRun;
}

/** Runs each input's CLI, two at a time, in a folder of its own, asking for the JSON. */
async function runAll(inputs: readonly CraftedInput[], extra: string[] = []): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const pending = [...inputs];
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const dir = mkdtempSync(join(tmpdir(), "rate-cli-hostile-"));
      const args = await next.make(dir);
      mkdirSync(join(dir, "json"));
      outcomes.set(next.name, { dir, files: readdirSync(dir).sort(), run: await runCliAsync([...args, "--json", "json/result.json", ...extra], dir) });
    }
  };
  await Promise.all([worker(), worker()]);
  return outcomes;
}

function expectRefused({ dir, files, run }: Outcome, expected: Expected, words: RegExp): void {
  expect(run.stderr).not.toMatch(/Unexpected failure|\n\s+at |Error:/);
  expect(run.status).toBe(2);
  expect(run.stdout).toMatch(words);
  const json = JSON.parse(readFileSync(join(dir, "json/result.json"), "utf8")) as { zones: unknown[]; issues: Array<{ code: string; sheet: string | null; message: string }> };
  expect(json.zones).toEqual([]);
  expect(json.issues).toEqual([expect.objectContaining({ severity: "error", code: expected.code, sheet: expected.sheet ?? null })]);
  if (expected.part) expect(json.issues[0].message).toContain(expected.part);
  if (expected.sheet) expect(json.issues[0].message).toContain(`“${expected.sheet}”`);
  // Nothing written but the JSON: no out/ folder, no temporary files.
  expect(readdirSync(dir).sort()).toEqual(files);
  expect(readdirSync(join(dir, "json"))).toEqual(["result.json"]);
  expect(existsSync(join(dir, "out"))).toBe(false);
}

describe("crafted inputs through the command line", () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runAll(CRAFTED);
  }, 600_000);

  it.each(CRAFTED.map((c) => [c.name, c] as const))("%s: exit 2, the issue in words, nothing written", (name, c) => {
    expectRefused(outcomes.get(name)!, c.expected, WORDS[c.expected.code]);
  });
});

function rulesInput(name: string, content: () => string | Buffer): CraftedInput {
  return {
    name,
    expected: { code: "RULES_FILE_UNREADABLE" },
    async make(dir) {
      writeFileSync(join(dir, "rules.json"), content());
      writeFileSync(join(dir, "in.xlsx"), await baseWorkbook());
      return ["in.xlsx", "--rules", "rules.json"];
    },
  };
}

describe("rules files that cannot be read", () => {
  const inputs = [
    rulesInput("nested 100,000 arrays deep", () => `${"[".repeat(100_000)}${"]".repeat(100_000)}`),
    rulesInput("a rule set whose name nests 100,000 arrays deep", () => JSON.stringify({ id: "x" }).replace('"x"', `${"[".repeat(100_000)}${"]".repeat(100_000)}`)),
    rulesInput("not JSON", () => "{ id: henan }"),
    // 河南 in GBK, as Notepad's "ANSI" saves it on a Chinese Windows.
    rulesInput("saved as GBK", () => Buffer.concat([Buffer.from('{"id":"x","nameZh":"'), Buffer.from([0xba, 0xd3, 0xc4, 0xcf]), Buffer.from('"}')])),
  ];
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runAll(inputs, ["--lang", "en-US"]);
  }, 300_000);

  it("refuses a file nested far deeper than a rule set, saying what to do", () => {
    for (const name of ["nested 100,000 arrays deep", "a rule set whose name nests 100,000 arrays deep"]) {
      expectRefused(outcomes.get(name)!, inputs[0].expected, /Cannot read the rules file "rules\.json": its data nests more than 32 levels deep, where a rule set has a few, so it is no rules file\. Check that you chose the right file/);
    }
  });

  it("refuses a file that is not JSON with exit 2, naming the file and the parser's reason", () => {
    expectRefused(outcomes.get("not JSON")!, inputs[0].expected, /Cannot read the rules file "rules\.json": it is not valid JSON \(.+\)\. Correct the file/);
  });

  it("refuses a file that is not UTF-8 or UTF-16, asking to save it as UTF-8", () => {
    expectRefused(outcomes.get("saved as GBK")!, inputs[0].expected, /Cannot read the rules file "rules\.json": it is not text in UTF-8 \(it may be saved as GBK\/ANSI\)\. Open it in Notepad, choose UTF-8/);
  });
});

describe("rules files as Notepad saves them", () => {
  const preset = JSON.stringify(PRESETS["henan-2017"]);
  const inputs = [
    rulesInput("UTF-8 with a byte order mark", () => Buffer.from(`\uFEFF${preset}`, "utf8")),
    rulesInput("UTF-16 (Notepad's Unicode)", () => Buffer.from(`\uFEFF${preset}`, "utf16le")),
  ];
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runAll(inputs);
  }, 300_000);

  it.each(inputs.map((i) => i.name))("reads a rule set saved as %s", (name) => {
    const { dir, run } = outcomes.get(name)!;
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "json/result.json"), "utf8")) as { rules: string; zoneCount: number };
    expect(json).toMatchObject({ rules: "henan-2017", zoneCount: 5 });
  });
});

describe("the largest table", () => {
  it("is stated by --help, in the report language", async () => {
    const zh = await runCliAsync(["--help"]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain("一次最多评定 200,000 个集聚区：更长的表在读取时即被拒绝（退出码 2）。");
    const en = await runCliAsync(["--help", "--lang", "en-US"]);
    expect(en.stdout).toContain("Rates at most 200,000 zones in one run: a longer table is refused while it is read (exit status 2).");
  }, 60_000);

  it("refuses a table of one zone more than the limit, after reading it, with the figure", async () => {
    const over: CraftedInput = {
      name: "just over",
      expected: { code: "TABLE_TOO_LARGE", sheet: "指标数据" },
      async make(dir) {
        writeFileSync(join(dir, "zones.xlsx"), await largeTable(MAX_ZONES + 1));
        return ["zones.xlsx"];
      },
    };
    const outcome = (await runAll([over])).get("just over")!;
    expectRefused(outcome, over.expected, WORDS.TABLE_TOO_LARGE);
    expect(outcome.run.stderr).toMatch(/^正在读取“zones\.xlsx”（\d+\.\d MB）…\n$/);
  }, 300_000);

  it("says on stderr what a big run is doing, in the report language", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-big-"));
    writeFileSync(join(dir, "zones.xlsx"), await largeTable(20_000));
    const run = await runCliAsync(["zones.xlsx", "--lang", "en-US", "--out", "rated.xlsx"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr.split("\n")).toEqual([
      expect.stringMatching(/^Read 20,000 zones \(\d+\.\d s\); rating…$/),
      expect.stringMatching(/^Rated \(\d+\.\d s\); writing the results…$/),
      expect.stringMatching(/^Results written \(\d+\.\d s\)\.$/),
      "",
    ]);
  }, 300_000);
});

describe("a marker pointing at a user's sheet", () => {
  /**
   * The base workbook and a sheet of the user's named like a result sheet, hidden result markers
   * pointing at both: the indicator sheet marked 星级评定, the user's 综合排名 marked 综合排名.
   */
  async function falselyMarked(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标数据");
    [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    wb.addWorksheet("综合排名").getCell("A1").value = "本市自排名次";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const names = '<definedName name="_ZoneRating_stars" hidden="1">\'指标数据\'!$A$1</definedName><definedName name="_ZoneRating_ranking" hidden="1">\'综合排名\'!$A$1</definedName>';
    zip.file("xl/workbook.xml", xml.includes("<definedNames>") ? xml.replace("<definedNames>", `<definedNames>${names}`) : xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`));
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }

  it("reads the user's sheet as the input, keeps both sheets byte for byte and names the result apart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-marker-"));
    const input = join(dir, "marked.xlsx");
    await falselyMarked(input);
    const run = await runCliAsync([input, "--out", "rated.xlsx", "--json", "result.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("综合排名 已存在（用户工作表），结果写入 综合排名 (2)");
    expect(JSON.parse(readFileSync(join(dir, "result.json"), "utf8")).zoneCount).toBe(5);
    const rated = await new ExcelJS.Workbook().xlsx.readFile(join(dir, "rated.xlsx"));
    const names = rated.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["指标数据", "综合排名", "星级评定"]);
    expect(names).toContain("综合排名 (2)");
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(rated.getWorksheet("综合排名")!.getCell("A1").value).toBe("本市自排名次");
    const part = async (file: string, name: string) => (await JSZip.loadAsync(readFileSync(file))).file(name)!.async("string");
    for (const sheet of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) expect(await part(join(dir, "rated.xlsx"), sheet)).toBe(await part(input, sheet));
  }, 120_000);
});

describe("merged cells through the command line", () => {
  it("gives every zone of a merged 所属地市 block its city, says so in 校验报告 and keeps the merges", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-cli-merged-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标数据");
    [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    ws.mergeCells("B2:B3");
    ws.mergeCells("B5:B6");
    const input = join(dir, "merged.xlsx");
    await wb.xlsx.writeFile(input);
    const run = await runCliAsync([input, "--out", "rated.xlsx", "--json", "result.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { zones: Array<{ zone: string; city: string }>; issues: Array<{ code: string; cell: string }> };
    expect(Object.fromEntries(json.zones.map((z) => [z.zone, z.city]))).toEqual({ 甲区产业集聚区: "郑州", 乙区产业集聚区: "郑州", 丙区产业集聚区: "开封", 丁区产业集聚区: "洛阳", 戊区产业集聚区: "洛阳" });
    expect(json.issues.filter((i) => i.code === "MERGED_CELLS_READ")).toEqual([expect.objectContaining({ cell: "B2" })]);
    const rated = await new ExcelJS.Workbook().xlsx.readFile(join(dir, "rated.xlsx"));
    const report: string[] = [];
    rated.getWorksheet("校验报告")!.eachRow((row) => row.eachCell((cell) => report.push(String(cell.value))));
    expect(report.join("\n")).toContain("表中有 2 处合并单元格（B2:B3, B5:B6），合并区域内的每个单元格都按其左上角单元格的值读取");
    const sheetXml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file("xl/worksheets/sheet1.xml")!.async("string");
    const kept = await sheetXml(join(dir, "rated.xlsx"));
    expect(kept).toBe(await sheetXml(input));
    expect(kept).toContain('<mergeCell ref="B2:B3"/>');
  }, 120_000);
});

import ExcelJS from "exceljs";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPreset } from "../../src/engine";
import { docxBytes, odsBytes, ole2With } from "./fixtures";
import { REPO, runCliAsync, type CliRun } from "./run";

const SAMPLE = join(REPO, "samples/henan-zones-sample.xlsx");

interface Case {
  /** Prepares the folder the CLI runs in and returns its arguments. */
  setUp(dir: string): string[] | Promise<string[]>;
}

interface Outcome {
  dir: string;
  run: CliRun;
}

/** Runs every case's CLI two at a time (the suite shares a small machine), keyed by case name. */
async function runAll(cases: Record<string, Case>): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const pending = Object.entries(cases);
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const [name, c] = next;
      const dir = mkdtempSync(join(tmpdir(), "rate-cli-files-"));
      const args = await c.setUp(dir);
      outcomes.set(name, { dir, run: await runCliAsync(args, dir) });
    }
  };
  await Promise.all([worker(), worker()]);
  return outcomes;
}

function withInput(dir: string): string {
  copyFileSync(SAMPLE, join(dir, "in.xlsx"));
  return "in.xlsx";
}

function expectOneSentence(run: CliRun, message: RegExp): void {
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toMatch(message);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/Unexpected failure|\n\s+at /);
}

const REFUSALS: Record<string, Case> = {
  "--json naming the input": { setUp: (dir) => [withInput(dir), "--json", "in.xlsx"] },
  "--json naming the input, on a run that stops on input errors": { setUp: (dir) => [withInput(dir), "--sheet", "没有这张表", "--json", "./in.xlsx"] },
  "--out as a symlink to the input": {
    setUp: (dir) => {
      symlinkSync(join(dir, withInput(dir)), join(dir, "rated.xlsx"));
      return ["in.xlsx", "--out", "rated.xlsx"];
    },
  },
  "--out as a hard link to the input": {
    setUp: (dir) => {
      linkSync(join(dir, withInput(dir)), join(dir, "rated.xlsx"));
      return ["in.xlsx", "--out", "rated.xlsx", "--lang", "en-US"];
    },
  },
  "--json and --out as one file through a linked folder": {
    setUp: (dir) => {
      mkdirSync(join(dir, "results"));
      symlinkSync(join(dir, "results"), join(dir, "same"));
      return [withInput(dir), "--out", "results/rated.xlsx", "--json", "same/rated.xlsx"];
    },
  },
  "--json naming the rules file": {
    setUp: (dir) => {
      writeFileSync(join(dir, "rules.json"), JSON.stringify(getPreset("henan-2013")));
      return [withInput(dir), "--rules", "rules.json", "--json", "rules.json"];
    },
  },
  "--json as a folder, with an earlier rated workbook": {
    setUp: (dir) => {
      writeFileSync(join(dir, "rated.xlsx"), "earlier result");
      mkdirSync(join(dir, "result.json"));
      return [withInput(dir), "--out", "rated.xlsx", "--json", "result.json"];
    },
  },
  "--out as a folder": {
    setUp: (dir) => {
      mkdirSync(join(dir, "results"));
      return [withInput(dir), "--out", "results", "--lang", "en-US"];
    },
  },
  "--json under a regular file": {
    setUp: (dir) => {
      writeFileSync(join(dir, "notes.txt"), "not a folder");
      return [withInput(dir), "--json", "notes.txt/result.json"];
    },
  },
};

const NOT_XLSX: Record<string, { bytes: () => Buffer; file: string; code: string; message: RegExp }> = {
  "an .xls workbook": { bytes: () => ole2With(["Root Entry", "Workbook"]), file: "zones.xls", code: "NOT_XLSX", message: /“zones\.xls”是 Excel 97-2003 工作簿（\.xls），本工具只能读取 \.xlsx。请在 Excel 中打开它，另存为/ },
  "a password-protected .xlsx": { bytes: () => ole2With(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), file: "zones.xlsx", code: "NOT_XLSX", message: /“zones\.xlsx”设有打开密码（已加密），无法读取。/ },
  "an .ods spreadsheet": { bytes: odsBytes, file: "zones.ods", code: "NOT_XLSX", message: /“zones\.ods”是 OpenDocument 电子表格（\.ods）/ },
  "a CSV file": { bytes: () => Buffer.from("集聚区名称,所属地市\n甲,郑州\n", "utf8"), file: "zones.csv", code: "NOT_XLSX", message: /“zones\.csv”是文本文件（如 CSV），不是 Excel 工作簿。/ },
  "an empty file": { bytes: () => Buffer.alloc(0), file: "zones.xlsx", code: "NOT_XLSX", message: /“zones\.xlsx”是空文件（0 字节）/ },
  "a Word document": { bytes: docxBytes, file: "zones.docx", code: "NOT_XLSX", message: /“zones\.docx”是 Word 文档（\.docx），不是 Excel 工作簿。/ },
  "a damaged .xlsx": {
    bytes: () => {
      const sample = readFileSync(SAMPLE);
      return sample.subarray(0, Math.floor(sample.length / 2));
    },
    file: "zones.xlsx",
    code: "UNREADABLE_WORKBOOK",
    message: /“zones\.xlsx”看似 \.xlsx 工作簿，但无法读取，文件可能已损坏或不完整。/,
  },
};

const NOT_XLSX_CASES: Record<string, Case> = Object.fromEntries(
  Object.entries(NOT_XLSX).map(([name, c]) => [
    name,
    {
      setUp: (dir: string) => {
        writeFileSync(join(dir, c.file), c.bytes());
        mkdirSync(join(dir, "json"));
        return [c.file, "--json", "json/result.json"];
      },
    },
  ]),
);

let outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  outcomes = await runAll({
    ...REFUSALS,
    ...NOT_XLSX_CASES,
    "an .xls workbook, in English": { setUp: (dir) => (writeFileSync(join(dir, "zones.xls"), ole2With(["Root Entry", "Workbook"])), ["zones.xls", "--lang", "en-US"]) },
    "a good run into a new folder": { setUp: (dir) => [withInput(dir), "--out", "results/rated.xlsx", "--json", "results/result.json"] },
    "a workbook with a user's sheet named 星级评定": {
      setUp: async (dir) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(SAMPLE);
        book.addWorksheet("星级评定").getCell("A1").value = "我的笔记";
        await book.xlsx.writeFile(join(dir, "in.xlsx"));
        return ["in.xlsx", "--out", "rated.xlsx"];
      },
    },
  });
}, 300_000);

function outcome(name: string): Outcome {
  const found = outcomes.get(name);
  if (!found) throw new Error(`the CLI was not run for "${name}"`);
  return found;
}

describe("rate CLI never overwrites a file it reads", () => {
  it.each([
    ["--json naming the input", /^结果 JSON 文件（--json）“in\.xlsx”就是输入工作簿“in\.xlsx”（同一个文件），写入会覆盖它，而用户的文件从不被覆盖。请为 --json 另选一个文件名。$/],
    ["--json naming the input, on a run that stops on input errors", /^结果 JSON 文件（--json）“\.\/in\.xlsx”就是输入工作簿“in\.xlsx”/],
    ["--out as a symlink to the input", /^结果工作簿（--out）“rated\.xlsx”就是输入工作簿“in\.xlsx”/],
    ["--out as a hard link to the input", /^The rated workbook \(--out\) "rated\.xlsx" is the input workbook "in\.xlsx" \(the same file\)/],
  ])("exits 1 before reading anything, the input's bytes unchanged, for %s", (name, message) => {
    const { dir, run } = outcome(name);
    expectOneSentence(run, message);
    expect(readFileSync(join(dir, "in.xlsx")).equals(readFileSync(SAMPLE))).toBe(true);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("refuses --out and --json that reach one file by different paths", () => {
    const { dir, run } = outcome("--json and --out as one file through a linked folder");
    expectOneSentence(run, /^--out“results\/rated\.xlsx”与 --json“same\/rated\.xlsx”是同一个文件，一个结果会覆盖另一个。请为两者分别指定不同的文件。$/);
    expect(readdirSync(join(dir, "results"))).toEqual([]);
  });

  it("refuses --json naming the rules file it reads", () => {
    const { dir, run } = outcome("--json naming the rules file");
    expectOneSentence(run, /^结果 JSON 文件（--json）“rules\.json”就是规则文件（--rules）“rules\.json”/);
    expect(JSON.parse(readFileSync(join(dir, "rules.json"), "utf8"))).toEqual(JSON.parse(JSON.stringify(getPreset("henan-2013"))));
  });
});

describe("rate CLI says in one sentence why it cannot write an output, and writes neither", () => {
  it("leaves the earlier rated workbook untouched when --json is a folder", () => {
    const { dir, run } = outcome("--json as a folder, with an earlier rated workbook");
    expectOneSentence(run, /^结果 JSON 文件（--json）“result\.json”是一个文件夹，不是文件。请在 --json 后写出文件名，如“result\.json\/result\.json”。$/);
    expect(readFileSync(join(dir, "rated.xlsx"), "utf8")).toBe("earlier result");
    expect(readdirSync(join(dir, "result.json"))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "rated.xlsx", "result.json"]);
  });

  it("refuses a folder as --out, in English with --lang en-US", () => {
    const { dir, run } = outcome("--out as a folder");
    expectOneSentence(run, /^The rated workbook \(--out\) "results" is a folder, not a file\. Give a file name after --out, e\.g\. "results\/rated\.xlsx"\.$/);
    expect(readdirSync(join(dir, "results"))).toEqual([]);
  });

  it("refuses a --json whose parent is a file, writing no workbook either", () => {
    const { dir, run } = outcome("--json under a regular file");
    expectOneSentence(run, /^无法写入结果 JSON 文件（--json）“notes\.txt\/result\.json”：其上级“.*notes\.txt”是一个文件，不是文件夹。请换一个文件夹。$/);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "notes.txt"]);
  });

  it("writes both outputs into a new folder and leaves no temporary file there", () => {
    const { dir, run } = outcome("a good run into a new folder");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, "results")).sort()).toEqual(["rated.xlsx", "result.json"]);
    expect(JSON.parse(readFileSync(join(dir, "results/result.json"), "utf8")).zoneCount).toBe(180);
  });
});

describe("rate CLI reports a result sheet put under another name", () => {
  it("says which sheet of the user's kept its name and where the result went instead", () => {
    const { run } = outcome("a workbook with a user's sheet named 星级评定");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("星级评定 已存在（用户工作表），结果写入 星级评定 (2)\n");
  });
});

describe("rate CLI on a file that is not an .xlsx", () => {
  it.each(Object.keys(NOT_XLSX))("stops with exit 2 on %s, saying what it is and how to fix it, in the JSON too", (name) => {
    const { dir, run } = outcome(name);
    const expected = NOT_XLSX[name];
    expect(run.stderr).toBe("");
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(expected.message);
    const json = JSON.parse(readFileSync(join(dir, "json/result.json"), "utf8")) as { zoneCount: number; zones: unknown[]; issues: Array<Record<string, unknown>> };
    expect(json.zoneCount).toBe(0);
    expect(json.zones).toEqual([]);
    expect(json.issues).toHaveLength(1);
    expect(json.issues[0]).toMatchObject({ severity: "error", sheet: null, cell: null, code: expected.code });
    expect(json.issues[0].message).toMatch(expected.message);
    expect(readdirSync(dir).sort()).toEqual([expected.file, "json"].sort());
  });

  it("says it in English with --lang en-US", () => {
    const { run } = outcome("an .xls workbook, in English");
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('"zones.xls" is an Excel 97-2003 workbook (.xls); only .xlsx can be read. Open it in Excel, save it as "Excel Workbook (*.xlsx)" and try again.');
  });
});

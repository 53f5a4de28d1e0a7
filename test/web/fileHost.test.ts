// The offline page's host over its worker's jobs, run in this process: every message is copied as
// postMessage copies it (structured clone), so what a thread boundary would lose is lost here too.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseRobustness } from "../../src/engine/robustness";
import type { RatingHost } from "../../src/host/host";
import type { Port } from "../../src/web/blobWorker";
import { createFileJobs, serveFileRequest } from "../../src/web/fileJobs";
import { createFileHost, ratedFileName } from "../../src/web/fileHost";
import type { FileReply, FileRequest } from "../../src/web/protocol";
import { readKindedSheets } from "../../src/xlsx/sheets";
import { CRAFTED, WORDS } from "../xlsx/crafted";

const REPO = join(__dirname, "../..");
const SAMPLE = join(REPO, "samples/henan-zones-sample.xlsx");
const PREV = join(REPO, "samples/henan-zones-2012-rated.xlsx");

function fileOf(path: string, name = path.split("/").pop() ?? "x"): File {
  return new File([readFileSync(path)], name);
}

/** The worker's jobs behind a port that copies each message (Node's structuredClone drops a File's name, so Files pass as they are). */
function inProcessWorker(): Port<FileRequest, FileReply> {
  const jobs = createFileJobs();
  const port: Port<FileRequest, FileReply> = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      const copy = { ...request, args: request.args.map((a: unknown) => (a instanceof File ? a : structuredClone(a))) } as FileRequest;
      void serveFileRequest(jobs, copy, (reply) => port.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FileReply>));
    },
    terminate() {},
  };
  return port;
}

async function sheetsOf(blob: Blob) {
  return readKindedSheets(new Uint8Array(await blob.arrayBuffer()), { allResults: true });
}

describe("file host", () => {
  let host: RatingHost;
  beforeEach(() => {
    host = createFileHost(inProcessWorker());
  });

  it("offers the file controls and nothing that edits an open workbook", async () => {
    expect(host.files).toBeDefined();
    expect(host.importPrevious).toBeUndefined();
    await expect(host.watchSheets(() => undefined)).resolves.toBeUndefined();
    await expect(host.selectCell("指标数据", "A1")).rejects.toThrow(/open workbook/);
    await expect(host.insertRulesSheet("henan-2013", "zh-CN")).rejects.toThrow(/open workbook/);
  });

  it("shows the chosen preset's rules and no problem before a workbook is chosen", async () => {
    const overview = await host.overview("zh-CN", "henan-2017");
    expect(overview).toMatchObject({ sheets: [], zoneCount: 0, rulesSource: "preset", presetId: "henan-2017", issues: [] });
    expect(overview.rules?.id).toBe("henan-2017");
  });

  it("rates the chosen workbook with last year's, reporting each step, and keeps the rated copy to save", async () => {
    host.files!.choose(fileOf(SAMPLE));
    host.files!.choosePrevious(fileOf(PREV));
    const overview = await host.overview("zh-CN");
    expect(overview).toMatchObject({ indicatorSheet: "指标数据", zoneCount: 180, rulesSource: "preset" });
    const steps: Array<[number, string]> = [];
    const outcome = await host.run({ locale: "zh-CN", onProgress: (fraction, label) => steps.push([fraction, label]) });
    expect(outcome.ok).toBe(true);
    // The zone page reads every zone's indicator detail, which the engine builds on first read.
    expect(outcome.result?.zones[0].indicators.length).toBeGreaterThan(0);
    expect(outcome.yearCycle?.history.map((r) => r.year)).toEqual(expect.arrayContaining([2011, 2012, 2013]));
    const labels = [...new Set(steps.map(([, label]) => label))];
    expect(labels).toEqual(["正在读取工作簿", "正在评定", "正在写入结果表", "完成"]);
    expect(steps.map(([f]) => f)).toEqual([...steps.map(([f]) => f)].sort((a, b) => a - b));
    expect(steps[steps.length - 1][0]).toBe(1);

    const rated = host.files!.rated();
    expect(rated?.name).toBe("henan-zones-sample-rated.xlsx");
    const sheets = await sheetsOf(rated!.blob);
    expect(sheets.map((s) => s.grid.sheet)).toEqual(["指标数据", ...outcome.sheetsWritten]);
    expect(sheets.filter((s) => s.kind !== undefined).map((s) => s.kind)).toEqual(expect.arrayContaining(["stars", "ranking", "validation", "history", "carry"]));
  });

  it("hands the robustness analysis the table matched with last year's, and adds its sheet to the rated copy", async () => {
    host.files!.choose(fileOf(SAMPLE));
    await expect(host.writeRobustnessSheet({} as never, "zh-CN")).rejects.toThrow(/Rate the workbook/);
    host.files!.choosePrevious(fileOf(PREV));
    const input = await host.readInput({ locale: "zh-CN" });
    expect(input.ok).toBe(true);
    // Matched against last year's zones: those it lacks, and those gone since, are named.
    expect(input.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["ZONE_NOT_IN_PREVIOUS", "ZONE_DROPPED"]));
    await host.run({ locale: "zh-CN" });
    const before = host.files!.rated();
    const written = await host.writeRobustnessSheet(analyseRobustness(input.table!, input.rules!, { runs: 50, seed: 1, weightShare: 0.2, varyMethods: false }), "zh-CN");
    expect(written).toEqual({ sheet: "稳健性分析", notices: [] });
    const after = host.files!.rated();
    expect(after).not.toBe(before);
    expect((await sheetsOf(after!.blob)).map((s) => s.kind)).toContain("robustness");
  });

  it("reports a file that is no .xlsx as the command line does, and offers nothing to save", async () => {
    host.files!.choose(new File(["集聚区名称,所属地市\n甲,郑州\n"], "zones.csv"));
    const overview = await host.overview("zh-CN");
    expect(overview.issues.map((i) => i.code)).toEqual(["NOT_XLSX"]);
    expect(overview.issues[0].message).toContain("zones.csv");
    const outcome = await host.run({ locale: "zh-CN" });
    expect(outcome).toMatchObject({ ok: false, sheetsWritten: [] });
    expect(outcome.issues.map((i) => i.code)).toEqual(["NOT_XLSX"]);
    expect(host.files!.rated()).toBeUndefined();
  });

  describe("a crafted workbook", () => {
    const dir = mkdtempSync(join(tmpdir(), "web-crafted-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    // The reader's limits hold on the page as on the command line; the page rates a table of any
    // length (the command line's limit on zones is its own), so the longest table is not here.
    const workbooks = CRAFTED.filter((c) => !c.expected.code.startsWith("RULES_") && c.expected.code !== "TABLE_TOO_LARGE");

    it.each(workbooks.map((c) => [c.name, c] as const))("%s: the command line's input error, in words, and nothing to save", async (_name, c) => {
      const [file] = await c.make(dir);
      host.files!.choose(fileOf(file));
      const overview = await host.overview("zh-CN");
      expect(overview.issues).toEqual([expect.objectContaining({ severity: "error", code: c.expected.code })]);
      const message = overview.issues[0].message ?? "";
      expect(message).toMatch(WORDS[c.expected.code]);
      if (c.expected.part) expect(message).toContain(c.expected.part);
      if (c.expected.sheet) expect(message).toContain(`“${c.expected.sheet}”`);
      const outcome = await host.run({ locale: "zh-CN" });
      expect(outcome).toMatchObject({ ok: false, sheetsWritten: [] });
      expect(outcome.issues.map((i) => [i.code, i.message])).toEqual([[c.expected.code, message]]);
      expect(host.files!.rated()).toBeUndefined();
    }, 120_000);
  });

  it("drops the rated copy of the workbook before when another is chosen", async () => {
    host.files!.choose(fileOf(SAMPLE));
    await host.run({ locale: "en-US" });
    expect(host.files!.rated()?.name).toBe("henan-zones-sample-rated.xlsx");
    host.files!.choose(fileOf(SAMPLE, "copy.XLSX"));
    expect(host.files!.rated()).toBeUndefined();
  });

  it("fails every call waiting on a worker that could not start", async () => {
    const port: Port<FileRequest, FileReply> = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    const broken = createFileHost(port);
    const waiting = broken.overview("zh-CN");
    port.onerror?.({ message: "Refused to create a worker" } as ErrorEvent);
    await expect(waiting).rejects.toThrow("Refused to create a worker");
  });
});

describe("ratedFileName", () => {
  it("names the rated copy as the command line does", () => {
    expect(ratedFileName("指标 2013.xlsx")).toBe("指标 2013-rated.xlsx");
    expect(ratedFileName("BOOK.XLSX")).toBe("BOOK-rated.xlsx");
  });
});

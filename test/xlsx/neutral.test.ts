// The platform-neutral writer (writeRatedWorkbook into a byte sink, what the offline page runs in a
// Web Worker) against the command line's file writer: the same package, part by part; and the
// neutral writer's module graph bundled for a browser, where no Node module may be pulled in.
import { build } from "esbuild";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { readXlsxWorkbook } from "../../src/xlsx/read";
import { writeRatedWorkbook } from "../../src/xlsx/write";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { largeResult, smallResult } from "../workbook/plan/fixtures";
import { packageProblems, parts } from "./packageCheck";

const REPO = resolve(__dirname, "../..");

/** A sink that keeps every chunk, as a browser page collects them into a Blob; it makes the writer wait a turn now and then. */
function collectingSink(): { write(chunk: Uint8Array): void | Promise<void>; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    write(chunk) {
      chunks.push(chunk.slice());
      return chunks.length % 7 === 0 ? new Promise((done) => setTimeout(done, 0)) : undefined;
    },
    bytes() {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}

describe("writeRatedWorkbook", () => {
  let dir: string;
  let input: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "write-neutral-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标数据");
    ws.addRow(["集聚区名称", "所属地市", "增加值"]);
    ws.addRow(["郑州航空港区", "郑州市", 180]);
    input = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("writes, part by part, the package the command line writes to a file", async () => {
    const result = largeResult(40);
    // The picker form of the zone pages brings lists, hidden columns and formulas along.
    const plans = buildResultPlans(result, [], "zh-CN", { zonePages: "picker" });
    const file = join(dir, "node.xlsx");
    const names = await writeResultXlsx(plans, { input, outPath: file });
    const sink = collectingSink();
    const progress: number[] = [];
    expect(await writeRatedWorkbook(plans, input, sink, { onProgress: (f) => progress.push(f) })).toEqual(names);
    const fromSink = await parts(sink.bytes());
    const fromFile = await parts(file);
    expect([...fromSink.keys()].sort()).toEqual([...fromFile.keys()].sort());
    for (const [name, text] of fromFile) expect([name, fromSink.get(name)]).toEqual([name, text]);
    expect(await packageProblems(sink.bytes())).toEqual([]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
  });

  test("user text keeps every character a workbook can hold: markup, spaces at the ends, a literal _x0041_; control characters go", async () => {
    const result = smallResult();
    const odd = ["  <b>&amp;</b> ", "甲_x0041_乙", "丙\u0001\u0008丁"];
    result.zones.slice(0, 3).forEach((z, i) => (z.zone = odd[i]));
    const ranking = buildResultPlans(result, [], "zh-CN").find((p) => p.kind === "ranking")!;
    const sink = collectingSink();
    await writeRatedWorkbook([ranking], undefined, sink);
    const [grid] = (await readXlsxWorkbook(sink.bytes(), { includeResults: true })).grids;
    const names = grid.values.map((row) => row[2]);
    expect(names).toEqual(expect.arrayContaining(["  <b>&amp;</b> ", "甲_x0041_乙", "丙丁"]));
  });

  test("pulls in no Node module: it bundles for a browser's Web Worker", async () => {
    const bundle = await build({ absWorkingDir: REPO, entryPoints: ["src/xlsx/write.ts"], bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent" });
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith("node:") || /src\/xlsx\/writeFile\.ts$/.test(f))).toEqual([]);
    expect(inputs).toEqual(expect.arrayContaining(["src/xlsx/merge.ts", "src/xlsx/sheetXml.ts", "src/xlsx/chartXml.ts", "src/xlsx/zip.ts"]));
  });
});

// The .xlsx reader under crafted and awkward files: every crafted workbook stops the read with
// its code at its part or sheet; each limit on its own, with the limits made small; merged cells;
// and a marker that points at a user's sheet.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rate } from "../../src/engine";
import { MAX_ZONES } from "../../src/cli/bigRuns";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { HEADER_SEARCH_ROWS } from "../../src/workbook/read/header";
import { prepareRun } from "../../src/workbook/read/prepare";
import { READ_LIMITS, WorkbookLimitError, type ReadLimits } from "../../src/xlsx/limits";
import { openPackage } from "../../src/xlsx/package";
import { readKindedSheets, readXlsxWorkbook } from "../../src/xlsx/read";
import { verifiedSheetKinds } from "../../src/xlsx/sheets";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { zones } from "../corpus/cases";
import { HEADER } from "../corpus/header";
import { baseWorkbook, CRAFTED, largeTable } from "./crafted";

const dir = mkdtempSync(join(tmpdir(), "xlsx-limits-"));

/** The issue a read stops with (it fails the test when the read goes through). */
async function stopped(read: Promise<unknown>): Promise<WorkbookLimitError["issue"]> {
  try {
    await read;
  } catch (e) {
    if (e instanceof WorkbookLimitError) return e.issue;
    throw e;
  }
  throw new Error("the read went through");
}

async function withSheetXml(edit: (xml: string) => string, base?: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base ?? (await baseWorkbook()));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("crafted workbooks", () => {
  const workbooks = CRAFTED.filter((c) => !c.expected.code.startsWith("RULES_"));

  it.each(workbooks.map((c) => [c.name, c] as const))("%s: the read stops with its code, naming its part or sheet", async (_name, c) => {
    const [file] = await c.make(dir);
    const issue = await stopped(readXlsxWorkbook(readFileSync(file), { limits: { tableRows: MAX_ZONES } }));
    expect(issue.code).toBe(c.expected.code);
    expect(issue.severity).toBe("error");
    expect(issue.sheet).toBe(c.expected.sheet);
    if (c.expected.part) expect(issue.params?.part).toBe(c.expected.part);
  }, 120_000);
});

describe("each limit", () => {
  const read = (bytes: Buffer, limits: Partial<ReadLimits>) => stopped(readXlsxWorkbook(bytes, { limits }));

  it("counts the cells holding a value, over all sheets", async () => {
    const issue = await read(await baseWorkbook(), { cells: 40 });
    expect(issue).toMatchObject({ code: "WORKBOOK_TOO_MANY_CELLS", sheet: "指标数据", params: { limit: 40, what: "cells", part: "xl/worksheets/sheet1.xml" } });
    await expect(readXlsxWorkbook(await baseWorkbook(), { limits: { cells: 60 } })).resolves.toBeDefined();
  });

  it("counts the shared strings and their characters", async () => {
    expect(await read(await baseWorkbook(), { sharedStrings: 5 })).toMatchObject({ code: "WORKBOOK_TOO_MANY_CELLS", params: { what: "strings", limit: 5, part: "xl/sharedStrings.xml" } });
    expect(await read(await baseWorkbook(), { sharedStringChars: 30 })).toMatchObject({ code: "WORKBOOK_TOO_MANY_CELLS", params: { what: "chars", limit: 30 } });
  });

  it("stops at a text longer than any cell holds, before the parser gathers it", async () => {
    const long = await withSheetXml((xml) => xml.replace("<v>120</v>", `<v>${"1".repeat(500_000)}</v>`));
    expect(await read(long, { textRun: 200_000 })).toMatchObject({ code: "XLSX_TEXT_TOO_LONG", sheet: "指标数据", params: { part: "xl/worksheets/sheet1.xml" } });
  });

  it("holds each kind of part to its size, and all the parts read to the total", async () => {
    const base = await baseWorkbook();
    expect(await read(base, { sheetBytes: 1_000 })).toMatchObject({ code: "XLSX_PART_TOO_LARGE", sheet: "指标数据", params: { part: "xl/worksheets/sheet1.xml" } });
    expect(await read(base, { partBytes: 500 })).toMatchObject({ code: "XLSX_PART_TOO_LARGE" });
    expect(await read(base, { totalBytes: 3_000 })).toMatchObject({ code: "XLSX_PART_TOO_LARGE", params: { total: 1 } });
  });

  it("refuses a part that inflates far more than genuine XML once it is past the grace size", async () => {
    const padded = await withSheetXml((xml) => xml.replace("</sheetData>", `</sheetData>${"<!---->".repeat(20_000)}`));
    expect(await read(padded, { ratioGrace: 10_000, inflateRatio: 50 })).toMatchObject({ code: "XLSX_ZIP_BOMB", sheet: "指标数据", params: { part: "xl/worksheets/sheet1.xml" } });
    await expect(readXlsxWorkbook(padded)).resolves.toBeDefined();
  });

  it("refuses a cell beyond Excel's last row or column, or without an address", async () => {
    for (const [from, to, ref] of [['r="J2"', 'r="XFE2"', "XFE2"], ['<row r="6"', '<row r="1048577"', "1048577"], ['<c r="C3">', '<c r="3">', "3"]]) {
      const bytes = await withSheetXml((xml) => xml.replace(from, to));
      expect(await stopped(readXlsxWorkbook(bytes))).toMatchObject({ code: "SHEET_BEYOND_EXCEL", sheet: "指标数据", params: { ref } });
    }
  });

  it("refuses a sheet whose values are scattered over far more cells than they fill, and reads one a little apart", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标数据");
    [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    ws.getCell("A900").value = "备注";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await read(bytes, { minSpan: 1_000 })).toMatchObject({ code: "SHEET_TOO_SCATTERED", sheet: "指标数据", params: { block: "A1:J900", cells: 57, span: 9_000 } });
    expect((await readXlsxWorkbook(bytes)).grids[0].values).toHaveLength(900);
  });

  it("stops a table longer than the command line rates while reading, leaving room for a title block above it", async () => {
    const table = await largeTable(40);
    expect(await read(table, { tableRows: 10 })).toMatchObject({ code: "TABLE_TOO_LARGE", sheet: "指标数据", params: { limit: 10 } });
    // 40 zones under a header row.
    await expect(readXlsxWorkbook(table, { limits: { tableRows: 41 - HEADER_SEARCH_ROWS } })).resolves.toBeDefined();
  });
});

describe("merged cells in an .xlsx", () => {
  async function merged(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet("指标数据"));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("reads a city column merged per city, with the warning in both languages", async () => {
    const bytes = await merged((ws) => {
      [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
      ws.mergeCells("B2:B3");
      ws.mergeCells("B5:B6");
    });
    const book = await readXlsxWorkbook(bytes);
    expect(book.grids[0].mergedAreas).toEqual(["B2:B3", "B5:B6"]);
    const zh = prepareRun(book.grids, { locale: "zh-CN" });
    expect(zh.table?.zones.map((z) => z.city)).toEqual(["郑州", "郑州", "开封", "洛阳", "洛阳"]);
    expect(zh.issues).toEqual([expect.objectContaining({ code: "MERGED_CELLS_READ", severity: "warning", cell: "B2", message: expect.stringContaining("合并区域内的每个单元格都按其左上角单元格的值读取") })]);
    const en = prepareRun(book.grids, { locale: "en-US" });
    expect(en.issues[0].message).toContain("every cell of a merged area takes its top-left cell's value");
  });

  it("reads a merged column of numbers and a header merged over two rows", async () => {
    const bytes = await merged((ws) => {
      ws.getRow(1).values = ["集聚区名称", "所属地市", "主要指标", null, null, "上年星级"];
      ws.getRow(2).values = [null, null, "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）", null];
      ws.getRow(3).values = ["甲区", "郑州", 120, 16, 4.5, 2];
      ws.getRow(4).values = ["乙区", "郑州", 60, 8, 2.1, null];
      ws.getRow(5).values = ["丙区", "开封", 30, 4, 1.2, 1];
      ws.mergeCells("A1:A2");
      ws.mergeCells("B1:B2");
      ws.mergeCells("C1:E1");
      ws.mergeCells("F1:F2");
      ws.mergeCells("F3:F4");
    });
    const prepared = prepareRun((await readXlsxWorkbook(bytes)).grids, { locale: "zh-CN" });
    expect(prepared.table?.zones.map((z) => [z.zone, z.values.va, z.prevStars])).toEqual([
      ["甲区", 120, 2],
      ["乙区", 60, 2],
      ["丙区", 30, 1],
    ]);
    expect(prepared.issues).toEqual([expect.objectContaining({ code: "MERGED_CELLS_READ", cell: "A1", params: { count: 4, areas: "A1:A2, B1:B2, F1:F2, F3:F4" } })]);
  });
});

describe("a marker and the sheet's own title", () => {
  /** A workbook whose hidden result marker points at the user's indicator sheet. */
  async function falselyMarked(): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await baseWorkbook());
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const name = '<definedName name="_ZoneRating_ranking" hidden="1">\'指标数据\'!$A$1</definedName>';
    zip.file("xl/workbook.xml", xml.includes("<definedNames>") ? xml.replace("<definedNames>", `<definedNames>${name}`) : xml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`));
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  it("reads a falsely marked sheet as the user's input and never calls it a result sheet", async () => {
    const bytes = await falselyMarked();
    const book = await readXlsxWorkbook(bytes);
    expect(book.grids.map((g) => g.sheet)).toEqual(["指标数据"]);
    expect(book.sheets).toEqual([{ name: "指标数据" }]);
    expect(prepareRun(book.grids, { locale: "zh-CN" }).table?.zones).toHaveLength(5);
    expect(await verifiedSheetKinds(await openPackage(bytes))).toEqual(new Map());
    expect((await readKindedSheets(bytes)).map((s) => [s.grid.sheet, s.kind])).toEqual([["指标数据", undefined]]);
  });

  it("knows the result sheets a run wrote, reading only their first rows, and reads back only the kinds a later run needs", async () => {
    const input = await baseWorkbook();
    const prepared = prepareRun((await readXlsxWorkbook(input)).grids, { locale: "zh-CN" });
    const out = join(dir, "rated.xlsx");
    const names = await writeResultXlsx(buildResultPlans(rate(prepared.table!, prepared.rules!), prepared.issues, "zh-CN"), { input, outPath: out });
    const rated = readFileSync(out);
    const kinds = await verifiedSheetKinds(await openPackage(rated));
    expect([...kinds.keys()]).toEqual(names);
    expect(kinds.get("综合排名")).toBe("ranking");
    const back = await readKindedSheets(rated);
    expect(back.map((s) => s.kind)).toEqual([undefined, "stars", "ranking"]);
  });

  it("checks a result sheet larger than a sheet may be by its first rows, and refuses to read it whole", async () => {
    // As the result sheets of 200,000 zones are: 计算明细 inflates past the sheet limit.
    const input = await baseWorkbook();
    const prepared = prepareRun((await readXlsxWorkbook(input)).grids, { locale: "zh-CN" });
    const out = join(dir, "rated-large-details.xlsx");
    await writeResultXlsx(buildResultPlans(rate(prepared.table!, prepared.rules!), prepared.issues, "zh-CN"), { input, outPath: out });
    const rated = readFileSync(out);
    const pkg = await openPackage(rated);
    const size = (sheet: string) => pkg.budget.declared.get(pkg.sheets.find((s) => s.name === sheet)!.path)!.inflated;
    const sheetBytes = size("计算明细") - 1;
    expect(size("指标数据")).toBeLessThan(sheetBytes);
    const book = await readXlsxWorkbook(rated, { limits: { sheetBytes } });
    expect(book.grids.map((g) => g.sheet)).toEqual(["指标数据"]);
    expect(book.sheets.find((s) => s.name === "计算明细")?.kind).toBe("details");
    expect((await verifiedSheetKinds(await openPackage(rated, { ...READ_LIMITS, sheetBytes }))).get("计算明细")).toBe("details");
    expect(await stopped(readXlsxWorkbook(rated, { includeResults: true, limits: { sheetBytes } }))).toMatchObject({ code: "XLSX_PART_TOO_LARGE", sheet: "计算明细" });
  });
});

// Awkward .xlsx files the reader and writer must take: far stray cells, whole-column validations,
// typed dates, formulas Excel never calculated, shared formulas, tables with totals rows, escaped
// control characters, and a workbook rated before (its result sheets replaced, a user's kept).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rate } from "../../src/engine";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { prepareRun } from "../../src/workbook/read/prepare";
import { readXlsxWorkbook } from "../../src/xlsx/read";
import { takenSheetNames } from "../../src/xlsx/write";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { zones } from "../corpus/cases";
import { HEADER } from "../corpus/header";

const dir = mkdtempSync(join(tmpdir(), "xlsx-hostile-"));

function indicatorSheet(wb: ExcelJS.Workbook, name = "指标数据"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  return ws;
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Rewrites one part of a saved package (what ExcelJS cannot write: t="d" cells, escapes). */
async function patch(file: string, part: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const name = Object.keys(zip.files).find((n) => n.replace(/^\//, "") === part)!;
  zip.file(name, edit(await zip.file(name)!.async("string")));
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

async function partText(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const name = Object.keys(zip.files).find((n) => n.replace(/^\//, "") === part)!;
  return zip.file(name)!.async("string");
}

async function rateFile(input: string, out: string): Promise<string[]> {
  const book = await readXlsxWorkbook(input);
  const prepared = prepareRun(book.grids, { locale: "zh-CN" });
  const result = rate(prepared.table!, prepared.rules!);
  return writeResultXlsx(buildResultPlans(result, prepared.issues, "zh-CN"), { input: input, outPath: out });
}

describe("reading awkward workbooks", () => {
  test("a stray value at XFD1048576 and a formatted cell at A1048576 do not widen the grid; the value is named in a warning", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = indicatorSheet(wb);
    ws.getCell("XFD1048576").value = "x";
    ws.getCell("A1048576").numFmt = "0.00";
    const book = await readXlsxWorkbook(await save(wb, "stray.xlsx"));
    const [grid] = book.grids;
    expect(grid.values.length).toBe(6);
    expect(grid.values[0].length).toBe(HEADER.length);
    expect(book.issues).toEqual([expect.objectContaining({ code: "STRAY_CELLS_IGNORED", severity: "warning", cell: "XFD1048576", sheet: "指标数据" })]);
    const prepared = prepareRun(book.grids, { locale: "zh-CN" });
    expect(prepared.table?.zones).toHaveLength(5);
  });

  test("a data validation over whole columns is not expanded: the sheet reads as the table, and the rated copy keeps the validation", async () => {
    const wb = new ExcelJS.Workbook();
    indicatorSheet(wb);
    const file = await save(wb, "validation.xlsx");
    const rule = '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="C1:J1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    await patch(file, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/(<\/sheetData>)/, `$1${rule}`).replace(/<dataValidations[\s\S]*?<\/dataValidations>(?=[\s\S]*<dataValidations)/, ""));
    const before = await partText(file, "xl/worksheets/sheet1.xml");
    expect(before).toContain('sqref="C1:J1048576"');
    const book = await readXlsxWorkbook(file);
    expect(book.grids[0].values).toHaveLength(6);
    const out = join(dir, "validation-rated.xlsx");
    await rateFile(file, out);
    expect(await partText(out, "xl/worksheets/sheet1.xml")).toBe(before);
  });

  test('a typed date (t="d") reads as its serial with a date format, so the reader calls it a date', async () => {
    const wb = new ExcelJS.Workbook();
    indicatorSheet(wb);
    const file = await save(wb, "date.xlsx");
    await patch(file, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<c r="C2"([^>]*?)(?:\st="n")?>\s*<v>[^<]*<\/v>\s*<\/c>/, '<c r="C2" t="d"><v>2013-05-01T00:00:00Z</v></c>'));
    const [grid] = (await readXlsxWorkbook(file)).grids;
    expect(grid.values[1][2]).toBe(41395);
    expect(grid.numberFormats?.[1][2]).toBe("yyyy-mm-dd");
    const prepared = prepareRun([grid], { locale: "zh-CN" });
    expect(prepared.issues).toContainEqual(expect.objectContaining({ code: "DATE_IN_NUMBER_COLUMN", cell: "C2" }));
  });

  test("a formula without a cached value reads as an uncalculated formula; a shared-formula clone reads as its cached value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = indicatorSheet(wb);
    ws.getCell("C2").value = { formula: "D2*8" } as ExcelJS.CellFormulaValue;
    ws.getCell("C3").value = { formula: "D3*7", result: 56 } as ExcelJS.CellFormulaValue;
    ws.getCell("C4").value = { sharedFormula: "C3", result: 28 } as unknown as ExcelJS.CellValue;
    const [grid] = (await readXlsxWorkbook(await save(wb, "formulas.xlsx"))).grids;
    expect(grid.values[1][2]).toEqual({ formula: "D2*8" });
    expect(grid.values[2][2]).toBe(56);
    expect(grid.values[3][2]).toBe(28);
    const prepared = prepareRun([grid], { locale: "zh-CN" });
    expect(prepared.issues).toContainEqual(expect.objectContaining({ code: "UNCALCULATED_FORMULA", cell: "C2" }));
  });

  test("an Excel table that shows its totals row says so, and the totals row is skipped", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标数据");
    ws.addTable({
      name: "Zones",
      ref: "A1",
      headerRow: true,
      totalsRow: true,
      columns: HEADER.map((h, i) => ({ name: String(h), totalsRowFunction: i >= 2 && i <= 5 ? "sum" : "none" })) as ExcelJS.TableColumnProperties[],
      rows: zones().map((r) => r.map((v) => v ?? "")),
    });
    const [grid] = (await readXlsxWorkbook(await save(wb, "table.xlsx"))).grids;
    expect(grid.tables).toEqual([{ name: "Zones", address: "A1:J7", totalsRow: true }]);
    const prepared = prepareRun([grid], { locale: "zh-CN" });
    expect(prepared.table?.zones).toHaveLength(5);
    expect(prepared.issues).toContainEqual(expect.objectContaining({ code: "TOTALS_ROW_SKIPPED", cell: "A7" }));
  });

  test("escaped characters (_x0009_) read as the characters they stand for", async () => {
    const wb = new ExcelJS.Workbook();
    indicatorSheet(wb);
    const file = await save(wb, "escaped.xlsx");
    await patch(file, "xl/sharedStrings.xml", (xml) => xml.replace("甲区产业集聚区", "甲区_x0009_产业集聚区"));
    const [grid] = (await readXlsxWorkbook(file)).grids;
    expect(grid.values[1][0]).toBe("甲区\t产业集聚区");
  });
});

describe("re-running on a rated workbook", () => {
  test("the earlier result sheets are replaced, not added again, and the user's sheets are kept byte for byte", async () => {
    const wb = new ExcelJS.Workbook();
    indicatorSheet(wb);
    const input = await save(wb, "rerun.xlsx");
    const first = join(dir, "rerun-1.xlsx");
    const names = await rateFile(input, first);
    const second = join(dir, "rerun-2.xlsx");
    expect(await rateFile(first, second)).toEqual(names);
    const book = await readXlsxWorkbook(second);
    expect(book.sheets.map((s) => s.name)).toEqual(["指标数据", ...names]);
    expect(book.sheets.filter((s) => s.kind !== undefined).map((s) => s.name)).toEqual(names);
    expect(book.grids.map((g) => g.sheet)).toEqual(["指标数据"]);
    expect(await partText(second, "xl/worksheets/sheet1.xml")).toBe(await partText(input, "xl/worksheets/sheet1.xml"));
    const read = await new ExcelJS.Workbook().xlsx.readFile(second);
    expect(read.worksheets.map((w) => w.name)).toEqual(["指标数据", ...names]);
  });

  test("a result sheet the user renamed is still recognised and replaced", async () => {
    const wb = new ExcelJS.Workbook();
    indicatorSheet(wb);
    const input = await save(wb, "renamed.xlsx");
    const first = join(dir, "renamed-1.xlsx");
    await rateFile(input, first);
    // What Excel does on a rename: the sheet's name and every reference to it change together.
    await patch(first, "xl/workbook.xml", (xml) => xml.split("综合排名").join("2013排名"));
    const second = join(dir, "renamed-2.xlsx");
    const names = await rateFile(first, second);
    const book = await readXlsxWorkbook(second);
    expect(book.sheets.map((s) => s.name)).not.toContain("2013排名");
    expect(book.sheets.map((s) => s.name)).toEqual(["指标数据", ...names]);
  });

  test("a user's sheet that only shares a result sheet's name is kept, and the result takes a suffixed name", async () => {
    const wb = new ExcelJS.Workbook();
    indicatorSheet(wb);
    wb.addWorksheet("综合排名").getCell("A1").value = "我的排名表";
    const input = await save(wb, "own.xlsx");
    const book = await readXlsxWorkbook(input);
    const prepared = prepareRun(book.grids, { sheet: "指标数据", locale: "zh-CN" });
    const plans = buildResultPlans(rate(prepared.table!, prepared.rules!), prepared.issues, "zh-CN");
    expect(takenSheetNames(plans, book.sheets)).toEqual([{ wanted: "综合排名", name: "综合排名 (2)" }]);
    const out = join(dir, "own-rated.xlsx");
    const names = await writeResultXlsx(plans, { input: input, outPath: out });
    expect(names).toContain("综合排名 (2)");
    const read = await new ExcelJS.Workbook().xlsx.readFile(out);
    expect(read.getWorksheet("综合排名")!.getCell("A1").value).toBe("我的排名表");
    // Rated again: the user's sheet is still not the add-in's, so it stays and the result keeps its suffix.
    const again = join(dir, "own-rated-2.xlsx");
    expect(await rateFileOn(out, again)).toContain("综合排名 (2)");
    expect((await new ExcelJS.Workbook().xlsx.readFile(again)).getWorksheet("综合排名")!.getCell("A1").value).toBe("我的排名表");
  });
});

async function rateFileOn(input: string, out: string): Promise<string[]> {
  const book = await readXlsxWorkbook(input);
  const prepared = prepareRun(book.grids, { sheet: "指标数据", locale: "zh-CN" });
  return writeResultXlsx(buildResultPlans(rate(prepared.table!, prepared.rules!), prepared.issues, "zh-CN"), { input: input, outPath: out });
}

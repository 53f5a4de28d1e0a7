// What Excel checks when it opens a package, on the rated workbooks the writer makes: a file that
// fails any of these opens with "We found a problem with some content" and a repair. Checked on a
// first rating and on a re-rating (sheets dropped and added), with the input's own extras (a
// defined name scoped to a sheet, print titles, a second user sheet after the data).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rate } from "../../src/engine";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { prepareRun } from "../../src/workbook/read/prepare";
import { readXlsxWorkbook } from "../../src/xlsx/read";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { xmlElements } from "../../src/xlsx/xmlEdit";
import { zones } from "../corpus/cases";
import { HEADER } from "../corpus/header";
import { packageProblems, parts } from "./packageCheck";

const dir = mkdtempSync(join(tmpdir(), "xlsx-package-"));

async function rateFile(input: string, out: string): Promise<void> {
  const book = await readXlsxWorkbook(input);
  const prepared = prepareRun(book.grids, { sheet: "指标数据", locale: "zh-CN" });
  await writeResultXlsx(buildResultPlans(rate(prepared.table!, prepared.rules!), prepared.issues, "zh-CN"), { input: input, outPath: out });
}

test("a rated workbook and a re-rated one are sound packages, and the input's own names keep pointing at its sheets", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  ws.pageSetup.printTitlesRow = "1:1";
  const notes = wb.addWorksheet("备注");
  notes.getCell("A1").value = "说明";
  wb.definedNames.add("备注!$A$1", "NoteCell");
  const input = join(dir, "in.xlsx");
  await wb.xlsx.writeFile(input);

  const first = join(dir, "rated.xlsx");
  await rateFile(input, first);
  expect(await packageProblems(first)).toEqual([]);
  const second = join(dir, "re-rated.xlsx");
  await rateFile(first, second);
  expect(await packageProblems(second)).toEqual([]);

  const read = await new ExcelJS.Workbook().xlsx.readFile(second);
  expect(read.worksheets.slice(0, 2).map((w) => w.name)).toEqual(["指标数据", "备注"]);
  expect(read.getWorksheet("指标数据")!.pageSetup.printTitlesRow).toBe("1:1");
  const names = xmlElements((await parts(second)).get("xl/workbook.xml")!).filter((e) => e.name === "definedName");
  const printTitles = names.filter((e) => e.attrs.name === "_xlnm.Print_Titles");
  // One print-titles name per sheet that has them: the input's, and each result sheet's.
  expect(new Set(printTitles.map((e) => e.attrs.localSheetId)).size).toBe(printTitles.length);
  expect(printTitles.some((e) => e.attrs.localSheetId === "0")).toBe(true);
});

test("a workbook written without a styles part is rated into a sound package that gains one", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const name = (part: string) => Object.keys(zip.files).find((n) => n.replace(/^\//, "") === part)!;
  zip.remove(name("xl/styles.xml"));
  const drop = async (part: string, pattern: RegExp) => zip.file(name(part), (await zip.file(name(part))!.async("string")).replace(pattern, ""));
  await drop("xl/_rels/workbook.xml.rels", /<Relationship [^>]*styles"?[^>]*\/>/);
  await drop("[Content_Types].xml", /<Override [^>]*styles\.xml[^>]*\/>/);
  // Cells of the stripped file must not point at styles that no longer exist.
  await drop("xl/worksheets/sheet1.xml", / s="\d+"/g);
  const input = join(dir, "no-styles.xlsx");
  writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  expect((await parts(input)).has("xl/styles.xml")).toBe(false);
  const out = join(dir, "no-styles-rated.xlsx");
  await rateFile(input, out);
  expect(await packageProblems(out)).toEqual([]);
  expect((await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("综合排名")!.getCell("A1").font?.bold).toBe(true);
});

// The yearly cycle in the open workbook (the Office host on the fake Excel): 导入上年结果 joins
// last year's results into 历年评定, and every run after carries them forward and adds its year.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PREV_SAMPLE_FILE } from "../../../scripts/make-prev-sample";
import { sampleSheetRows } from "../../../scripts/make-sample";
import { createOfficeRatingHost } from "../../../src/excel/officeHost";
import { readPreviousRating } from "../../../src/workbook/read/previous";
import { readHistorySheet } from "../../../src/workbook/read/previous";
import { readKindedSheets as readKindedSheetsInBrowser } from "../../../src/xlsx/sheets";
import { readKindedSheets } from "../../../src/xlsx/read";
import type { Grid } from "../../../src/workbook/grid";
import { createFakeExcel, FakeWorkbook, type FakeSheet } from "../../fake-excel";

const PREV_SAMPLE = join(__dirname, "../../../samples", PREV_SAMPLE_FILE);
const RUN = { locale: "zh-CN" as const, presetId: "henan-2013", sheet: "指标数据" };

function gridOf(sheet: FakeSheet): Grid {
  const width = Math.max(0, ...sheet.rows.map((r) => r?.length ?? 0));
  return { sheet: sheet.name, originRow: 0, originCol: 0, values: Array.from(sheet.rows, (r) => Array.from({ length: width }, (_, c) => (r?.[c]?.value ?? null) as Grid["values"][number][number])) };
}

function setup() {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", sampleSheetRows());
  const excel = createFakeExcel(wb);
  return { wb, host: createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported }) };
}

describe("导入上年结果 in the pane", () => {
  it("reads last year's rated workbook in the browser as the file reader does", async () => {
    const bytes = readFileSync(PREV_SAMPLE);
    const inBrowser = readPreviousRating(await readKindedSheetsInBrowser(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), "prev.xlsx");
    const onNode = readPreviousRating(await readKindedSheets(PREV_SAMPLE), "prev.xlsx");
    expect(inBrowser.year).toBe(2012);
    expect(inBrowser.rows).toEqual(onNode.rows);
    expect(inBrowser.history).toEqual(onNode.history);
    expect(inBrowser.rows).toHaveLength(180);
  });

  it("joins last year into 历年评定, which every later run carries forward and extends by its year, once", async () => {
    const { wb, host } = setup();
    const previous = readPreviousRating(await readKindedSheets(PREV_SAMPLE), "prev.xlsx");
    const imported = await host.importPrevious!(previous, "zh-CN");
    expect(imported).toMatchObject({ ok: true, sheet: "历年评定", years: [2011, 2012], zones: 180, issues: [] });

    const first = await host.run(RUN);
    expect(first.ok).toBe(true);
    expect(first.sheetsWritten).toEqual(expect.arrayContaining(["年度结转", "历年评定", "历年趋势", "名称对照"]));
    expect(first.issues.filter((i) => i.code === "PREV_VALUE_CONFLICT")).toEqual([]);
    expect([...new Set(first.yearCycle!.history.map((r) => r.year))]).toEqual([2011, 2012, 2013]);
    expect(first.yearCycle!.exitWarnings.length).toBeGreaterThan(0);

    const second = await host.run(RUN);
    expect(second.ok).toBe(true);
    const names = wb.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("历年评定"))).toEqual(["历年评定"]);
    expect(names.filter((n) => n.startsWith("名称对照"))).toEqual(["名称对照"]);
    const history = readHistorySheet(gridOf(wb.getSheet("历年评定")!)).rows;
    expect(history.filter((r) => r.year === 2013)).toHaveLength(180);
    expect(history.filter((r) => r.year === 2012)).toHaveLength(180);
  });

  it("starts an empty history that the next run fills with its year", async () => {
    const { wb, host } = setup();
    expect(await host.importPrevious!(undefined, "zh-CN")).toMatchObject({ ok: true, sheet: "历年评定", years: [] });
    const run = await host.run(RUN);
    expect(run.yearCycle?.year).toBe(2013);
    expect(readHistorySheet(gridOf(wb.getSheet("历年评定")!)).rows).toHaveLength(180);
    expect(run.sheetsWritten).not.toContain("年度结转");
  });

  it("in English: imports into a sheet Excel accepts (History is a name it reserves), which the next run carries forward", async () => {
    const { wb, host } = setup();
    const previous = readPreviousRating(await readKindedSheets(PREV_SAMPLE), "prev.xlsx");
    const imported = await host.importPrevious!(previous, "en-US");
    expect(imported).toMatchObject({ ok: true, sheet: "Rating history", years: [2011, 2012], zones: 180 });
    const run = await host.run({ ...RUN, locale: "en-US" });
    expect(run.ok).toBe(true);
    expect([...new Set(run.yearCycle!.history.map((r) => r.year))]).toEqual([2011, 2012, 2013]);
    expect(wb.sheets.map((s) => s.name)).toContain("Rating history");
    expect(readHistorySheet(gridOf(wb.getSheet("Rating history")!)).rows.filter((r) => r.year === 2013)).toHaveLength(180);
  });
});

// The Office host's own matters on the fake Excel: requests per run, the 5 MB limits, ExcelApi levels and the
// registry sheet. What every host does is in test/host/contract.ts.
import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { REGISTRY_SHEET } from "../../src/excel/marker";
import type { CellValue } from "../../src/workbook/grid";
import { createFakeExcel, FakeWorkbook, sheetSnapshot, type FakeExcelOptions } from "../fake-excel";
import { FIRST_ZONE_ROW, indicatorRows } from "./inputs";

const RESULT_SHEETS = ["星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"];
const FIVE_MB = 5 * 1024 * 1024;

function setup(rows: CellValue[][], options: FakeExcelOptions = {}) {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", rows);
  const excel = createFakeExcel(wb, options);
  const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  return { wb, excel, host };
}

const RUN = { locale: "zh-CN" as const, presetId: "henan-2013" };

/** Every sheet but the registry, whose cells are sheet ids (new ones on each run, as in Excel). */
function visibleSnapshot(wb: FakeWorkbook): unknown {
  return wb.sheets.filter((s) => s.name !== REGISTRY_SHEET).map(sheetSnapshot);
}

describe("Office host on the fake Excel", () => {
  test.each([10, 180])("a full recompute of %i zones takes at most 4 syncs", async (n) => {
    const { wb, excel, host } = setup(indicatorRows(n));
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(true);
    expect(outcome.sheetsWritten).toEqual(RESULT_SHEETS);
    expect(excel.stats.syncs).toBeLessThanOrEqual(4);
    // A second run (replacing the first's sheets) stays within the same budget.
    excel.resetStats();
    await host.run(RUN);
    expect(excel.stats.syncs).toBeLessThanOrEqual(4);
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标数据", REGISTRY_SHEET, ...RESULT_SHEETS]);
  });

  test("50,000 zones: every request stays under 5 MB; extra syncs only for data volume", async () => {
    const { wb, excel, host } = setup(indicatorRows(50_000));
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(true);
    expect(outcome.result!.zones).toHaveLength(50_000);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThan(FIVE_MB);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThan(FIVE_MB);
    // 计算明细 alone is 50,000 × 11 indicator rows, under the title, 11 references (with their heading and header), the check row and its header.
    expect(wb.getSheet("计算明细")!.usedRect(true)!.r1).toBe(1 + 2 + 11 + 1 + 550_000);
    process.stdout.write(
      `50,000 zones: ${excel.stats.syncs} syncs, largest request ${Math.max(...excel.stats.requestBytes)} bytes, largest response ${Math.max(...excel.stats.responseBytes)} bytes\n`,
    );
  }, 600_000);

  test("an input error is found in the two reading requests; nothing is sent after them", async () => {
    const rows = indicatorRows(10);
    rows[FIRST_ZONE_ROW + 2][4] = "abc";
    const { excel, host } = setup(rows);
    expect((await host.run(RUN)).ok).toBe(false);
    expect(excel.stats.syncs).toBe(2);
  });

  test("a write spread over several requests that fails in its last one leaves no temporary sheets behind", async () => {
    const { wb, excel, host } = setup(indicatorRows(4000));
    await host.run(RUN);
    const before = visibleSnapshot(wb);
    const writeSyncs = excel.stats.requestBytes.slice(3, -1).length;
    expect(writeSyncs).toBeGreaterThan(1);
    // Syncs 1–3 read (sheet list, sizes with the first 1,000 rows, then the rest); the write takes the next ones; fail in its last.
    const failing = createOfficeRatingHost({ run: createFakeExcel(wb, { failure: { sync: 3 + writeSyncs, afterOps: 5 } }).run, isSetSupported: () => true });
    await expect(failing.run(RUN)).rejects.toMatchObject({ code: "GeneralException" });
    expect(visibleSnapshot(wb)).toEqual(before);
  }, 120_000);

  test("without ExcelApi 1.9 print setup is skipped with a notice; sheets are still recognised through the registry", async () => {
    const { wb, excel, host } = setup(indicatorRows(20), { excelApi: "1.8" });
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(true);
    expect(outcome.notices.some((n) => n.includes("ExcelApi 1.9"))).toBe(true);
    expect(wb.getSheet("综合排名")!.pageLayout).toEqual({});
    expect(wb.getSheet("综合排名")!.customProperties.size).toBe(0);
    excel.resetStats();
    await host.run(RUN);
    expect(excel.stats.syncs).toBeLessThanOrEqual(4);
    expect(wb.sheets.filter((s) => s.name !== REGISTRY_SHEET).map((s) => s.name)).toEqual(["指标数据", ...RESULT_SHEETS]);
  });

  // Each level the manifest admits, from its minimum up: what the run still does, and what it says it skipped.
  test.each([
    { excelApi: "1.2", syncs: 5, frozen: false, printed: false, marked: false },
    { excelApi: "1.4", syncs: 4, frozen: false, printed: false, marked: false },
    { excelApi: "1.7", syncs: 4, frozen: true, printed: false, marked: false },
    { excelApi: "1.9", syncs: 4, frozen: true, printed: true, marked: false },
    { excelApi: "1.12", syncs: 4, frozen: true, printed: true, marked: true },
  ])("ExcelApi $excelApi: the same results, and a notice for each thing skipped", async ({ excelApi, syncs, frozen, printed, marked }) => {
    const reference = setup(indicatorRows(30));
    await reference.host.run(RUN);
    const { wb, excel, host } = setup(indicatorRows(30), { excelApi });
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(true);
    const ranking = (w: FakeWorkbook) => Object.entries((sheetSnapshot(w.getSheet("综合排名")!) as { cells: Record<string, unknown> }).cells);
    expect(ranking(wb)).toEqual(ranking(reference.wb));
    const stars = wb.getSheet("星级评定")!;
    // 星级评定 opens with its counts by city, so only its zone columns are frozen.
    expect(stars.frozenRows + stars.frozenColumns > 0).toBe(frozen);
    expect(stars.pageLayout.paperSize === "A4").toBe(printed);
    expect(stars.customProperties.size > 0).toBe(marked);
    expect(outcome.notices.some((n) => n.includes("ExcelApi 1.7"))).toBe(!frozen);
    expect(outcome.notices.some((n) => n.includes("ExcelApi 1.9"))).toBe(!printed);
    // A second run recognises the first one's sheets (by the registry alone below 1.12) and replaces them.
    excel.resetStats();
    expect((await host.run(RUN)).sheetsWritten).toEqual(RESULT_SHEETS);
    expect(excel.stats.syncs).toBeLessThanOrEqual(syncs);
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标数据", REGISTRY_SHEET, ...RESULT_SHEETS]);
  });

  test("the rule preset of the last run is kept in the registry sheet, beside a rules sheet", async () => {
    const { wb, host } = setup(indicatorRows(12));
    await host.run({ locale: "zh-CN", presetId: "henan-2017" });
    await host.insertRulesSheet("service-zones-2016", "zh-CN");
    await host.run({ locale: "zh-CN" });
    const registry = wb.getSheet(REGISTRY_SHEET)!;
    const rows = Array.from({ length: registry.usedRect()!.r1 + 1 }, (_, r) => [registry.cellAt(r, 0)?.value, registry.cellAt(r, 1)?.value]);
    expect(rows).toContainEqual(["preset", "henan-2017"]);
  });

});

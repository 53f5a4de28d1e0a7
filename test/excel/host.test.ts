import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { REGISTRY_SHEET } from "../../src/excel/marker";
import { a1, type CellValue } from "../../src/workbook/grid";
import { createFakeExcel, FakeWorkbook, sheetSnapshot, type FakeExcelOptions } from "../fake-excel";
import { FIRST_ZONE_ROW, indicatorRows, textZoneFormats, ZONE_COLUMN } from "./inputs";

const RESULT_SHEETS = ["星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"];
const FIVE_MB = 5 * 1024 * 1024;

function setup(rows: CellValue[][], options: FakeExcelOptions = {}, formats?: string[][]) {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", rows, formats ? { numberFormats: formats } : {});
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

  test("the result sheets hold the engine's result: ranking rows and star counts", async () => {
    const { wb, host } = setup(indicatorRows(180));
    const outcome = await host.run(RUN);
    const result = outcome.result!;
    const ranking = wb.getSheet("综合排名")!;
    // The table's header row, below the leaders' block and chart the sheet opens with.
    const header = ranking.rows.findIndex((r) => r?.[0]?.value === "排名" && r?.[3]?.value === "所属地市");
    expect(header).toBeGreaterThan(0);
    result.zones.forEach((z, i) => {
      const row = header + 1 + i;
      expect(ranking.cellAt(row, 0)?.value).toBe(z.rank);
      expect(ranking.cellAt(row, 2)?.value).toBe(z.zone);
      expect(ranking.cellAt(row, 4)?.value).toBe(z.composite);
      expect(ranking.cellAt(row, 4)?.numberFormat).toBe("0.00");
    });
    // The sample is seeded to the published 2013 counts: 2 zones at 3★, 11 at 2★, 49 at 1★.
    const stars = wb.getSheet("星级评定")!;
    let totals: unknown[] | undefined;
    stars.rows.forEach((r) => {
      if (r?.[0]?.value === "合计") totals = r.slice(0, 8).map((c) => c?.value);
    });
    expect(totals).toEqual(["合计", 49, 11, 2, 0, 0, 0, 62]);
    expect(stars.charts).toHaveLength(1);
    expect(stars.charts[0].type).toBe("ColumnStacked");
    expect(stars.pageLayout.paperSize).toBe("A4");
    // Only the zones' header repeats: the title and the counts print once, on the first page.
    const starsHeader = stars.rows.findIndex((r) => r?.[0]?.value === "排名" && r?.[1]?.value === "集聚区名称") + 1;
    expect(stars.pageLayout.printTitleRows).toBe(`$${starsHeader}:$${starsHeader}`);
    expect(stars.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(wb.getSheet("表彰名单")!.pageLayout.orientation).toBe("Portrait");
    expect(wb.getSheet("表彰名单")!.pageLayout.centerFooter).toBe("第 &P 页，共 &N 页");
    expect(stars.customProperties.get("ZoneRatingAddin.kind")).toBe("stars");
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

  test("the user's input sheet is identical before and after a run", async () => {
    const { wb, host } = setup(indicatorRows(30));
    const before = sheetSnapshot(wb.getSheet("指标数据")!);
    await host.run(RUN);
    expect(sheetSnapshot(wb.getSheet("指标数据")!)).toEqual(before);
  });

  test("two runs in a row give identical workbooks", async () => {
    const { wb, host } = setup(indicatorRows(40));
    await host.run(RUN);
    const first = visibleSnapshot(wb);
    await host.run(RUN);
    expect(visibleSnapshot(wb)).toEqual(first);
  });

  test("a user sheet that holds a result's name survives; the output gets a suffixed name and a notice", async () => {
    const { wb, host } = setup(indicatorRows(20));
    wb.addSheet("综合排名", [["我的排名草稿"]]);
    const before = sheetSnapshot(wb.getSheet("综合排名")!);
    const outcome = await host.run(RUN);
    expect(outcome.sheetsWritten[1]).toBe("综合排名 (2)");
    expect(outcome.notices.some((n) => n.includes("综合排名 (2)"))).toBe(true);
    expect(sheetSnapshot(wb.getSheet("综合排名")!)).toEqual(before);
    // A rerun recognises "综合排名 (2)" as its own and replaces it, still leaving the user's sheet alone.
    const again = await host.run(RUN);
    expect(again.sheetsWritten[1]).toBe("综合排名 (2)");
    expect(wb.sheets.filter((s) => s.name.startsWith("综合排名")).map((s) => s.name)).toEqual(["综合排名", "综合排名 (2)"]);
    expect(sheetSnapshot(wb.getSheet("综合排名")!)).toEqual(before);
  });

  test("a result sheet renamed by the user is still recognised and replaced", async () => {
    const { wb, host } = setup(indicatorRows(20));
    await host.run(RUN);
    wb.getSheet("校验报告")!.name = "旧报告";
    await host.run(RUN);
    expect(wb.getSheet("旧报告")).toBeUndefined();
    expect(wb.sheets.filter((s) => s.name !== REGISTRY_SHEET).map((s) => s.name)).toEqual(["指标数据", ...RESULT_SHEETS]);
  });

  test("switching the report language replaces the English sheets: they are recognised by marker, not by name", async () => {
    const { wb, host } = setup(indicatorRows(20));
    const en = await host.run({ ...RUN, locale: "en-US" });
    expect(en.sheetsWritten).toEqual(["Stars", "Ranking", "By city", "Awards", "Promotions", "Zone profile", "Score details", "Validation"]);
    await host.run(RUN);
    expect(wb.sheets.filter((s) => s.name !== REGISTRY_SHEET).map((s) => s.name)).toEqual(["指标数据", ...RESULT_SHEETS]);
  });

  test("zone names that look like formulas come out exactly as text", async () => {
    const rows = indicatorRows(12);
    const names = ["=SUM(A1)", "+洛阳高新区", "-开封汴西", "@郑州航空港"];
    names.forEach((name, i) => (rows[FIRST_ZONE_ROW + i][ZONE_COLUMN] = name));
    const { wb, host } = setup(rows, {}, textZoneFormats(rows));
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(true);
    const ranking = wb.getSheet("综合排名")!;
    for (const name of names) {
      const found = ranking.rows.flatMap((r) => r ?? []).find((c) => c?.value === name);
      expect(found).toBeDefined();
      expect(found!.formula).toBeUndefined();
      expect(found!.numberFormat).toBe("@");
    }
  });

  test("an input error writes nothing", async () => {
    const rows = indicatorRows(10);
    rows[FIRST_ZONE_ROW + 2][4] = "abc";
    const { wb, excel, host } = setup(rows);
    const before = wb.snapshot();
    const outcome = await host.run(RUN);
    expect(outcome.ok).toBe(false);
    expect(outcome.sheetsWritten).toEqual([]);
    const error = outcome.issues.find((i) => i.severity === "error")!;
    expect([error.sheet, error.cell, error.code]).toEqual(["指标数据", "E7", "NOT_A_NUMBER"]);
    expect(wb.snapshot()).toEqual(before);
    expect(excel.stats.syncs).toBe(2);
  });

  test("a failure part-way through the write leaves the earlier results as they were and no stray sheets", async () => {
    const rows = indicatorRows(30);
    const { wb, host } = setup(rows);
    await host.run(RUN);
    const before = visibleSnapshot(wb);
    wb.setCell("指标数据", "E5", 999);
    // Syncs 1–2 read; the 3rd (the write) fails after 40 operations.
    const failing = createOfficeRatingHost({ run: createFakeExcel(wb, { failure: { sync: 3, afterOps: 40 } }).run, isSetSupported: () => true });
    await expect(failing.run(RUN)).rejects.toMatchObject({ code: "GeneralException" });
    const after = visibleSnapshot(wb) as Array<{ name: string }>;
    expect(after.map((s) => s.name)).toEqual(["指标数据", ...RESULT_SHEETS]);
    expect(after.slice(1)).toEqual((before as unknown[]).slice(1));
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

  test("a run without a preset uses the workbook's last one (the ribbon after a pane run with henan-2017)", async () => {
    const { wb, host } = setup(indicatorRows(12));
    const fresh = await host.run({ locale: "zh-CN" });
    expect(fresh.result?.rules.id).toBe("henan-2013");
    await host.run({ locale: "zh-CN", presetId: "henan-2017" });
    const again = await host.run({ locale: "zh-CN" });
    expect(again.result?.rules.id).toBe("henan-2017");
    // The pane opening on this workbook starts from that preset too.
    const look = await host.overview("zh-CN");
    expect([look.presetId, look.rules?.id]).toEqual(["henan-2017", "henan-2017"]);
    expect((await host.overview("zh-CN", "henan-2013")).presetId).toBe("henan-2013");
    // A rules sheet wins over the kept preset; the preset is still kept for when that sheet goes.
    await host.insertRulesSheet("service-zones-2016", "zh-CN");
    expect((await host.run({ locale: "zh-CN" })).result?.rules.id).toBe("service-zones-2016");
    const registry = wb.getSheet(REGISTRY_SHEET)!;
    const rows = Array.from({ length: registry.usedRect()!.r1 + 1 }, (_, r) => [registry.cellAt(r, 0)?.value, registry.cellAt(r, 1)?.value]);
    expect(rows).toContainEqual(["preset", "henan-2017"]);
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const { wb, host } = setup(indicatorRows(5));
    wb.addSheet("其他");
    wb.activeSheet = "其他";
    await host.selectCell("指标数据", "E7");
    expect(wb.activeSheet).toBe("指标数据");
    expect(wb.selection).toEqual({ sheet: "指标数据", cell: "E7" });
  });

  test("the inserted rules sheet is read back by the next run; removeResultSheets deletes only results", async () => {
    const { wb, host } = setup(indicatorRows(20));
    const name = await host.insertRulesSheet("henan-2013", "zh-CN");
    expect(name).toBe("评定规则");
    const overview = await host.overview("zh-CN", "henan-2013");
    expect(overview.rulesSource).toBe("sheet");
    expect(overview.indicatorSheet).toBe("指标数据");
    expect(overview.zoneCount).toBe(20);
    expect(overview.sheets.find((s) => s.name === "评定规则")?.ownedByAddin).toBe(true);
    await host.run(RUN);
    expect(await host.removeResultSheets()).toBe(RESULT_SHEETS.length);
    expect(wb.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["指标数据", "评定规则"]);
  });

  test("an invalid rules sheet: the overview shows no rules in its place (not the preset's) and lists its errors", async () => {
    const { wb, host } = setup(indicatorRows(12));
    await host.insertRulesSheet("henan-2017", "zh-CN");
    const sheet = wb.getSheet("评定规则")!;
    const rect = sheet.usedRect()!;
    let numeric: string | undefined;
    for (let r = rect.r0; r <= rect.r1 && !numeric; r++) for (let c = rect.c0; c <= rect.c1 && !numeric; c++) if (typeof sheet.cellAt(r, c)?.value === "number") numeric = a1(r, c);
    wb.setCell("评定规则", numeric!, "abc");
    const overview = await host.overview("zh-CN", "henan-2013");
    expect(overview.rulesSource).toBe("sheet");
    expect(overview.rules).toBeUndefined();
    expect(overview.issues.some((i) => i.severity === "error" && i.sheet === "评定规则" && i.cell === numeric)).toBe(true);
  });

  test("the template sheet is a user sheet the reader accepts, with entry checks", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    const excel = createFakeExcel(wb);
    const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const name = await host.insertSampleSheet("zh-CN");
    expect(name).toBe("指标数据");
    expect(wb.getSheet(name)!.dataValidations.length).toBeGreaterThan(0);
    const overview = await host.overview("zh-CN", "henan-2013");
    expect(overview.indicatorSheet).toBe("指标数据");
    expect(overview.zoneCount).toBe(3);
    expect(overview.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

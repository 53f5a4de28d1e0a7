import { capabilities } from "../../src/excel/capabilities";
import { REGISTRY_SHEET } from "../../src/excel/marker";
import { CELL_BYTES, readWorkbook, splitAddress, WINDOW_COLUMNS } from "../../src/excel/read";
import { createFakeExcel, FakeWorkbook, MAX_REQUEST_BYTES, type FakeExcelOptions } from "../fake-excel";
import type { CellValue } from "../../src/workbook/grid";
import { indicatorRows } from "./inputs";

function readWith(wb: FakeWorkbook, options: FakeExcelOptions = {}, sheet?: string) {
  const excel = createFakeExcel(wb, options);
  const state = excel.run((context) => readWorkbook(context, capabilities(excel.isSetSupported), { values: true, ...(sheet !== undefined ? { sheet } : {}) }));
  return { excel, state };
}

function textRows(rows: number, cols: number, cell: (r: number, c: number) => string): CellValue[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
}

describe("reading the workbook on the fake Excel", () => {
  test("30 sheets × 200 columns of text: every request and response stays under 5 MB, none refused", async () => {
    const wb = new FakeWorkbook();
    const SHEETS = 30;
    const ROWS = 300;
    const COLS = 200;
    for (let s = 0; s < SHEETS; s++) wb.addSheet(`说明${s + 1}`, textRows(ROWS, COLS, (r, c) => `第${r + 1}行${c + 1}列`));
    const { excel, state } = readWith(wb);
    const { grids } = await state;
    expect(grids).toHaveLength(SHEETS);
    for (const [s, grid] of grids.entries()) {
      expect([grid.sheet, grid.values.length, grid.values[0].length]).toEqual([`说明${s + 1}`, ROWS, COLS]);
      expect([grid.values[0][0], grid.values[ROWS - 1][COLS - 1], grid.values[123][45]]).toEqual(["第1行1列", `第${ROWS}行${COLS}列`, "第124行46列"]);
    }
    const total = excel.stats.responseBytes.reduce((a, b) => a + b, 0);
    // Read in one request, as the first read used to, this workbook is several times Excel's limit.
    expect(total).toBeGreaterThan(4 * MAX_REQUEST_BYTES);
    expect(excel.stats.refusedResponses).toBe(0);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThan(MAX_REQUEST_BYTES);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThan(MAX_REQUEST_BYTES);
    // Requests go by volume: each carries close to the budget, so their number follows from the total.
    expect(excel.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / (2 * 1024 * 1024)));
  }, 120_000);

  test("cells far longer than assumed: a refused response is asked again in smaller chunks, and every cell arrives", async () => {
    const wb = new FakeWorkbook();
    const long = (r: number, c: number) => `${r}/${c}：${"产业集聚区发展说明".repeat(12)}`;
    wb.addSheet("长文本", textRows(1200, 20, long));
    const { excel, state } = readWith(wb);
    const [grid] = (await state).grids;
    expect(grid.values).toEqual(textRows(1200, 20, long));
    expect(excel.stats.refusedResponses).toBeGreaterThan(0);
    // Each refusal doubles the sheet's estimate: a cell of ~330 bytes takes at most log2(330 / CELL_BYTES) + 1 of them.
    expect(excel.stats.refusedResponses).toBeLessThanOrEqual(Math.ceil(Math.log2(330 / CELL_BYTES)) + 1);
  }, 120_000);

  test("a sheet wider than the first window and longer than it is read whole, its origin kept", async () => {
    const wb = new FakeWorkbook();
    const rows = textRows(1500, WINDOW_COLUMNS + 8, (r, c) => `${r},${c}`);
    wb.addSheet("宽表", rows, { originRow: 2, originCol: 3 });
    const { excel, state } = readWith(wb);
    const [grid] = (await state).grids;
    expect([grid.originRow, grid.originCol]).toEqual([2, 3]);
    expect(grid.values).toEqual(rows);
    expect(grid.numberFormats?.[0][0]).toBe("General");
    expect(excel.stats.syncs).toBe(3);
  });

  test("a normal workbook is read in two requests, whatever its number of zones", async () => {
    for (const zones of [10, 180, 900]) {
      const wb = new FakeWorkbook();
      wb.addSheet("指标数据", indicatorRows(zones));
      wb.addSheet("备注", [["说明"]]);
      const { excel, state } = readWith(wb);
      expect((await state).grids.map((g) => g.values.length)).toEqual([4 + zones, 1]);
      expect(excel.stats.syncs).toBe(2);
    }
  });

  test("tables carry their address on the sheet and whether they show a totals row", async () => {
    const wb = new FakeWorkbook();
    const rows = indicatorRows(5);
    wb.addSheet("指标 数据", rows, { tables: [{ name: "Zones", address: "A4:W10", showTotals: true }] });
    wb.addSheet("它's", [["a"], [1]], { tables: [{ name: "Other", address: "A1:A2" }] });
    const { state } = readWith(wb);
    const { grids, sheets } = await state;
    expect(grids.map((g) => g.tables)).toEqual([[{ name: "Zones", address: "A4:W10", totalsRow: true }], [{ name: "Other", address: "A1:A2" }]]);
    expect(sheets.map((s) => s.tables)).toEqual([["Zones"], ["Other"]]);
  });

  test("a blank sheet is an empty grid, as before (getUsedRange answers A1 for it)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("空表");
    wb.addSheet("一格", [["x"]]);
    const { state } = readWith(wb);
    expect((await state).grids.map((g) => [g.sheet, g.values])).toEqual([
      ["空表", []],
      ["一格", [["x"]]],
    ]);
  });

  test.each(["1.2", "1.3"])("ExcelApi %s: no *OrNullObject, so the registry is read with the sizes and the cells one request later", async (excelApi) => {
    const wb = new FakeWorkbook();
    wb.addSheet("指标数据", indicatorRows(12));
    const result = wb.addSheet("综合排名", [["旧结果"]]);
    wb.addSheet(REGISTRY_SHEET, [[result.id, "ranking"], ["preset", "henan-2017"]], { visibility: "VeryHidden" });
    const { excel, state } = readWith(wb, { excelApi });
    const read = await state;
    expect(read.grids.map((g) => g.sheet)).toEqual(["指标数据"]);
    expect(read.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["指标数据", undefined],
      ["综合排名", "ranking"],
    ]);
    expect(read.presetId).toBe("henan-2017");
    expect(excel.stats.syncs).toBe(3);
  });

  test("splitAddress undoes Excel's quoting of sheet names", () => {
    expect(splitAddress("Sheet1!A1:B2")).toEqual({ sheet: "Sheet1", local: "A1:B2" });
    expect(splitAddress("'指标 数据'!A4:W10")).toEqual({ sheet: "指标 数据", local: "A4:W10" });
    expect(splitAddress("'It''s!'!C3")).toEqual({ sheet: "It's!", local: "C3" });
  });
});

import { createFakeExcel, FakeWorkbook, MAX_REQUEST_BYTES } from ".";

function fake(excelApi?: string) {
  const wb = new FakeWorkbook();
  wb.addSheet("数据", [
    ["集聚区名称", "增加值"],
    ["郑州航空港区", 180],
  ]);
  return { wb, excel: createFakeExcel(wb, excelApi ? { excelApi } : {}) };
}

describe("fake Excel", () => {
  test("reading a property that was not loaded and synced throws PropertyNotLoaded", async () => {
    const { excel } = fake();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["集聚区名称", "增加值"],
        ["郑州航空港区", 180],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("writes are queued and applied at sync; each sync's request size is counted", async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("C1").values = [["税收"]];
      expect(wb.getSheet("数据")!.cell("C1").value).toBeNull();
      await context.sync();
    });
    expect(wb.getSheet("数据")!.cell("C1").value).toBe("税收");
    expect(excel.stats.syncs).toBe(1);
    // The request carries the sheet lookup, the range path and the values.
    expect(excel.stats.requestBytes[0]).toBeGreaterThan(JSON.stringify([["税收"]]).length);
  });

  test('a string starting with "=" becomes a formula unless the cell is formatted as text first', async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      ws.getRange("A3").values = [["=SUM(B2)"]];
      const text = ws.getRange("A4");
      text.numberFormat = [["@"]];
      text.values = [["=SUM(B2)"]];
      await context.sync();
    });
    const sheet = wb.getSheet("数据")!;
    expect(sheet.cell("A3").formula).toBe("=SUM(B2)");
    expect(sheet.cell("A4").formula).toBeUndefined();
    expect(sheet.cell("A4").value).toBe("=SUM(B2)");
  });

  test("a request over 5 MB is refused whole", async () => {
    const { wb, excel } = fake();
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(90)]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange(`D1:D${big.length}`).values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(excel.stats.requestBytes[0]).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(wb.getSheet("数据")!.cell("D1").value).toBeNull();
  });

  test.each([
    [["a".repeat(32)], "InvalidArgument"],
    [["a/b"], "InvalidArgument"],
    [["x[1]"], "InvalidArgument"],
    [["数据"], "ItemAlreadyExists"],
    [["DATA", "data"], "ItemAlreadyExists"],
  ])("sheet names %j are refused with %s", async (names, code) => {
    const { excel } = fake();
    await excel.run(async (context) => {
      for (const name of names) context.workbook.worksheets.add(name);
      await expect(context.sync()).rejects.toMatchObject({ code });
    });
  });

  test("getItemOrNullObject and the used range report null objects after sync", async () => {
    const { excel } = fake();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      const empty = context.workbook.worksheets.add("空表").getUsedRangeOrNullObject();
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
    });
  });

  test("requirement sets: pageLayout needs 1.9 and customProperties 1.12", async () => {
    const { excel } = fake("1.8");
    expect(excel.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => ws.customProperties).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  test("onChange hears user edits and applied requests; snapshot compares whole workbooks", async () => {
    const { wb, excel } = fake();
    const before = wb.snapshot();
    let heard = 0;
    const off = wb.onChange(() => heard++);
    wb.setCell("数据", "B2", 181);
    expect(heard).toBe(1);
    expect(wb.snapshot()).not.toEqual(before);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("B2").values = [[180]];
      await context.sync();
    });
    expect(heard).toBe(2);
    expect(wb.snapshot()).toEqual(before);
    off();
    wb.setCell("数据", "B2", 1);
    expect(heard).toBe(2);
  });
});

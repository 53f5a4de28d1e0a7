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

  test.each([
    ["pageLayout", "1.8", (ws: Excel.Worksheet) => (ws.pageLayout.orientation = "Portrait")],
    ["customProperties", "1.11", (ws: Excel.Worksheet) => ws.customProperties.add("k", "v")],
    ["getRangeByIndexes", "1.6", (ws: Excel.Worksheet) => (ws.getRangeByIndexes(0, 0, 1, 1).values = [[1]])],
    ["freezePanes", "1.6", (ws: Excel.Worksheet) => ws.freezePanes.freezeRows(1)],
    ["getUsedRangeOrNullObject", "1.3", (ws: Excel.Worksheet) => ws.getUsedRangeOrNullObject().load("address")],
    ["merge", "1.1", (ws: Excel.Worksheet) => ws.getRange("A1:B1").merge()],
  ])("%s on a host below its set (ExcelApi %s) fails the request at sync with ApiNotFound", async (_member, excelApi, use) => {
    const { wb, excel } = fake(excelApi);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      use(ws);
      ws.getRange("C1").values = [["之后"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    expect(wb.getSheet("数据")!.cell("C1").value).toBeNull();
  });

  test("a response over 5 MB delivers nothing: the loads of that request stay unloaded", async () => {
    const { wb, excel } = fake();
    wb.addSheet("长文本", Array.from({ length: 20_000 }, (_, r) => [`第${r}行：${"说明".repeat(50)}`]));
    await excel.run(async (context) => {
      const names = context.workbook.worksheets.load("items/name");
      const big = context.workbook.worksheets.getItem("长文本").getRange("A1:A20000").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => big.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => names.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(excel.stats.refusedResponses).toBe(1);
  });

  test("payload sizes count UTF-8 bytes: a Chinese character is three", async () => {
    const { excel } = fake();
    const sizeOf = async (text: string): Promise<number> => {
      excel.resetStats();
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("D1").values = [[text]];
        await context.sync();
      });
      return excel.stats.requestBytes[0];
    };
    expect((await sizeOf("区".repeat(1000))) - (await sizeOf("a".repeat(1000)))).toBe(2000);
  });

  test('strings starting with "+" or "-" are entered as formulas too, or as numbers when they are numbers', async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      ws.getRange("A3:D3").values = [["+洛阳", "-开封", "-5", "-"]];
      const text = ws.getRange("A4:B4");
      text.numberFormat = [["@", "@"]];
      text.values = [["+洛阳", "-5"]];
      await context.sync();
    });
    const sheet = wb.getSheet("数据")!;
    expect([sheet.cell("A3").formula, sheet.cell("B3").formula]).toEqual(["=+洛阳", "=-开封"]);
    expect([sheet.cell("C3").value, sheet.cell("D3").value, sheet.cell("D3").formula]).toEqual([-5, "-", undefined]);
    expect([sheet.cell("A4").value, sheet.cell("B4").value, sheet.cell("A4").formula]).toEqual(["+洛阳", "-5", undefined]);
  });

  test("error values read back as their error text", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("数据", [[{ error: "#DIV/0!" }, { error: "#N/A" }]]);
    await createFakeExcel(wb).run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A1:B1").load("values");
      await context.sync();
      expect(range.values).toEqual([["#DIV/0!", "#N/A"]]);
    });
  });

  test("merging keeps only the upper-left value (each row's first when merging across)", async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      ws.getRange("A5:B6").values = [
        ["标题", "丢弃"],
        ["丢弃", "丢弃"],
      ];
      ws.getRange("A5:B6").merge();
      ws.getRange("A8:B9").values = [
        ["一", "丢弃"],
        ["二", "丢弃"],
      ];
      ws.getRange("A8:B9").merge(true);
      await context.sync();
    });
    const sheet = wb.getSheet("数据")!;
    expect(["A5", "B5", "A6", "B6"].map((a) => sheet.cell(a).value)).toEqual(["标题", null, null, null]);
    expect(["A8", "B8", "A9", "B9"].map((a) => sheet.cell(a).value)).toEqual(["一", null, "二", null]);
    expect(sheet.merges).toEqual(["A5:B6", "A8:B8", "A9:B9"]);
  });

  test("a very hidden sheet cannot be deleted, and the last visible sheet cannot be hidden", async () => {
    const { wb, excel } = fake();
    wb.addSheet("注册表", [], { visibility: "VeryHidden" });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("注册表").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      context.workbook.worksheets.getItem("数据").visibility = "Hidden";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["数据", "Visible"],
      ["注册表", "VeryHidden"],
    ]);
  });

  test("a rename onto another sheet's name (in any case) or onto History is refused", async () => {
    const { wb, excel } = fake();
    wb.addSheet("Data");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").name = "数据";
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      context.workbook.worksheets.getItem("Data").name = "history";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      context.workbook.worksheets.getItem("Data").name = "DATA";
      await context.sync();
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["数据", "DATA"]);
  });

  test("custom property keys are case-insensitive: add replaces, lookup finds; keys over 255 characters are refused", async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      const props = context.workbook.worksheets.getItem("数据").customProperties;
      props.add("Kind", "stars");
      props.add("KIND", "ranking");
      const found = props.getItemOrNullObject("kind").load("value");
      await context.sync();
      expect(found.value).toBe("ranking");
      props.add("k".repeat(256), "x");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect([...wb.getSheet("数据")!.customProperties]).toEqual([["KIND", "ranking"]]);
  });

  test("page layout: print title rows must be whole rows, orientation one of two, zoom set as one object", async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("数据").pageLayout;
      layout.setPrintTitleRows("A1:B2");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      layout.orientation = "Sideways" as Excel.PageOrientation;
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(() => (layout.zoom.scale = 80)).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      layout.setPrintTitleRows("$1:$2");
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
    });
    expect(wb.getSheet("数据")!.pageLayout).toEqual({ printTitleRows: "$1:$2", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  test('charts: seriesBy "Auto" is by columns, as in Excel on the web; anything but Auto/Columns/Rows is refused', async () => {
    const { wb, excel } = fake();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      ws.charts.add("ColumnStacked", ws.getRange("A1:B2"), "Auto");
      ws.charts.add("ColumnStacked", ws.getRange("A1:B2"), "Diagonal" as Excel.ChartSeriesBy);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(wb.getSheet("数据")!.charts.map((c) => [c.source, c.seriesBy])).toEqual([["A1:B2", "Columns"]]);
  });

  test("workbook tables load their name and totals row, and getRange gives the whole table with its sheet", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("指标 数据", [["名称"], ["甲"], ["合计"]], { tables: [{ name: "Zones", address: "A1:A3", showTotals: true }] });
    wb.addSheet("其他", [["x"]], { tables: [{ name: "Other", address: "A1:A1" }] });
    await createFakeExcel(wb).run(async (context) => {
      const tables = context.workbook.tables.load("items/name,items/showTotals");
      await context.sync();
      const ranges = tables.items.map((t) => t.getRange().load("address"));
      await context.sync();
      expect(tables.items.map((t, i) => [t.name, t.showTotals, ranges[i].address])).toEqual([
        ["Zones", true, "'指标 数据'!A1:A3"],
        ["Other", false, "'其他'!A1"],
      ]);
    });
  });

  test("the used range of a blank sheet is A1, not an error", async () => {
    const { excel } = fake();
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.add("空表").getUsedRange(true).load("address,values");
      await context.sync();
      expect([used.address, used.values]).toEqual(["'空表'!A1", [[""]]]);
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

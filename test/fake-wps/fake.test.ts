// The fake WPS itself: each behaviour the README lists, strict where WPS (after Excel) is.
import { createFakeWps, WpsWorkbook } from ".";

function fake() {
  const wb = new WpsWorkbook();
  wb.addSheet("数据", [
    ["集聚区名称", "增加值"],
    ["郑州航空港区", 180],
  ]);
  const wps = createFakeWps(wb);
  const app = wps.application;
  const ws = app.ActiveWorkbook!.Worksheets.Item("数据") as Et.Worksheet;
  return { wb, wps, app, ws };
}

describe("fake WPS", () => {
  test("Value2: one cell's value alone (undefined when empty), a larger range as rows of values", () => {
    const { ws } = fake();
    expect(ws.Range("B2").Value2).toBe(180);
    expect(ws.Range("C9").Value2).toBeUndefined();
    expect(ws.Range("A1:C2").Value2).toEqual([
      ["集聚区名称", "增加值", undefined],
      ["郑州航空港区", 180, undefined],
    ]);
  });

  test("Value2 takes rows exactly the range's size; text that reads as a number or a formula is taken as one unless the cell is text (\"@\")", () => {
    const { wb, ws } = fake();
    expect(() => (ws.Range("A5:B5").Value2 = [["a"]] as unknown as string)).toThrow("not 1×2");
    expect(() => (ws.Range("A5:B6").Value2 = "a")).toThrow("takes rows of values");
    ws.Range("A5:D5").Value2 = [["=SUM(B1)", "001", "TRUE", "+洛阳"]] as unknown as string;
    const sheet = wb.getSheet("数据")!;
    expect(["A5", "B5", "C5", "D5"].map((a) => sheet.cell(a))).toEqual([
      { value: "=SUM(B1)", formula: "=SUM(B1)", numberFormat: "General" },
      { value: 1, numberFormat: "General" },
      { value: true, numberFormat: "General" },
      { value: "=+洛阳", formula: "=+洛阳", numberFormat: "General" },
    ]);
    ws.Range("A6:B6").NumberFormat = "@";
    ws.Range("A6:B6").Value2 = [["=SUM(B1)", "001"]] as unknown as string;
    expect([sheet.cell("A6").value, sheet.cell("A6").formula, sheet.cell("B6").value]).toEqual(["=SUM(B1)", undefined, "001"]);
  });

  test("NumberFormat of cells that differ is null; one format is set on a whole range", () => {
    const { ws } = fake();
    ws.Range("B1:B2").NumberFormat = "0.00";
    expect(ws.Range("B1:B2").NumberFormat).toBe("0.00");
    expect(ws.Range("A1:B2").NumberFormat).toBeNull();
    expect(() => (ws.Range("A1:A2").NumberFormat = [["@"], ["@"]] as unknown as string)).toThrow("one number format");
  });

  test("every property read, property write and method call through the object model is counted", () => {
    const { wps, ws } = fake();
    wps.fake.resetStats();
    const range = ws.Range("A1:B2");
    void range.Value2;
    range.NumberFormat = "@";
    expect(wps.stats.calls).toBe(3);
    expect([...wps.stats.byMember]).toEqual([
      ["Worksheet.Range()", 1],
      ["Range.Value2", 1],
      ["Range.NumberFormat (set)", 1],
    ]);
    expect(() => (range as unknown as { Hidden: boolean }).Hidden).toThrow("not modelled");
  });

  test("names follow a renamed sheet and point at #REF! once it is deleted; Add redefines a name", () => {
    const { wb, app } = fake();
    const names = app.ActiveWorkbook!.Names;
    names.Add("_ZoneRating_stars", "='数据'!$A$1", false);
    wb.renameSheet("数据", "Data 1");
    expect(names.Item("_ZoneRating_stars").RefersTo).toBe("='Data 1'!$A$1");
    wb.addSheet("其他");
    wb.deleteSheet("Data 1");
    expect(names.Item(1).RefersTo).toBe("=#REF!$A$1");
    names.Add("_ZONERATING_STARS", '="x"', false);
    expect(names.Count).toBe(1);
    expect(() => names.Item("missing")).toThrow("名称不存在");
  });

  test("sheets: Add goes before the active sheet (or after After) and becomes active; names are checked; the last visible sheet stays", () => {
    const { wb, app, ws } = fake();
    const sheets = app.ActiveWorkbook!.Worksheets;
    const first = sheets.Add() as Et.Worksheet;
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet2", "数据"]);
    expect(wb.activeSheet).toBe("Sheet2");
    sheets.Add(undefined, sheets.Item(sheets.Count));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet2", "数据", "Sheet3"]);
    expect(() => (first.Name = "数据")).toThrow("已被占用");
    expect(() => (first.Name = "a/b")).toThrow("名称无效");
    first.Delete();
    (sheets.Item("Sheet3") as Et.Worksheet).Delete();
    expect(() => ws.Delete()).toThrow("至少要有一张可见的工作表");
  });

  test("events reach the listeners at once, for the add-in's own writes as for the user's edits, and stop when removed", () => {
    const { wb, app, ws } = fake();
    const heard: string[] = [];
    const onChange = (sheet: Et.Worksheet, target: Et.Range) => heard.push(`change ${sheet.Name} ${target.Row}`);
    app.ApiEvent.AddApiEventListener("SheetChange", onChange);
    ws.Range("C3").Value2 = 5 as unknown as string;
    expect(heard).toEqual(["change 数据 3"]);
    wb.setCell("数据", "A9", "x");
    app.ApiEvent.RemoveApiEventListener("SheetChange", onChange);
    ws.Range("C4").Value2 = 5 as unknown as string;
    expect(heard).toEqual(["change 数据 3", "change 数据 1"]);
  });

  test("Select needs the range's sheet to be active; merging keeps the upper-left value", () => {
    const { wb, ws } = fake();
    wb.addSheet("其他");
    wb.activeSheet = "其他";
    expect(() => ws.Range("B2").Select()).toThrow("未激活");
    ws.Activate();
    ws.Range("B2").Select();
    expect(wb.getSheet("数据")!.selection).toBe("B2");
    ws.Range("A1:B1").Merge();
    expect(ws.Range("A1:B1").Value2).toEqual([["集聚区名称", undefined]]);
  });

  test("validation: Add where one exists fails until Delete; PrintTitleRows takes whole rows", () => {
    const { ws } = fake();
    ws.Range("B2:B9").Validation.Add(2 as Et.XlDVType, 1, 7, "0");
    expect(() => ws.Range("B5").Validation.Add(2 as Et.XlDVType, 1, 7, "0")).toThrow("已有数据有效性");
    ws.Range("B5").Validation.Delete();
    ws.Range("B5").Validation.Add(2 as Et.XlDVType, 1, 7, "0");
    expect(() => (ws.PageSetup.PrintTitleRows = "A1:B2")).toThrow("整行");
  });

  test("task panes are kept by id; PluginStorage reads null for a key never set", () => {
    const { wps, app } = fake();
    const pane = app.CreateTaskPane("taskpane.html", "评定");
    expect(pane.Visible).toBe(false);
    app.GetTaskPane(pane.ID).Visible = true;
    expect(wps.fake.taskPanes.get(pane.ID)?.Visible).toBe(true);
    expect(() => app.GetTaskPane(99)).toThrow("No task pane");
    expect(app.PluginStorage.getItem("x")).toBeNull();
    app.PluginStorage.setItem("x", 3);
    expect(app.PluginStorage.getItem("x")).toBe("3");
  });

  test("a failure can be injected at the nth call of a member", () => {
    const wb = new WpsWorkbook();
    wb.addSheet("数据");
    const { application } = createFakeWps(wb, { failure: { member: "Worksheet.Range()", nth: 2 } });
    const ws = application.ActiveWorkbook!.Worksheets.Item(1) as Et.Worksheet;
    ws.Range("A1");
    expect(() => ws.Range("A1")).toThrow("模拟的 WPS 调用失败");
  });
});

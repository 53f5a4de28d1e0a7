// The fake's worksheet events: registered at sync, delivered after the change's request (or edit),
// with the arguments Excel gives, removed through the context that added them.
import { createFakeExcel, FakeWorkbook } from ".";

function fake(excelApi?: string) {
  const wb = new FakeWorkbook();
  const data = wb.addSheet("数据", [
    ["集聚区名称", "增加值"],
    ["郑州航空港区", 180],
  ]);
  return { wb, data, excel: createFakeExcel(wb, excelApi ? { excelApi } : {}) };
}

describe("fake Excel events", () => {
  test("a handler is registered by the sync and hears a user's edit after it, with Excel's arguments", async () => {
    const { wb, data, excel } = fake();
    const heard: unknown[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").onChanged.add(async (args) => void heard.push(args));
      wb.setCell("数据", "B2", 181);
      await wb.eventsDelivered();
      expect(heard).toEqual([]);
      await context.sync();
    });
    wb.setCell("数据", "B2", 182);
    expect(heard).toEqual([]);
    await wb.eventsDelivered();
    expect(heard).toEqual([{ type: "WorksheetChanged", worksheetId: data.id, address: "B2", changeType: "RangeEdited", source: "Local" }]);
  });

  test("an add-in's write fires onChanged once its request is done, not during it", async () => {
    const { wb, data, excel } = fake();
    const heard: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").onChanged.add(async (args) => void heard.push(args.type === "WorksheetChanged" ? args.address : ""));
      await context.sync();
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("A3:B3").values = [["洛阳", 90]];
      const pending = context.sync();
      expect(heard).toEqual([]);
      await pending;
    });
    await wb.eventsDelivered();
    expect(heard).toEqual(["A3:B3"]);
    expect(data.cell("A3").value).toBe("洛阳");
  });

  test("a sheet's handler hears that sheet only; number formats are not data changes", async () => {
    const { wb, excel } = fake();
    wb.addSheet("备注", [["说明"]]);
    const heard: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").onChanged.add(async (args) => void heard.push(args.worksheetId));
      await context.sync();
    });
    wb.setCell("备注", "A2", "无");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("B2").numberFormat = [["0.00"]];
      await context.sync();
    });
    await wb.eventsDelivered();
    expect(heard).toEqual([]);
  });

  test("the sheet list's onAdded and onDeleted hear sheets added and deleted, by the add-in or the user", async () => {
    const { wb, excel } = fake();
    const heard: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async (args) => void heard.push(`${args.type} ${args.worksheetId}`));
      context.workbook.worksheets.onDeleted.add(async (args) => void heard.push(`${args.type} ${args.worksheetId}`));
      await context.sync();
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.add("结果");
      await context.sync();
    });
    const added = wb.getSheet("结果")!.id;
    const byUser = wb.addSheet("Sheet2").id;
    wb.deleteSheet("结果");
    await wb.eventsDelivered();
    expect(heard).toEqual([`WorksheetAdded ${added}`, `WorksheetAdded ${byUser}`, `WorksheetDeleted ${added}`]);
  });

  test("getItem takes a sheet's id as well as its name", async () => {
    const { data, excel } = fake();
    await excel.run(async (context) => {
      const byId = context.workbook.worksheets.getItem(data.id).load("name");
      await context.sync();
      expect(byId.name).toBe("数据");
    });
  });

  test("remove() on the handler's result, synced on the context that added it, stops it", async () => {
    const { wb, excel } = fake();
    const heard: string[] = [];
    const result = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("数据").onChanged.add(async () => void heard.push("changed"));
      await context.sync();
      return r;
    });
    // Synced on another context, the removal is never sent.
    await excel.run(async (context) => {
      result.remove();
      await context.sync();
    });
    wb.setCell("数据", "A1", "名称");
    await wb.eventsDelivered();
    expect(heard).toEqual(["changed"]);
    await excel.run(result.context, async (context) => {
      await context.sync();
    });
    expect(wb.eventHandlers.size).toBe(0);
    wb.setCell("数据", "A1", "集聚区名称");
    await wb.eventsDelivered();
    expect(heard).toEqual(["changed"]);
  });

  test("below ExcelApi 1.7 adding a handler fails at sync with ApiNotFound", async () => {
    const { wb, excel } = fake("1.6");
    await excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async () => undefined);
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    expect(wb.eventHandlers.size).toBe(0);
  });
});

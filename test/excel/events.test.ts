// The Office host's change events on the fake Excel: what watchSheets reports, and that the pane's
// follower, fed by it, tells the user's edits from the add-in's own writes.
import type { SheetChange } from "../../src/host/host";
import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { WorkbookFollower } from "../../src/taskpane/follow";
import { createFakeExcel, FakeWorkbook, type FakeExcelOptions } from "../fake-excel";
import { FIRST_ZONE_ROW, indicatorRows } from "./inputs";

const RUN = { locale: "zh-CN" as const, presetId: "henan-2013" };

function setup(options: FakeExcelOptions = {}) {
  const wb = new FakeWorkbook();
  const data = wb.addSheet("指标数据", indicatorRows(20));
  const notes = wb.addSheet("备注", [["说明"]]);
  const excel = createFakeExcel(wb, options);
  const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  return { wb, data, notes, excel, host };
}

/** The 增加值 cell of the first zone: a number an official might correct. */
const VALUE_ADDED = `E${FIRST_ZONE_ROW + 1}`;

describe("watchSheets on the fake Excel", () => {
  test("reports edits on every sheet, and sheets added and deleted, by their ids", async () => {
    const { wb, data, notes, host } = setup();
    const heard: SheetChange[] = [];
    const stop = await host.watchSheets((c) => heard.push(c));
    expect(stop).toBeDefined();
    wb.setCell("指标数据", VALUE_ADDED, 99);
    wb.setCell("备注", "A2", "核对中");
    const added = wb.addSheet("新表");
    await wb.eventsDelivered();
    // The new sheet's own onChanged is added as it arrives, so an edit there is heard too.
    wb.setCell("新表", "A1", "x");
    wb.deleteSheet("新表");
    await wb.eventsDelivered();
    expect(heard).toEqual([
      { kind: "changed", worksheetId: data.id },
      { kind: "changed", worksheetId: notes.id },
      { kind: "added", worksheetId: added.id },
      { kind: "changed", worksheetId: added.id },
      { kind: "deleted", worksheetId: added.id },
    ]);
  });

  test("stopping removes every handler it added, and nothing more is reported", async () => {
    const { wb, host } = setup();
    const heard: SheetChange[] = [];
    const stop = await host.watchSheets((c) => heard.push(c));
    wb.addSheet("新表");
    await wb.eventsDelivered();
    expect(wb.eventHandlers.size).toBe(5);
    await stop!();
    expect(wb.eventHandlers.size).toBe(0);
    wb.setCell("指标数据", VALUE_ADDED, 99);
    await wb.eventsDelivered();
    expect(heard).toEqual([{ kind: "added", worksheetId: wb.getSheet("新表")!.id }]);
  });

  test("below ExcelApi 1.7 there is nothing to watch, and no request is sent", async () => {
    const { excel, host } = setup({ excelApi: "1.6" });
    await expect(host.watchSheets(() => undefined)).resolves.toBeUndefined();
    expect(excel.stats.syncs).toBe(0);
  });

  test("a run asked not to activate leaves the user on the sheet they were editing", async () => {
    const { wb, host } = setup();
    wb.activeSheet = "备注";
    await host.run({ ...RUN, activate: false });
    expect(wb.activeSheet).toBe("备注");
    await host.run(RUN);
    expect(wb.activeSheet).not.toBe("备注");
  });

  test("the overview names each sheet's id and which are results and rules", async () => {
    const { wb, data, host } = setup();
    await host.insertRulesSheet("henan-2013", "zh-CN");
    await host.run(RUN);
    const overview = await host.overview("zh-CN");
    const byName = new Map(overview.sheets.map((s) => [s.name, s]));
    expect(byName.get("指标数据")?.id).toBe(data.id);
    expect(byName.get("指标数据")?.role).toBeUndefined();
    expect(byName.get("评定规则")).toMatchObject({ id: wb.getSheet("评定规则")!.id, role: "rules" });
    expect(byName.get("综合排名")).toMatchObject({ id: wb.getSheet("综合排名")!.id, role: "result" });
  });
});

describe("the pane's follower on the Office host", () => {
  async function following() {
    const env = setup();
    const changes: number[] = [];
    const follower = new WorkbookFollower(60_000);
    follower.listen({ onChange: () => changes.push(changes.length + 1), onSettled: () => undefined });
    const look = async () => follower.know(await env.host.overview("zh-CN"), "指标数据");
    await env.host.watchSheets(follower.hear);
    await look();
    return { ...env, changes, follower, look };
  }

  test("the add-in's own run and the overview after it leave the results up to date", async () => {
    const { wb, host, changes, follower, look } = await following();
    await follower.own(async () => {
      await host.run(RUN);
      await look();
    });
    await wb.eventsDelivered();
    // A second run replaces the first one's sheets: deleted and added again, all the add-in's.
    await follower.own(async () => {
      await host.run(RUN);
      await look();
    });
    await wb.eventsDelivered();
    expect(changes).toEqual([]);
    follower.stop();
  });

  test("an edit of the indicator sheet counts; one on another sheet does not", async () => {
    const { wb, changes, follower } = await following();
    wb.setCell("备注", "A2", "核对中");
    await wb.eventsDelivered();
    expect(changes).toEqual([]);
    wb.setCell("指标数据", VALUE_ADDED, 99);
    await wb.eventsDelivered();
    expect(changes).toEqual([1]);
    follower.stop();
  });

  test("a sheet someone adds counts once an overview shows it is the rules sheet; a blank one does not", async () => {
    const { wb, changes, follower, look } = await following();
    wb.addSheet("Sheet3");
    await wb.eventsDelivered();
    await look();
    expect(changes).toEqual([]);
    wb.addSheet("评定规则", [["评定规则"]]);
    await wb.eventsDelivered();
    expect(changes).toEqual([]);
    await look();
    expect(changes).toEqual([1]);
    follower.stop();
  });

  test("an edit made while the add-in's run is under way still counts", async () => {
    const { wb, host, changes, follower, look } = await following();
    await follower.own(async () => {
      const running = host.run(RUN);
      wb.setCell("指标数据", VALUE_ADDED, 99);
      await running;
      await look();
    });
    await wb.eventsDelivered();
    expect(changes).toEqual([1]);
    follower.stop();
  });
});

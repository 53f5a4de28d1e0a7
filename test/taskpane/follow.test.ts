import type { SheetChange, SheetInfo } from "../../src/host/host";
import { affectsResults, SETTLE_MS, watchedSheets, WorkbookFollower } from "../../src/taskpane/follow";
import { overview } from "./doubles";

const SHEETS: SheetInfo[] = [
  { name: "指标数据", id: "{DATA}", ownedByAddin: false, hasIndicatorTable: true, tables: [] },
  { name: "备注", id: "{NOTES}", ownedByAddin: false, hasIndicatorTable: false, tables: [] },
  { name: "评定规则", id: "{RULES}", ownedByAddin: true, hasIndicatorTable: false, tables: [], role: "rules" },
  { name: "综合排名", id: "{RANKING}", ownedByAddin: true, hasIndicatorTable: false, tables: [], role: "result" },
];
const WORKBOOK = overview({ sheets: SHEETS });

const changed = (worksheetId: string): SheetChange => ({ kind: "changed", worksheetId });
const added = (worksheetId: string): SheetChange => ({ kind: "added", worksheetId });
const deleted = (worksheetId: string): SheetChange => ({ kind: "deleted", worksheetId });

describe("which changes leave the results out of date", () => {
  const sheets = watchedSheets(WORKBOOK, "指标数据");

  it("an edit or the deletion of the indicator sheet or the rules sheet", () => {
    for (const change of [changed("{DATA}"), changed("{RULES}"), deleted("{DATA}"), deleted("{RULES}")]) expect({ change, counts: affectsResults(change, sheets) }).toEqual({ change, counts: true });
  });

  it("not one on another sheet of the user's, the add-in's results, or a sheet no overview listed", () => {
    for (const change of [changed("{NOTES}"), deleted("{NOTES}"), changed("{RANKING}"), deleted("{RANKING}"), changed("{REGISTRY}")]) {
      expect({ change, counts: affectsResults(change, sheets) }).toEqual({ change, counts: false });
    }
  });

  it("follows the sheet the user picked to rate", () => {
    const picked = watchedSheets(WORKBOOK, "备注");
    expect(affectsResults(changed("{NOTES}"), picked)).toBe(true);
    expect(affectsResults(changed("{DATA}"), picked)).toBe(false);
  });

  it("without an indicator sheet, an edit on any of the user's sheets, which may be making one", () => {
    const none = watchedSheets(overview({ sheets: SHEETS, indicatorSheet: undefined }), undefined);
    expect(affectsResults(changed("{NOTES}"), none)).toBe(true);
    expect(affectsResults(changed("{RANKING}"), none)).toBe(false);
  });
});

describe("WorkbookFollower", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** The add-in's own work, started and left running until `finish()`. */
  function ownWorkUnderWay(f: WorkbookFollower): { work: Promise<void>; finish: () => void } {
    let finish: () => void = () => undefined;
    const work = f.own(() => new Promise<void>((done) => (finish = done)));
    return { work, finish };
  }

  function follower(target = "指标数据") {
    const log: string[] = [];
    const f = new WorkbookFollower();
    f.listen({ onChange: () => log.push("change"), onSettled: (lookNeeded) => log.push(lookNeeded ? "settled, look" : "settled") });
    f.know(WORKBOOK, target);
    return { f, log };
  }

  it("calls back at once for a change that matters, and once more when the edits pause", () => {
    const { f, log } = follower();
    f.hear(changed("{DATA}"));
    expect(log).toEqual(["change"]);
    jest.advanceTimersByTime(SETTLE_MS - 1);
    expect(log).toEqual(["change"]);
    jest.advanceTimersByTime(1);
    expect(log).toEqual(["change", "settled"]);
  });

  it("waits for a pause: every edit starts the wait again, and a burst settles once", () => {
    const { f, log } = follower();
    for (let i = 0; i < 5; i++) {
      f.hear(changed("{DATA}"));
      jest.advanceTimersByTime(SETTLE_MS - 100);
    }
    expect(log.filter((e) => e === "settled")).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(log).toEqual(["change", "change", "change", "change", "change", "settled"]);
    jest.advanceTimersByTime(SETTLE_MS * 10);
    expect(log.filter((e) => e === "settled")).toHaveLength(1);
  });

  it("ignores changes that do not matter: no call back, no wait", () => {
    const { f, log } = follower();
    f.hear(changed("{NOTES}"));
    f.hear(changed("{RANKING}"));
    f.hear(deleted("{RANKING}"));
    jest.advanceTimersByTime(SETTLE_MS * 2);
    expect(log).toEqual([]);
  });

  it("takes the sheets added during its own work for the add-in's, whenever their events arrive", async () => {
    const { f, log } = follower();
    const { work, finish } = ownWorkUnderWay(f);
    f.hear(added("{NEW-RESULT}"));
    f.hear(deleted("{RANKING}"));
    // The overview after the work lists what it wrote; an event about it arriving later is the add-in's too.
    f.know(overview({ sheets: [...SHEETS.slice(0, 3), { name: "星级评定", id: "{STARS}", ownedByAddin: true, hasIndicatorTable: false, tables: [], role: "result" }] }), "指标数据");
    finish();
    await work;
    f.hear(added("{STARS}"));
    f.hear(deleted("{RANKING}"));
    jest.advanceTimersByTime(SETTLE_MS * 2);
    expect(log).toEqual([]);
  });

  it("still counts an edit of the indicator sheet made while its own work is under way, and settles after that work", async () => {
    const { f, log } = follower();
    const { work, finish } = ownWorkUnderWay(f);
    f.hear(changed("{DATA}"));
    expect(log).toEqual(["change"]);
    jest.advanceTimersByTime(SETTLE_MS * 3);
    expect(log).toEqual(["change"]);
    finish();
    await work;
    jest.advanceTimersByTime(SETTLE_MS);
    expect(log).toEqual(["change", "settled"]);
  });

  it("asks for a look at a sheet someone added, and counts it when the new overview shows it matters", () => {
    const { f, log } = follower();
    f.hear(added("{COPY}"));
    jest.advanceTimersByTime(SETTLE_MS);
    expect(log).toEqual(["settled, look"]);
    f.know(overview({ sheets: [...SHEETS, { name: "评定规则 (2)", id: "{COPY}", ownedByAddin: false, hasIndicatorTable: false, tables: [], role: "rules" }] }), "指标数据");
    expect(log).toEqual(["settled, look", "change"]);
  });

  it("lets a sheet someone added go when the new overview shows it does not matter", () => {
    const { f, log } = follower();
    f.hear(added("{BLANK}"));
    f.know(overview({ sheets: [...SHEETS, { name: "Sheet5", id: "{BLANK}", ownedByAddin: false, hasIndicatorTable: false, tables: [] }] }), "指标数据");
    jest.advanceTimersByTime(SETTLE_MS);
    expect(log).toEqual(["settled"]);
  });

  it("forgets a pending pause when stopped", () => {
    const { f, log } = follower();
    f.hear(changed("{DATA}"));
    f.stop();
    jest.advanceTimersByTime(SETTLE_MS * 2);
    expect(log).toEqual(["change"]);
  });
});

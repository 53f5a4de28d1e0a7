import { INITIAL_STATE, paneReducer, targetSheet, type PaneState } from "../../src/taskpane/state";
import { overview } from "./doubles";

describe("pane state", () => {
  it("starts busy with the default preset henan-2013", () => {
    expect(INITIAL_STATE.busy).toBe(true);
    expect(INITIAL_STATE.presetId).toBe("henan-2013");
  });

  it("takes up the preset the overview used (the workbook's last run's) for the picker and the next run", () => {
    const state = paneReducer(INITIAL_STATE, { type: "overviewLoaded", overview: overview({ presetId: "henan-2017" }) });
    expect(state.presetId).toBe("henan-2017");
  });

  it("targets the overview's indicator sheet until the user picks another", () => {
    let state = paneReducer(INITIAL_STATE, { type: "overviewLoaded", overview: overview() });
    expect(state.busy).toBe(false);
    expect(targetSheet(state)).toBe("指标数据");
    state = paneReducer(state, { type: "sheetChosen", sheet: "Sheet2" });
    expect(targetSheet(state)).toBe("Sheet2");
  });

  it("forgets the picked sheet, the results and the message of the file before when another file is chosen", () => {
    let state = paneReducer(INITIAL_STATE, { type: "overviewLoaded", overview: overview() });
    state = paneReducer(state, { type: "sheetChosen", sheet: "Sheet2" });
    state = paneReducer(state, { type: "runFinished", outcome: { ok: true, issues: [], sheetsWritten: ["星级评定"], notices: [] }, message: { intent: "success", text: "done" } });
    state = paneReducer(state, { type: "fileChosen" });
    expect(state.outcome).toBeUndefined();
    expect(state.message).toBeUndefined();
    expect(targetSheet(state)).toBe("指标数据");
  });

  it("falls back to the first user sheet with an indicator header when the overview could not read its zones", () => {
    const sheets = [
      { name: "星级评定", id: "{STARS}", ownedByAddin: true, hasIndicatorTable: true, tables: [], role: "result" as const },
      { name: "封面", id: "{COVER}", ownedByAddin: false, hasIndicatorTable: false, tables: [] },
      { name: "指标数据", id: "{DATA}", ownedByAddin: false, hasIndicatorTable: true, tables: [] },
    ];
    const state = paneReducer(INITIAL_STATE, { type: "overviewLoaded", overview: overview({ sheets, indicatorSheet: undefined, zoneCount: 0 }) });
    expect(targetSheet(state)).toBe("指标数据");
    const none = paneReducer(INITIAL_STATE, { type: "overviewLoaded", overview: overview({ sheets: sheets.slice(0, 2), indicatorSheet: undefined }) });
    expect(targetSheet(none)).toBeUndefined();
  });

  it("forgets a picked sheet that no longer exists after a refresh", () => {
    const picked: PaneState = { ...INITIAL_STATE, sheet: "已删除" };
    const state = paneReducer(picked, { type: "overviewLoaded", overview: overview() });
    expect(state.sheet).toBeUndefined();
    expect(targetSheet(state)).toBe("指标数据");
  });

  it("clamps progress into 0–1 and clears it when the action ends", () => {
    let state = paneReducer(INITIAL_STATE, { type: "actionStarted", label: "开始" });
    expect(state.progress).toEqual({ fraction: 0, label: "开始" });
    state = paneReducer(state, { type: "progress", fraction: 1.2, label: "写入" });
    expect(state.progress?.fraction).toBe(1);
    state = paneReducer(state, { type: "progress", fraction: -0.5, label: "读取" });
    expect(state.progress?.fraction).toBe(0);
    state = paneReducer(state, { type: "failed", message: { intent: "error", text: "x" } });
    expect(state.progress).toBeUndefined();
    expect(state.busy).toBe(false);
  });

  it("keeps the last outcome after an action unless told to clear it", () => {
    const outcome = { ok: true, issues: [], sheetsWritten: ["星级评定"], notices: [] };
    let state = paneReducer(INITIAL_STATE, { type: "runFinished", outcome, message: { intent: "success", text: "ok" } });
    state = paneReducer(state, { type: "actionFinished", message: { intent: "success", text: "rules" } });
    expect(state.outcome).toBe(outcome);
    state = paneReducer(state, { type: "actionFinished", message: { intent: "success", text: "removed" }, clearOutcome: true });
    expect(state.outcome).toBeUndefined();
  });
});

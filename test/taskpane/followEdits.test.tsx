// The pane's side of recompute-after-edits: what it counts as out of date, what it does once edits
// pause, the switch kept per workbook, and how it shows all that.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { documentSettings } from "../../src/excel/settings";
import { sessionSettings, type PaneSettings } from "../../src/host/settings";
import { followEdits, runRating, setAutoRecompute, type PaneContext } from "../../src/taskpane/actions";
import { FollowEdits } from "../../src/taskpane/components/FollowEdits";
import { SETTLE_MS, WorkbookFollower } from "../../src/taskpane/follow";
import { afterEdits, INITIAL_STATE, paneReducer, resultsOutOfDate, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import { translator } from "../../src/taskpane/strings";
import { HostDouble, overview } from "./doubles";

const RATED = overview({
  sheets: [
    { name: "指标数据", id: "{DATA}", ownedByAddin: false, hasIndicatorTable: true, tables: [] },
    { name: "综合排名", id: "{RANKING}", ownedByAddin: true, hasIndicatorTable: false, tables: [], role: "result" },
  ],
});
const OK = { ok: true, issues: [], sheetsWritten: ["综合排名"], notices: [] };
const DONE = { intent: "success" as const, text: "ok" };

function apply(state: PaneState, ...events: PaneEvent[]): PaneState {
  return events.reduce(paneReducer, state);
}

describe("results out of date", () => {
  const rated = apply(INITIAL_STATE, { type: "overviewLoaded", overview: RATED });

  it("once a change is heard after the result sheets were written", () => {
    expect(resultsOutOfDate(rated)).toBe(false);
    expect(resultsOutOfDate(apply(rated, { type: "workbookChanged" }))).toBe(true);
  });

  it("not in a workbook without result sheets: there is nothing to be out of date", () => {
    const unrated = apply(INITIAL_STATE, { type: "overviewLoaded", overview: overview() }, { type: "workbookChanged" });
    expect(resultsOutOfDate(unrated)).toBe(false);
  });

  it("up to date again after a run that began after the changes", () => {
    const state = apply(rated, { type: "workbookChanged" }, { type: "actionStarted", label: "…" }, { type: "runFinished", outcome: OK, message: DONE });
    expect(resultsOutOfDate(state)).toBe(false);
  });

  it("still out of date after a run an edit came in during, or a run that wrote nothing", () => {
    const during = apply(rated, { type: "actionStarted", label: "…" }, { type: "workbookChanged" }, { type: "runFinished", outcome: OK, message: DONE });
    expect(resultsOutOfDate(during)).toBe(true);
    const stopped = apply(rated, { type: "workbookChanged" }, { type: "actionStarted", label: "…" }, { type: "runFinished", outcome: { ...OK, ok: false, sheetsWritten: [] }, message: DONE });
    expect(resultsOutOfDate(stopped)).toBe(true);
  });
});

describe("once edits pause", () => {
  const changed = apply(INITIAL_STATE, { type: "overviewLoaded", overview: RATED }, { type: "workbookChanged" });

  it("recomputes when the switch is on and there are results to keep up to date", () => {
    expect(afterEdits(apply(changed, { type: "autoRecomputeSet", on: true }))).toBe("recompute");
  });

  it("looks at the workbook again when the switch is off, or when nothing was rated yet", () => {
    expect(afterEdits(changed)).toBe("refresh");
    const unrated = apply(INITIAL_STATE, { type: "overviewLoaded", overview: overview() }, { type: "autoRecomputeSet", on: true }, { type: "workbookChanged" });
    expect(afterEdits(unrated)).toBe("refresh");
  });

  it("does nothing when a run already took the changes in", () => {
    const caughtUp = apply(changed, { type: "autoRecomputeSet", on: true }, { type: "actionStarted", label: "…" }, { type: "runFinished", outcome: OK, message: DONE });
    expect(afterEdits(caughtUp)).toBeUndefined();
  });
});

function context(host: HostDouble, own?: PaneContext["own"]) {
  let state: PaneState = INITIAL_STATE;
  const ctx: PaneContext = { host, locale: "zh-CN", t: translator("zh-CN"), dispatch: (e) => (state = paneReducer(state, e)), ...(own ? { own } : {}) };
  return { ctx, state: () => state };
}

describe("pane actions for following edits", () => {
  it("runs a rating and the overview after it as the add-in's own work", async () => {
    const host = new HostDouble();
    const follower = new WorkbookFollower();
    const seen: string[] = [];
    host.runImpl = async () => {
      // An added sheet heard while the run is under way is the run's own.
      follower.hear({ kind: "added", worksheetId: "{NEW}" });
      return OK;
    };
    follower.listen({ onChange: () => seen.push("change"), onSettled: (look) => seen.push(`settled ${look}`) });
    jest.useFakeTimers();
    try {
      const { ctx } = context(host, follower.own);
      await runRating(ctx, "henan-2013", undefined);
      expect(host.calls.map((c) => c.method)).toEqual(["run", "overview"]);
      jest.advanceTimersByTime(SETTLE_MS * 2);
      expect(seen).toEqual([]);
      // The same sheet added by someone else would have to be looked at.
      follower.hear({ kind: "added", worksheetId: "{OTHER}" });
      jest.advanceTimersByTime(SETTLE_MS);
      expect(seen).toEqual(["settled true"]);
    } finally {
      follower.stop();
      jest.useRealTimers();
    }
  });

  it("a recompute the user did not click leaves the active sheet alone", async () => {
    const host = new HostDouble();
    const { ctx } = context(host);
    await runRating(ctx, "henan-2013", "指标数据", false);
    await runRating(ctx, "henan-2013", "指标数据");
    expect(host.calls.filter((c) => c.method === "run").map((c) => (c.args[0] as { activate: boolean }).activate)).toEqual([false, true]);
  });

  it("says whether edits can be followed, and hands the host's changes to the listener", async () => {
    const host = new HostDouble();
    const heard: string[] = [];
    const { ctx, state } = context(host);
    const stop = await followEdits(ctx, (c) => heard.push(c.worksheetId));
    expect(state().following).toBe("on");
    for (const w of host.watchers) w({ kind: "changed", worksheetId: "{DATA}" });
    expect(heard).toEqual(["{DATA}"]);
    await stop?.();
    expect(host.watchers.size).toBe(0);

    const old = new HostDouble();
    old.eventsSupported = false;
    const below = context(old);
    await expect(followEdits(below.ctx, () => undefined)).resolves.toBeUndefined();
    expect(below.state().following).toBe("unsupported");
    expect(below.state().message).toBeUndefined();
  });

  it("reports a failure to start watching in words, and leaves the switch off", async () => {
    const host = new HostDouble();
    host.watchSheets = () => Promise.reject(new Error("GeneralException"));
    const { ctx, state } = context(host);
    await followEdits(ctx, () => undefined);
    expect(state().following).toBe("failed");
    expect(state().message).toEqual({ intent: "error", text: "无法跟踪工作簿的修改：GeneralException。修改后请点击“重新计算”。" });
  });

  it("keeps the switch in the workbook's settings; a refusal is reported and the choice still holds for now", async () => {
    const settings = sessionSettings();
    const { ctx, state } = context(new HostDouble());
    await setAutoRecompute(ctx, settings, true);
    expect(settings.autoRecompute()).toBe(true);
    expect(state().autoRecompute).toBe(true);

    const refusing: PaneSettings = { remembered: true, autoRecompute: () => false, saveAutoRecompute: () => Promise.reject(new Error("document is read-only")) };
    const second = context(new HostDouble());
    await setAutoRecompute(second.ctx, refusing, true);
    expect(second.state().autoRecompute).toBe(true);
    expect(second.state().message?.text).toBe("无法把“编辑后自动重新计算”保存到工作簿：document is read-only。关闭任务窗格后此设置恢复原样。");
  });
});

describe("document settings", () => {
  /** One open workbook's Office: its own settings bag, as Office keeps one per document and add-in. */
  function officeWith(bag: Map<string, unknown>, settingsSet = true): void {
    (globalThis as unknown as { Office: unknown }).Office = {
      context: {
        requirements: { isSetSupported: (name: string) => settingsSet && name === "Settings" },
        document: {
          settings: {
            get: (name: string) => (bag.has(name) ? bag.get(name) : null),
            set: (name: string, value: unknown) => bag.set(name, value),
            saveAsync: (callback: (r: { status: string }) => void) => callback({ status: "succeeded" }),
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded" },
    };
  }
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("is off in a workbook that never had it, remembered per workbook once saved", async () => {
    const first = new Map<string, unknown>();
    const second = new Map<string, unknown>();
    officeWith(first);
    const settings = documentSettings();
    expect(settings.remembered).toBe(true);
    expect(settings.autoRecompute()).toBe(false);
    await settings.saveAutoRecompute(true);
    // Reopened: a new pane reads what the workbook kept.
    officeWith(first);
    expect(documentSettings().autoRecompute()).toBe(true);
    officeWith(second);
    expect(documentSettings().autoRecompute()).toBe(false);
  });

  it("rejects when Office could not save it", async () => {
    officeWith(new Map());
    const office = (globalThis as unknown as { Office: { context: { document: { settings: { saveAsync: unknown } } } } }).Office;
    office.context.document.settings.saveAsync = (callback: (r: unknown) => void) => callback({ status: "failed", error: new Error("save failed") });
    await expect(documentSettings().saveAutoRecompute(true)).rejects.toThrow("save failed");
  });

  it("lasts only while the pane is open where Office has no Settings set", async () => {
    const bag = new Map<string, unknown>();
    officeWith(bag, false);
    const settings = documentSettings();
    expect(settings.remembered).toBe(false);
    await settings.saveAutoRecompute(true);
    expect(settings.autoRecompute()).toBe(true);
    expect(bag.size).toBe(0);
  });
});

describe("FollowEdits", () => {
  const t = translator("zh-CN");
  const html = (state: PaneState, settings: PaneSettings = sessionSettings()) =>
    renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <FollowEdits state={state} settings={settings} t={t} onRecompute={() => undefined} onAutoRecompute={() => undefined} />
      </FluentProvider>,
    );
  const remembered: PaneSettings = { ...sessionSettings(), remembered: true };
  const rated = apply(INITIAL_STATE, { type: "overviewLoaded", overview: RATED }, { type: "watching", following: "on" });

  it("says the results are out of date, with a button to recompute", () => {
    expect(html(rated)).not.toContain("结果已过期");
    const markup = html(apply(rated, { type: "workbookChanged" }));
    expect(markup).toContain("结果已过期");
    expect(markup).toMatch(/data-testid="recompute-stale"[^>]*>重新计算</);
  });

  it("shows the switch off by default, on as remembered, with what it does", () => {
    expect(html(rated, remembered)).not.toMatch(/<input[^>]*checked/);
    const on = html(apply(rated, { type: "autoRecomputeSet", on: true }), remembered);
    expect(on).toMatch(/<input[^>]*checked/);
    expect(on).toContain("编辑后自动重新计算");
    expect(on).toContain("停顿 1.5 秒即重新计算结果表");
  });

  it("is disabled, with the reason, where Excel cannot report edits; warns when the choice will not be kept", () => {
    const old = html(apply(rated, { type: "autoRecomputeSet", on: true }, { type: "watching", following: "unsupported" }));
    expect(old).toMatch(/<input[^>]*disabled/);
    expect(old).not.toMatch(/<input[^>]*checked/);
    expect(old).toContain("需 ExcelApi 1.7");
    expect(html(rated)).toContain("关闭任务窗格后恢复为关闭");
  });
});

import { errorDetail, goToCell, insertRules, runButtonLabel, loadOverview, removeResults, runMessage, runRating, type PaneContext } from "../../src/taskpane/actions";
import { INITIAL_STATE, paneReducer, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import { translator } from "../../src/taskpane/strings";
import { ERROR_AT_E7, HostDouble } from "./doubles";

function context(host: HostDouble, locale: "zh-CN" | "en-US" = "zh-CN") {
  const events: PaneEvent[] = [];
  let state: PaneState = INITIAL_STATE;
  const ctx: PaneContext = {
    host,
    locale,
    t: translator(locale),
    dispatch: (e) => {
      events.push(e);
      state = paneReducer(state, e);
    },
  };
  return { ctx, events, state: () => state };
}

describe("pane actions", () => {
  it("loads the overview with the locale and preset", async () => {
    const host = new HostDouble();
    const { ctx, state } = context(host, "en-US");
    await loadOverview(ctx, "henan-2017");
    expect(host.calls).toEqual([{ method: "overview", args: ["en-US", "henan-2017"] }]);
    expect(state().overview?.zoneCount).toBe(3);
    expect(state().busy).toBe(false);
  });

  it("turns a rejected overview into a message with a retry, in words", async () => {
    const host = new HostDouble();
    host.overviewImpl = () => Promise.reject(new Error("InvalidOperation: cell editing"));
    const { ctx, state } = context(host);
    await loadOverview(ctx, "henan-2013");
    expect(state().message).toEqual({
      intent: "error",
      retryOverview: true,
      text: "无法读取工作簿：InvalidOperation: cell editing。请结束单元格编辑或关闭对话框后点击“重试”。",
    });
    expect(state().busy).toBe(false);
  });

  it("runs with the chosen sheet and preset, forwards progress, then refreshes the overview", async () => {
    const host = new HostDouble();
    const { ctx, events, state } = context(host);
    await runRating(ctx, "henan-2017", "Sheet2");
    const run = host.calls[0];
    expect(run.method).toBe("run");
    expect(run.args[0]).toMatchObject({ locale: "zh-CN", presetId: "henan-2017", sheet: "Sheet2" });
    expect(events).toContainEqual({ type: "progress", fraction: 0.5, label: "写入" });
    expect(host.calls.map((c) => c.method)).toEqual(["run", "overview"]);
    expect(state().outcome?.sheetsWritten).toEqual(["星级评定", "综合排名"]);
    expect(state().message).toEqual({ intent: "success", text: "计算完成：已写入 2 张结果表。" });
  });

  it("says nothing was written when errors stopped the run", () => {
    const t = translator("zh-CN");
    const warning = { severity: "warning" as const, code: "TOTALS_ROW_SKIPPED" };
    expect(runMessage({ ok: false, issues: [ERROR_AT_E7, ERROR_AT_E7, warning], sheetsWritten: [], notices: [] }, t)).toEqual({
      intent: "error",
      text: "发现 2 个错误，未写入任何结果。请点击下面的问题定位到单元格改正，然后重新计算。",
    });
    expect(runMessage({ ok: true, issues: [warning], sheetsWritten: ["a", "b", "c"], notices: [] }, t)).toEqual({
      intent: "warning",
      text: "计算完成：已写入 3 张结果表，另有 1 条警告，见“校验报告”表。",
    });
  });

  it("speaks of the rated copy to download, not of sheets written, where the host rates a file", () => {
    const t = translator("zh-CN");
    expect(runMessage({ ok: false, issues: [ERROR_AT_E7], sheetsWritten: [], notices: [] }, t, true)).toEqual({
      intent: "error",
      text: "发现 1 个错误，未生成评定结果。请在 Excel 或 WPS 中按下面列出的单元格改正工作簿，保存后重新选择该文件。",
    });
    expect(runMessage({ ok: true, issues: [], sheetsWritten: ["a", "b"], notices: [] }, t, true)).toEqual({
      intent: "success",
      text: "评定完成：结果工作簿含 2 张结果表。点击“下载评定结果”保存。",
    });
  });

  it("reports a rejected run instead of letting it escape", async () => {
    const host = new HostDouble();
    host.runImpl = () => Promise.reject({ code: "GeneralException", message: "An internal error has occurred." });
    const { ctx, state } = context(host, "en-US");
    await expect(runRating(ctx, "henan-2013", "指标数据")).resolves.toBeUndefined();
    expect(state().message?.intent).toBe("error");
    expect(state().message?.text).toBe("The calculation did not finish: An internal error has occurred. Finish editing the cell, then try again.");
    expect(host.calls.map((c) => c.method)).toEqual(["run"]);
  });

  it("inserts the rules sheet of the chosen preset and names it in the message, with the rating button as it reads", async () => {
    const host = new HostDouble();
    const { ctx, state } = context(host);
    await insertRules(ctx, "service-zones-2016", runButtonLabel(false, ctx.t));
    expect(host.calls[0]).toEqual({ method: "insertRulesSheet", args: ["service-zones-2016", "zh-CN"] });
    expect(state().message?.text).toBe("已插入规则表“评定规则”。修改其中的权重和标准后点击“计算”。");
    await insertRules(ctx, "service-zones-2016", runButtonLabel(true, ctx.t));
    expect(state().message?.text).toBe("已插入规则表“评定规则”。修改其中的权重和标准后点击“重新计算”。");
  });

  it("counts deleted result sheets, or says there were none, and clears the old summary", async () => {
    const host = new HostDouble();
    const { ctx, state } = context(host);
    await runRating(ctx, "henan-2013", "指标数据");
    await removeResults(ctx, "henan-2013");
    expect(state().message).toEqual({ intent: "success", text: "已删除 7 张结果表。" });
    expect(state().outcome).toBeUndefined();
    host.removeImpl = async () => 0;
    await removeResults(ctx, "henan-2013");
    expect(state().message).toEqual({ intent: "info", text: "没有本加载项生成的结果表。" });
  });

  it("selects an issue's cell, and reports a sheet that has gone", async () => {
    const host = new HostDouble();
    const { ctx, state } = context(host);
    await goToCell(ctx, "指标数据", "E7");
    expect(host.calls).toEqual([{ method: "selectCell", args: ["指标数据", "E7"] }]);
    expect(state().message).toBeUndefined();
    host.selectImpl = () => Promise.reject(new Error("ItemNotFound"));
    await goToCell(ctx, "旧表", "B2");
    expect(state().message?.text).toBe("无法定位到 旧表!B2：ItemNotFound。该工作表可能已被删除或改名。");
  });

  it("finds a usable detail in errors of any shape", () => {
    const t = translator("en-US");
    expect(errorDetail(new Error(" boom "), t)).toBe("boom");
    expect(errorDetail(new Error("Sheet is protected."), t)).toBe("Sheet is protected");
    expect(errorDetail("plain", t)).toBe("plain");
    expect(errorDetail({ message: "office" }, t)).toBe("office");
    expect(errorDetail(undefined, t)).toBe("unknown error");
    expect(errorDetail(new Error(""), t)).toBe("unknown error");
  });
});

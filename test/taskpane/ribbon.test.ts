// The ribbon's 重新计算 (src/commands): same host as the pane, one sentence of outcome.
import { noticeUrl } from "../../src/commands/notify";
import { recalculate } from "../../src/commands/recalculate";
import { ERROR_AT_E7, HostDouble } from "./doubles";

describe("ribbon recalculate", () => {
  it("leaves the preset to the host (the workbook's last one) and reports the sheets written", async () => {
    const host = new HostDouble();
    const outcome = await recalculate(host, "zh-CN");
    expect(host.calls[0].args[0]).toEqual({ locale: "zh-CN" });
    expect(outcome).toEqual({ intent: "success", text: "重新计算完成：已写入 2 张结果表。" });
  });

  it("selects the first error cell when errors stopped the run", async () => {
    const host = new HostDouble();
    const second = { ...ERROR_AT_E7, cell: "F9" };
    const sheetless = { severity: "error" as const, code: "NO_HEADER" };
    host.runImpl = async () => ({ ok: false, issues: [sheetless, ERROR_AT_E7, second], sheetsWritten: [], notices: [] });
    const outcome = await recalculate(host, "en-US");
    expect(host.calls.filter((c) => c.method === "selectCell")).toEqual([{ method: "selectCell", args: ["指标数据", "E7"] }]);
    expect(outcome.intent).toBe("error");
    expect(outcome.text).toBe("3 errors found; nothing was written. The first error cell is selected; open the task pane to see every problem.");
  });

  it("turns a rejected Excel.run into words instead of throwing", async () => {
    const host = new HostDouble();
    host.runImpl = () => Promise.reject(new Error("The workbook is in cell-edit mode."));
    await expect(recalculate(host, "zh-CN")).resolves.toEqual({
      intent: "error",
      text: "重新计算没有完成：The workbook is in cell-edit mode。请结束单元格编辑后重试。",
    });
  });

  it("puts the outcome, its intent and the language into the notice dialog's address, beside the command page", () => {
    const url = new URL(noticeUrl("https://localhost:3000/commands.html", { intent: "error", text: "发现 1 个错误" }, "zh-CN"));
    expect(url.origin + url.pathname).toBe("https://localhost:3000/notice.html");
    expect(url.searchParams.get("text")).toBe("发现 1 个错误");
    expect(url.searchParams.get("intent")).toBe("error");
    expect(url.searchParams.get("lang")).toBe("zh-CN");
  });
});

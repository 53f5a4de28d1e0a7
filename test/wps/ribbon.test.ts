// The ribbon's buttons over the fake WPS: what each does to the workbook and the task pane, and
// what it tells the user. (The built main page wiring them is in test/e2e/wps.test.ts.)
import type { RatingHost } from "../../src/host/host";
import { createRibbon, IMPORT_FRAGMENT, TASKPANE_ID_KEY } from "../../src/wps/ribbon";
import { createWpsRatingHost } from "../../src/wps/wpsHost";
import { indicatorRows } from "../excel/inputs";
import { createFakeWps, WpsWorkbook } from "../fake-wps";

const BASE = "https://zr.example/wps/index.html";

function setup(host?: RatingHost) {
  const wb = new WpsWorkbook();
  wb.addSheet("指标数据", indicatorRows(20));
  const wps = createFakeWps(wb);
  const told: string[] = [];
  const ribbon = createRibbon({ app: wps.application, baseUrl: BASE, locale: "zh-CN", host: async () => host ?? createWpsRatingHost(wps.application), tell: (t) => told.push(t) });
  const press = async (Id: string) => {
    const answer = ribbon.OnAction({ Id });
    await ribbon.idle();
    return answer;
  };
  return { wb, wps, ribbon, told, press };
}

describe("the WPS ribbon", () => {
  test("显示任务窗格 makes one pane on the right and shows it again; 导入上年结果 opens it at the import button", async () => {
    const { wps, press } = setup();
    await press("zrShowPane");
    wps.fake.taskPanes.get(1)!.Visible = false;
    await press("zrShowPane");
    expect([...wps.fake.taskPanes.values()]).toEqual([{ ID: 1, url: "https://zr.example/wps/taskpane.html", title: "产业集聚区星级评定", Visible: true, DockPosition: 2, Width: 0 }]);
    expect(wps.fake.pluginStorage.get(TASKPANE_ID_KEY)).toBe("1");
    await press("zrImportPrevious");
    expect(wps.fake.taskPanes.get(1)!.url).toBe(`https://zr.example/wps/taskpane.html${IMPORT_FRAGMENT}`);
    // A pane id from an earlier session of WPS that no longer answers: a new pane.
    wps.fake.pluginStorage.set(TASKPANE_ID_KEY, "42");
    await press("zrShowPane");
    expect(wps.fake.taskPanes.size).toBe(2);
  });

  test("评定/重新计算, 插入评定规则, 插入示例表 and 删除结果表 change the workbook and say what they did", async () => {
    const { wb, told, press } = setup();
    await press("zrRecalculate");
    await press("zrInsertRules");
    await press("zrRemoveResults");
    await press("zrRemoveResults");
    await press("zrInsertSample");
    expect(told).toEqual([
      "重新计算完成：已写入 8 张结果表。",
      "已插入规则表“评定规则”。修改其中的权重和标准后点击“评定/重新计算”。",
      "已删除 8 张结果表。",
      "没有本加载项生成的结果表。",
      "已插入示例数据“指标数据 (2)”。",
    ]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标数据", "评定规则", "指标数据 (2)"]);
  });

  test("a callback answers at once (WPS wants no promise back); a failure is told in words; an unknown button is not handled", async () => {
    const failing = { insertRulesSheet: () => Promise.reject(new Error("工作簿受保护")), overview: async () => ({ presetId: "henan-2013" }) } as unknown as RatingHost;
    const { ribbon, told, press } = setup(failing);
    expect(ribbon.OnAction({ Id: "zrInsertRules" })).toBe(true);
    await ribbon.idle();
    expect(told).toEqual(["操作没有完成：工作簿受保护。请结束单元格编辑或关闭对话框后重试。"]);
    expect(await press("somethingElse")).toBe(false);
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.GetImage({ Id: "zrRemoveResults" })).toBe("images/zrRemoveResults.svg");
  });
});

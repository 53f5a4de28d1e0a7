import { lazyHost } from "../../src/taskpane/lazyHost";
import { HostDouble } from "./doubles";

describe("lazyHost", () => {
  it("starts loading at once and forwards every call with its arguments", async () => {
    const inner = new HostDouble();
    let loads = 0;
    const host = lazyHost(async () => {
      loads += 1;
      return inner;
    });
    expect(loads).toBe(1);
    await host.overview("en-US", "henan-2017");
    await host.insertRulesSheet("service-zones-2016", "zh-CN");
    await host.selectCell("指标数据", "E7");
    await expect(host.removeResultSheets()).resolves.toBe(7);
    expect(loads).toBe(1);
    expect(inner.calls).toEqual([
      { method: "overview", args: ["en-US", "henan-2017"] },
      { method: "insertRulesSheet", args: ["service-zones-2016", "zh-CN"] },
      { method: "selectCell", args: ["指标数据", "E7"] },
      { method: "removeResultSheets", args: [] },
    ]);
  });

  it("rejects each call with the load's error when the code could not be loaded", async () => {
    const host = lazyHost(() => Promise.reject(new Error("ChunkLoadError: Loading chunk rating failed.")));
    await expect(host.overview("zh-CN", "henan-2013")).rejects.toThrow("ChunkLoadError");
    await expect(host.run({ locale: "zh-CN", presetId: "henan-2013" })).rejects.toThrow("ChunkLoadError");
  });
});

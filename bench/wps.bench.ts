// The WPS host on the fake WPS 表格: calls into WPS's object model per full recompute (each one a
// round trip to WPS in the real add-in), which must not grow with the zones, and the time of a full
// recompute (read, rate, write every result sheet over the last run's) at 180 and 10,000 zones.
import { createWpsRatingHost } from "../src/wps/wpsHost";
import { indicatorRows } from "../test/excel/inputs";
import { createFakeWps, WpsWorkbook } from "../test/fake-wps";
import { medianMsAsync, report } from "./measure";

const RUN = { locale: "zh-CN" as const, presetId: "henan-2013" };
const TIME_TARGET_MS: Record<number, number> = { 180: 1000, 10_000: 15_000 };

async function main(): Promise<void> {
  const calls: Record<number, number> = {};
  for (const n of [180, 10_000]) {
    const wb = new WpsWorkbook();
    wb.addSheet("指标数据", indicatorRows(n));
    const wps = createFakeWps(wb);
    const host = createWpsRatingHost(wps.application);
    // The first run writes the results a recompute replaces.
    await host.run(RUN);
    wps.fake.resetStats();
    await host.run(RUN);
    calls[n] = wps.stats.calls;
    report({ name: `WPS calls per full recompute, ${n.toLocaleString("en-US")} zones`, value: calls[n], unit: "calls" });
    const ms = await medianMsAsync(() => host.run(RUN), n > 1000 ? 3 : 7, 1);
    report({ name: `WPS full recompute (fake WPS), ${n.toLocaleString("en-US")} zones`, value: ms, unit: "ms", target: TIME_TARGET_MS[n] });
  }
  // Whole-range reads and writes: 55 times the zones, about the same number of calls.
  report({ name: "WPS calls at 10,000 zones ÷ calls at 180 zones", value: calls[10_000] / calls[180], unit: "×", target: 1.1 });
}

void main();

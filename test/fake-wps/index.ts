// The fake WPS 表格, for tests and the browser tests: `new WpsWorkbook()` holds the sheets and names,
// `createFakeWps(workbook)` gives window.Application over it and counts every call into it.
//
//   const wb = new WpsWorkbook();
//   wb.addSheet("指标数据", rows);
//   const wps = createFakeWps(wb);
//   const host = createWpsRatingHost(wps.application);
//   await host.run({ locale: "zh-CN", presetId: "henan-2013" });
//   wps.stats.calls; wps.stats.byMember.get("Range.Value2 (set)");
import { FakeWps, type FakeWpsOptions, type FakeWpsStats } from "./api";
import { WpsWorkbook } from "./model";

export { FakeWps, FakeWpsError, type FakeWpsOptions, type FakeWpsStats, type TaskPaneState } from "./api";
export { WpsWorkbook, WpsSheet, sheetSnapshot, quotedSheet, type WpsCell, type WpsRect, type WpsChart, type WpsName, type AddSheetOptions, type Scalar } from "./model";

export interface FakeWpsHandle {
  fake: FakeWps;
  /** window.Application as WPS gives it to the add-in's pages. */
  application: WpsFix.Application;
  stats: FakeWpsStats;
}

/** A fake WPS with `workbook` open (null: WPS's start page, no workbook). */
export function createFakeWps(workbook: WpsWorkbook | null = new WpsWorkbook(), options: FakeWpsOptions = {}): FakeWpsHandle {
  const fake = new FakeWps(workbook, options);
  return { fake, application: fake.application() as unknown as WpsFix.Application, stats: fake.stats };
}

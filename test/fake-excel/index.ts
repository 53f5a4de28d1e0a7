// The fake Excel, for tests and the browser demo: `new FakeWorkbook()` holds the sheets,
// `createFakeExcel(workbook)` gives an `Excel.run` twin over it plus request statistics.
//
//   const wb = new FakeWorkbook();
//   wb.addSheet("指标数据", rows);
//   const excel = createFakeExcel(wb, { excelApi: "1.12" });
//   const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
//   await host.run({ locale: "zh-CN", presetId: "henan-2013" });
//   excel.stats.syncs; excel.stats.requestBytes;
import { FakeContext, type FakeExcelOptions, type FakeExcelStats } from "./office";
import type { FakeWorkbook } from "./model";

export { FakeWorkbook, FakeSheet, sheetSnapshot, type FakeCell, type FakeRect, type FakeSheetEvent, type Scalar, type Selection, type AddSheetOptions } from "./model";
export { FakeOfficeError, MAX_REQUEST_BYTES, MEMBER_SETS, type FakeExcelOptions, type FakeExcelStats } from "./office";

export interface FakeExcel {
  /** Same call shape as Excel.run(batch). */
  run: typeof Excel.run;
  stats: FakeExcelStats;
  /** Answers like Office.context.requirements.isSetSupported for the configured ExcelApi version. */
  isSetSupported: (set: string, version: string) => boolean;
  /** Zeroes the statistics (e.g. between two runs). */
  resetStats: () => void;
}

export function createFakeExcel(workbook: FakeWorkbook, options: FakeExcelOptions = {}): FakeExcel {
  const stats: FakeExcelStats = { syncs: 0, refusedResponses: 0, requestBytes: [], responseBytes: [] };
  const probe = new FakeContext(workbook, stats, options);
  // Excel.run(batch) makes a new context; Excel.run(context, batch) carries on in one made before
  // (how an event handler is removed: its EventHandlerResult keeps the context that added it).
  const run = async <T>(first: FakeContext | ((context: FakeContext) => Promise<T>), batch?: (context: FakeContext) => Promise<T>): Promise<T> => {
    if (typeof first === "function") return first(new FakeContext(workbook, stats, options));
    if (!batch) throw new TypeError("Excel.run(context, batch) needs the batch function");
    return batch(first);
  };
  return {
    run: run as unknown as typeof Excel.run,
    stats,
    isSetSupported: (set, version) => probe.isSetSupported(set, version),
    resetStats: () => {
      stats.syncs = 0;
      stats.refusedResponses = 0;
      stats.requestBytes.length = 0;
      stats.responseBytes.length = 0;
    },
  };
}

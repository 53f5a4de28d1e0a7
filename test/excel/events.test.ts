// The Office host's change events where Excel has none: what every host reports is in
// test/host/contract.ts.
import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { createFakeExcel, FakeWorkbook } from "../fake-excel";
import { indicatorRows } from "./inputs";

test("below ExcelApi 1.7 there is nothing to watch, and no request is sent", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("指标数据", indicatorRows(20));
  const excel = createFakeExcel(wb, { excelApi: "1.6" });
  const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await expect(host.watchSheets(() => undefined)).resolves.toBeUndefined();
  expect(excel.stats.syncs).toBe(0);
});

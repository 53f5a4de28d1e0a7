// 导入上年结果 reads last year's rated workbook in the pane with the browser-side reader; what the
// hosts then do with it is in test/host/contract.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PREV_SAMPLE_FILE } from "../../../scripts/make-prev-sample";
import { readPreviousRating } from "../../../src/workbook/read/previous";
import { readKindedSheets as readKindedSheetsInBrowser } from "../../../src/xlsx/sheets";
import { readKindedSheets } from "../../../src/xlsx/read";

const PREV_SAMPLE = join(__dirname, "../../../samples", PREV_SAMPLE_FILE);

describe("导入上年结果 in the pane", () => {
  it("reads last year's rated workbook in the browser as the file reader does", async () => {
    const bytes = readFileSync(PREV_SAMPLE);
    const inBrowser = readPreviousRating(await readKindedSheetsInBrowser(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), "prev.xlsx");
    const onNode = readPreviousRating(await readKindedSheets(PREV_SAMPLE), "prev.xlsx");
    expect(inBrowser.year).toBe(2012);
    expect(inBrowser.rows).toEqual(onNode.rows);
    expect(inBrowser.history).toEqual(onNode.history);
    expect(inBrowser.rows).toHaveLength(180);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sniffNotXlsx } from "../../src/xlsx/sniff";
import { docxBytes, odsBytes, ole2With, zipOf } from "../cli/fixtures";
import { REPO } from "../cli/run";

describe("sniffNotXlsx", () => {
  it("lets a real .xlsx through", () => {
    expect(sniffNotXlsx(readFileSync(join(REPO, "samples/henan-zones-sample.xlsx")))).toBeUndefined();
  });

  it.each([
    ["an empty file", Buffer.alloc(0), "empty"],
    ["an Excel 97-2003 workbook", ole2With(["Root Entry", "Workbook", "SummaryInformation"]), "xls"],
    ["a password-protected .xlsx", ole2With(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), "encrypted"],
    ["a Word 97-2003 document", ole2With(["Root Entry", "WordDocument"]), "ole"],
    ["an OpenDocument spreadsheet", odsBytes(), "ods"],
    ["a Word document", docxBytes(), "docx"],
    ["an .xlsb", zipOf([["xl/workbook.bin", "\u0000"]]), "xlsb"],
    ["any other zip", zipOf([["notes.txt", "hello"]]), "zip"],
    ["a CSV file", Buffer.from("集聚区名称,所属地市,增加值\n甲,郑州,12\n", "utf8"), "text"],
    ["a UTF-16 CSV file", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Zone\tCity\n", "utf16le")]), "text"],
    ["an HTML table saved as .xls", Buffer.from("<html><body><table><tr><td>甲</td></tr></table></body></html>", "utf8"), "html"],
    ["an Excel 2003 XML spreadsheet", Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', "utf8"), "xml2003"],
    ["unknown binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), "unknown"],
  ])("names %s", (_what, bytes, kind) => {
    expect(sniffNotXlsx(bytes)).toBe(kind);
  });

  it("leaves a cut-short .xlsx to the workbook reader, which calls it damaged", () => {
    const sample = readFileSync(join(REPO, "samples/henan-zones-sample.xlsx"));
    expect(sniffNotXlsx(sample.subarray(0, Math.floor(sample.length / 2)))).toBeUndefined();
  });
});

import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxGrids } from "../../src/xlsx/read";

async function workbookBuffer(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  ws.getCell("B3").value = { richText: [{ text: "郑州" }, { text: "航空港", font: { bold: true } }] };
  ws.getCell("C3").value = { formula: "1+2", result: 3 };
  ws.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("E3").value = new Date(Date.UTC(2013, 0, 2));
  ws.getCell("B4").value = 0.12;
  ws.getCell("B4").numFmt = "0%";
  ws.getCell("C4").value = "=SUM(A1)";
  ws.getCell("D4").value = true;
  ws.getCell("E5").value = { text: "link", hyperlink: "https://example.org" };
  ws.getRow(4).hidden = true;
  const second = wb.addWorksheet("Zones");
  second.addTable({ name: "ZoneTable", ref: "A2", headerRow: true, columns: [{ name: "Zone" }, { name: "Tax" }], rows: [["甲", 1], ["乙", 2]] });
  wb.addWorksheet("空表");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readXlsxGrids", () => {
  it("turns each worksheet into a grid of plain values from its used range", async () => {
    const [grid] = await readXlsxGrids(await workbookBuffer());
    expect(grid.sheet).toBe("指标数据");
    expect([grid.originRow, grid.originCol]).toEqual([2, 1]);
    // 2013-01-02 is Excel serial 41276 (41275 is 2013-01-01).
    expect(grid.values).toEqual([
      ["郑州航空港", 3, { error: "#DIV/0!" }, 41276],
      [0.12, "=SUM(A1)", true, null],
      [null, null, null, "link"],
    ]);
    expect(grid.numberFormats?.[1][0]).toBe("0%");
    expect(grid.numberFormats?.[0][0]).toBe("");
  });

  it("lists Excel tables with their full address and reads files from a path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xlsx-read-"));
    const file = join(dir, "t.xlsx");
    writeFileSync(file, await workbookBuffer());
    const grids = await readXlsxGrids(file);
    expect(grids.map((g) => g.sheet)).toEqual(["指标数据", "Zones", "空表"]);
    expect(grids[1].tables).toEqual([{ name: "ZoneTable", address: "A2:B4" }]);
    expect(grids[1].values).toEqual([
      ["Zone", "Tax"],
      ["甲", 1],
      ["乙", 2],
    ]);
    expect(grids[1].originRow).toBe(1);
    expect(grids[2].values).toEqual([]);
  });

  it("reads a hyperlink whose text is rich text as that text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = { text: { richText: [{ text: "郑州" }, { text: "航空港", font: { bold: true } }] }, hyperlink: "https://example.org" } as unknown as ExcelJS.CellValue;
    const [grid] = await readXlsxGrids(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid.values).toEqual([["郑州航空港"]]);
  });
});

import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliAsync, REPO } from "./run";

interface JsonZone {
  zone: string;
  city: string;
  composite: number;
  rank: number;
  stars: number;
  dimensions: Record<string, number>;
}

describe("rate CLI writes the result sheets into an .xlsx", () => {
  const dir = mkdtempSync(join(tmpdir(), "rate-cli-xlsx-"));
  const outPath = join(dir, "rated.xlsx");
  const jsonPath = join(dir, "sample.json");
  let status: number | null = null;
  const book = new ExcelJS.Workbook();
  let json: { zones: JsonZone[] };

  beforeAll(async () => {
    const run = await runCliAsync(["--json", jsonPath, "--out", outPath], dir);
    status = run.status;
    json = JSON.parse(readFileSync(jsonPath, "utf8"));
    await book.xlsx.readFile(outPath);
  });

  it("keeps the input sheet and adds the seven result sheets in Chinese", () => {
    expect(status).toBe(0);
    expect(book.worksheets.map((w) => w.name)).toEqual(["指标数据", "星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"]);
  });

  it("leaves the input sheet's cells as they were in the sample", async () => {
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(join(REPO, "samples/henan-zones-sample.xlsx"));
    const before = input.getWorksheet("指标数据")!;
    const after = book.getWorksheet("指标数据")!;
    expect(after.rowCount).toBe(before.rowCount);
    for (let r = 1; r <= before.rowCount; r++) {
      expect(after.getRow(r).values).toEqual(before.getRow(r).values);
    }
  });

  it("holds, row by row on 综合排名, the rank, zone, city and composite of the JSON", () => {
    const ws = book.getWorksheet("综合排名")!;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      // The table's header, not the leaders' block above it (排名, 并列, 集聚区名称, 综合得分).
      if (headerRow === 0 && row.getCell(1).value === "排名" && row.getCell(4).value === "所属地市") headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    json.zones.forEach((z, i) => {
      const row = ws.getRow(headerRow + 1 + i);
      expect(row.getCell(1).value).toBe(z.rank);
      expect(row.getCell(3).value).toBe(z.zone);
      expect(row.getCell(4).value).toBe(z.city);
      expect(Math.abs((row.getCell(5).value as number) - z.composite)).toBeLessThan(5e-5);
      const dimPoints = Object.values(z.dimensions);
      dimPoints.forEach((p, k) => expect(Math.abs((row.getCell(6 + k).value as number) - p)).toBeLessThan(5e-5));
    });
    expect(ws.getRow(headerRow + 1 + json.zones.length).getCell(3).value ?? null).toBeNull();
  });
});

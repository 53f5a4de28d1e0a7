import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { storedEntry, zipArchive } from "../cli/fixtures";
import { smallResult } from "../workbook/plan/fixtures";

describe("writeResultXlsx", () => {
  let dir: string;
  let book: ExcelJS.Workbook;
  let names: string[];
  const result = smallResult();
  const plans = buildResultPlans(result, [], "zh-CN");
  // The ranking opens with its leaders' chart: the table's header row is further down.
  const rankingHeader = plans.find((p) => p.kind === "ranking")!.headerRow + 1;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "write-xlsx-"));
    const input = new ExcelJS.Workbook();
    const data = input.addWorksheet("指标数据");
    data.addRow(["集聚区名称", "所属地市", "增加值"]);
    data.addRow(["郑州航空港区", "郑州市", 180]);
    data.getCell("D2").value = { formula: "C2*2", result: 360 };
    input.addWorksheet("综合排名").getCell("A1").value = "用户自己的表";
    await input.xlsx.writeFile(join(dir, "in.xlsx"));

    names = await writeResultXlsx(plans, { input: join(dir, "in.xlsx"), outPath: join(dir, "out.xlsx") });
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "out.xlsx"));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("keeps the input sheets and suffixes a result whose name a user sheet holds", () => {
    expect(names).toEqual(["星级评定", "综合排名 (2)", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"]);
    expect(book.worksheets.map((w) => w.name)).toEqual(["指标数据", "综合排名", ...names]);
    const data = book.getWorksheet("指标数据")!;
    expect(data.getCell("B2").value).toBe("郑州市");
    expect(data.getCell("C2").value).toBe(180);
    expect((data.getCell("D2").value as { formula: string }).formula).toBe("C2*2");
    expect(book.getWorksheet("综合排名")!.getCell("A1").value).toBe("用户自己的表");
  });

  test("the ranking sheet holds every zone's rank, name, city and composite, cell by cell", () => {
    const ws = book.getWorksheet("综合排名 (2)")!;
    expect(ws.getCell("A1").value).toBe("2013年度产业集聚区综合考评排名");
    expect(ws.getRow(rankingHeader).values).toEqual([undefined, "排名", "并列", "集聚区名称", "所属地市", "综合得分", "规模总量", "发展速度", "加分", "扣分", "名次变化", "否决事项"]);
    result.zones.forEach((z, i) => {
      const row = ws.getRow(rankingHeader + 1 + i);
      expect(row.getCell(1).value).toBe(z.rank);
      expect(row.getCell(3).value).toBe(z.zone);
      expect(row.getCell(4).value).toBe(z.city);
      expect(row.getCell(5).value).toBe(z.composite);
      expect(row.getCell(5).numFmt).toBe("0.00");
    });
    expect(ws.getCell(`B${rankingHeader + 2}`).value).toBe("并列");
  });

  test("计算明细 shows each zone's indicators as in the result: raw, score, weight, contribution", () => {
    const ws = book.getWorksheet("计算明细")!;
    let row = 3;
    for (const z of result.zones) {
      for (const s of z.indicators) {
        const r = ws.getRow(row++);
        expect(r.getCell(1).value).toBe(z.rank);
        expect(r.getCell(2).value).toBe(z.zone);
        expect(r.getCell(5).value).toBe(s.raw === null ? "缺失" : s.raw);
        expect(r.getCell(8).value).toBe(s.score);
        expect(r.getCell(9).value).toBe(s.weight);
        expect(r.getCell(10).value).toBeCloseTo((s.score / 100) * s.weight, 10);
      }
    }
    expect(ws.getRow(row).getCell(2).value).toBeNull();
  });

  test("formula-like zone names are written as text, never as formulas", () => {
    const ws = book.getWorksheet("综合排名 (2)")!;
    const at = (offset: number) => ws.getCell(`C${rankingHeader + offset}`);
    expect(at(2).value).toBe("=SUM(A1)");
    expect(at(2).type).toBe(ExcelJS.ValueType.String);
    expect(at(2).numFmt).toBe("@");
    expect(at(3).value).toBe("+洛阳高新区");
  });

  test("print setup: A4, orientation as planned, title rows repeated, one page wide, page x of n footer", () => {
    const ranking = book.getWorksheet("综合排名 (2)")!;
    expect(ranking.pageSetup.paperSize).toBe(9);
    expect(ranking.pageSetup.orientation).toBe("landscape");
    expect(ranking.pageSetup.fitToPage).toBe(true);
    expect(ranking.pageSetup.fitToWidth).toBe(1);
    expect(ranking.pageSetup.fitToHeight).toBe(0);
    expect(ranking.pageSetup.printTitlesRow).toBe(`${rankingHeader}:${rankingHeader}`);
    expect(ranking.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    expect(book.getWorksheet("表彰名单")!.pageSetup.orientation).toBe("portrait");
  });

  test("the awards sheet shows prizes in 万元 and the total; merged title; star counts on 星级评定", () => {
    const awards = book.getWorksheet("表彰名单")!;
    const rows: unknown[][] = [];
    awards.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.some((r) => r[0] === "奖金合计：1,500 万元（15,000,000 元）" && r[5] === 1500)).toBe(true);
    expect(awards.getCell("A1").isMerged).toBe(true);
    const stars = book.getWorksheet("星级评定")!;
    const counts: unknown[][] = [];
    stars.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[0] === "开封市" || v[0] === "洛阳市" || v[0] === "郑州市") counts.push(v.slice(0, 8));
    });
    expect(counts).toEqual([
      ["郑州市", 0, 0, 1, 0, 0, 0, 1],
      ["开封市", 1, 0, 0, 0, 0, 0, 1],
      ["洛阳市", 0, 1, 0, 0, 0, 0, 1],
    ]);
  });

  test("without an input workbook only the result sheets are written", async () => {
    const out = join(dir, "only.xlsx");
    await writeResultXlsx(buildResultPlans(result, [], "en-US"), { outPath: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Stars", "Ranking", "By city", "Awards", "Promotions", "Zone profile", "Score details", "Validation"]);
    expect(wb.getWorksheet("Ranking")!.headerFooter.oddFooter).toBe("&CPage &P of &N");
  });

  test("an input whose zip entries carry no date (a zeroed DOS date, as some generators write) is copied, dated as early as a zip goes", async () => {
    const source = await JSZip.loadAsync(readFileSync(join(dir, "in.xlsx")));
    const entries = await Promise.all(Object.values(source.files).filter((f) => !f.dir).map(async (f) => storedEntry(f.name, await f.async("nodebuffer"))));
    const input = join(dir, "undated.xlsx");
    writeFileSync(input, zipArchive(entries));
    const out = join(dir, "undated-rated.xlsx");
    expect(await writeResultXlsx(plans, { input, outPath: out })).toEqual(names);
    const rated = await JSZip.loadAsync(readFileSync(out));
    const sheet = rated.file("xl/worksheets/sheet1.xml")!;
    expect(await sheet.async("string")).toBe(await source.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(sheet.date).toEqual(new Date(1980, 0, 1));
    const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指标数据", "综合排名", ...names]);
  });

  test("rows planned taller are written at their height; the others keep the default", async () => {
    const ranking = buildResultPlans(result, [], "zh-CN").find((p) => p.kind === "ranking")!;
    ranking.rowHeights = [
      { r0: 0, r1: 0, height: 30 },
      { r0: 2, r1: 4, height: 22.5 },
    ];
    const out = join(dir, "heights.xlsx");
    await writeResultXlsx([ranking], { outPath: out });
    const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet(ranking.name)!;
    expect([1, 2, 3, 4, 5, 6].map((r) => ws.getRow(r).height)).toEqual([30, undefined, 22.5, 22.5, 22.5, undefined]);
  });

  test("every result sheet numbers its own pages from 1", () => {
    for (const name of names) {
      const setup = book.getWorksheet(name)!.pageSetup as ExcelJS.PageSetup & { useFirstPageNumber?: boolean };
      expect([name, setup.firstPageNumber, setup.useFirstPageNumber]).toEqual([name, 1, true]);
    }
  });

  test("where styles overlap, the one later in the plan wins, as the hosts apply them, whichever row each starts on", async () => {
    const ranking = buildResultPlans(result, [], "zh-CN").find((p) => p.kind === "ranking")!;
    ranking.styles = [
      { range: { r0: 3, c0: 0, r1: 3, c1: 1 }, fill: "#FF0000", bold: true },
      { range: { r0: 2, c0: 1, r1: 5, c1: 1 }, fill: "#00FF00" },
    ];
    const out = join(dir, "overlap.xlsx");
    await writeResultXlsx([ranking], { outPath: out });
    const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet(ranking.name)!;
    const fill = (a1: string): string | undefined => (ws.getCell(a1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill("A4"), fill("B4"), fill("B3")]).toEqual(["FFFF0000", "FF00FF00", "FF00FF00"]);
    // What the later style leaves unset, the earlier one still gives.
    expect(ws.getCell("B4").font?.bold).toBe(true);
  });
});

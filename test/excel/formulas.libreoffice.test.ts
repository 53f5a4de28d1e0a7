// The plans' live formulas computed by a real spreadsheet: LibreOffice opens a file of the plans,
// recalculates, and the values it saves are read back. Also prints the zone pages: one A4 page a zone.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPreset, rate } from "../../src/engine";
import { zoneProfile } from "../../src/engine/explain";
import type { RatingResult } from "../../src/engine/types";
import { planLabels } from "../../src/workbook/plan/labels";
import { buildResultPlans } from "../../src/workbook/plan/results";
import type { SheetPlan } from "../../src/workbook/plan/types";
import { buildZonePages } from "../../src/workbook/plan/zonePage";
import { prepareRun } from "../../src/workbook/read/prepare";
import { readXlsxGrids } from "../../src/xlsx/read";
import { caseResult } from "../workbook/plan/detailsCase";
import { table, zone } from "../engine/fixtures";
import { cellRef } from "../../src/workbook/plan/formulas";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { convertWithLibreOffice, savedValues } from "./formulasXlsx";

const SAMPLE = join(__dirname, "../../samples/henan-zones-sample.xlsx");


describe("LibreOffice computes the plans' formulas", () => {
  let dir: string;
  /** What LibreOffice saved in each sheet, by A1 address: cell(sheet, row, col) with 0-based row and col. */
  let saved: Array<Map<string, string | number | boolean>>;
  const cell = (sheet: number, row: number, col: number) => saved[sheet].get(cellRef(row, col));
  let details: SheetPlan;
  let picker: SheetPlan;
  let sample: RatingResult;
  let pagesPdf: string;
  const picked = 3;
  /** Zones whose names differ only in case are different zones; the picker must find the one picked. */
  const CASES = ["Zone a", "Zone A", "ZONE A", "zone A"];
  let casePicker: SheetPlan;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "formulas-lo-"));
    details = buildResultPlans(caseResult(), [], "zh-CN").find((p) => p.kind === "details")!;
    const prepared = prepareRun(await readXlsxGrids(SAMPLE), { locale: "zh-CN", presetId: "henan-2013" });
    sample = rate(prepared.table!, prepared.rules!);
    picker = buildZonePages(sample, "zh-CN", "picker");
    const pickerRow = picker.values.findIndex((r) => r[0] === "选择集聚区");
    picker.values[pickerRow][1] = sample.zones[picked].zone;
    const pages = buildZonePages(sample, "zh-CN", "pages");
    const cased = rate(table(CASES.map((name, i) => zone(name, { va: 20 + i, tax: 3 + i, emp: 1 + i }))), getPreset("henan-2013")!);
    casePicker = buildZonePages(cased, "zh-CN", "picker");
    casePicker.values[casePicker.values.findIndex((r) => r[0] === "选择集聚区")][1] = "ZONE A";
    await writeResultXlsx([details, picker, { ...casePicker, name: "cases" }], { outPath: join(dir, "check.xlsx") });
    await writeResultXlsx([pages], { outPath: join(dir, "pages.xlsx") });
    convertWithLibreOffice(dir, [join(dir, "check.xlsx")], "xlsx");
    convertWithLibreOffice(dir, [join(dir, "pages.xlsx")], "pdf");
    pagesPdf = join(dir, "out", "pages.pdf");
    saved = [await savedValues(join(dir, "out", "check.xlsx"), 1), await savedValues(join(dir, "out", "check.xlsx"), 2), await savedValues(join(dir, "out", "check.xlsx"), 3)];
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("计算明细: each recomputed contribution equals ours, every difference is 0 and the check says 一致", () => {
    // LibreOffice saves 15 significant digits; the difference and the verdict it computed at full precision.
    for (let r = details.headerRow + 1; r < details.values.length; r++) {
      expect(cell(0, r, 13)).toBeCloseTo(details.values[r][9] as number, 12);
      expect(Math.abs(cell(0, r, 14) as number)).toBeLessThan(1e-12);
    }
    expect(cell(0, details.headerRow - 1, 13)).toBeLessThan(1e-9);
    expect(cell(0, details.headerRow - 1, 14)).toBe("一致");
  });

  test("集聚区档案: the page LibreOffice computes for the picked zone shows that zone's figures", () => {
    const p = zoneProfile(sample, sample.zones[picked].zone)!;
    const pickerRow = picker.values.findIndex((r) => r[0] === "选择集聚区");
    const top = pickerRow + 2;
    const rowOf = (label: string): number => picker.values.findIndex((r, i) => i >= top && r[0] === label);
    expect(cell(1, 0, 7)).toBe(picked + 1);
    expect(cell(1, top, 0)).toBe(`${p.zone}（${p.city}）`);
    expect(cell(1, rowOf("综合得分"), 1)).toBeCloseTo(p.composite, 10);
    expect(cell(1, rowOf("综合得分"), 3)).toBe(`第 ${p.rank} 名（${p.tied ? "并列，" : ""}共 180 个）`);
    expect(cell(1, rowOf("规模总量"), 1)).toBeCloseTo(p.dimensions[0].points, 10);
    expect(cell(1, rowOf("否决事项"), 1)).toBe(p.vetoed ? p.veto : "无");
    expect(cell(1, rowOf("优势"), 1)).toBe(planLabels("zh-CN").indicatorNames[p.strongest[0].key]);
    expect(cell(1, rowOf("弱项"), 4)).toBeCloseTo(p.weakest[0].score, 10);
  });

  test("集聚区档案: of zones whose names differ only in case, the picker shows the one picked", () => {
    const pickerRow = casePicker.values.findIndex((r) => r[0] === "选择集聚区");
    const names = casePicker.values.slice(2, 2 + CASES.length).map((r) => r[7]);
    expect(cell(2, 0, 7)).toBe(names.indexOf("ZONE A") + 1);
    expect(cell(2, pickerRow + 2, 0)).toBe("ZONE A（郑州）");
  });

  test("the zone pages print one A4 portrait page per zone, each headed by its zone", () => {
    const info = execFileSync("pdfinfo", [pagesPdf], { encoding: "utf8" });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(sample.zones.length);
    expect(/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info)!.slice(1, 3).map((v) => Math.round(Number(v)))).toEqual([595, 842]);
    for (const n of [1, 90, 180]) {
      const text = execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pagesPdf, "-"], { encoding: "utf8" });
      expect(text).toContain(sample.zones[n - 1].zone);
      expect(text).toContain("产业集聚区档案");
      expect(text).toContain("六、否决事项与加扣分");
    }
  });
});

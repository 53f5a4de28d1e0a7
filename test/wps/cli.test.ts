// The WPS add-in and the command line write the same result sheets, cell by cell: the CLI rates the
// bundled sample (and, for the yearly cycle, the sample with 2012's rated workbook as --prev) into
// an .xlsx read back with ExcelJS; the WPS host rates the same input in the fake WPS (last year's
// results imported first, as an official does with 导入上年结果). Every cell holding a value or a
// formula must match in value, formula and number format.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { PREV_SAMPLE_FILE } from "../../scripts/make-prev-sample";
import { SAMPLE_WORKBOOK } from "../../src/cli/main";
import { a1 } from "../../src/workbook/grid";
import { readPreviousRating } from "../../src/workbook/read/previous";
import { createWpsRatingHost } from "../../src/wps/wpsHost";
import { readKindedSheets, readXlsxGrids } from "../../src/xlsx/read";
import { runCli } from "../cli/run";
import { createFakeWps, WpsWorkbook } from "../fake-wps";

const PREV = join(__dirname, "../../samples", PREV_SAMPLE_FILE);
/**
 * 集聚区档案 differs by design: a workbook file carries every zone's page one after another, a live
 * workbook one page with a zone picker (README, "Every score by hand").
 */
const PAGES_BY_DESIGN = "集聚区档案";

interface SeenCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wps-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each sheet's cells that hold something, by A1 address; merged cells by their upper-left one only. */
async function cliSheets(file: string): Promise<Map<string, Map<string, SeenCell>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, Map<string, SeenCell>>();
  for (const ws of workbook.worksheets) {
    const cells = new Map<string, SeenCell>();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value;
        if (v === null || v === undefined || v === "") return;
        const numberFormat = cell.numFmt ?? "General";
        if (typeof v === "object" && "formula" in v) cells.set(a1(r - 1, c - 1), { value: `=${v.formula}`, formula: `=${v.formula}`, numberFormat });
        else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") cells.set(a1(r - 1, c - 1), { value: v, numberFormat });
        else throw new Error(`${ws.name}!${a1(r - 1, c - 1)}: a cell value of a kind this test does not compare`);
      }),
    );
    sheets.set(ws.name, cells);
  }
  return sheets;
}

function wpsSheets(wb: WpsWorkbook): Map<string, Map<string, SeenCell>> {
  const sheets = new Map<string, Map<string, SeenCell>>();
  for (const s of wb.sheets) {
    const cells = new Map<string, SeenCell>();
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        cells.set(a1(r, c), cell.formula !== undefined ? { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat } : { value: cell.value, numberFormat: cell.numberFormat });
      }),
    );
    sheets.set(s.name, cells);
  }
  return sheets;
}

/** The fake WPS with the sample open, as an official opens it. */
async function openSample(): Promise<WpsWorkbook> {
  const wb = new WpsWorkbook("henan-zones-sample.xlsx");
  for (const g of await readXlsxGrids(SAMPLE_WORKBOOK)) {
    wb.addSheet(g.sheet, g.values, { ...(g.numberFormats ? { numberFormats: g.numberFormats } : {}), originRow: g.originRow, originCol: g.originCol });
  }
  return wb;
}

function expectSameSheets(cli: Map<string, Map<string, SeenCell>>, wps: Map<string, Map<string, SeenCell>>): void {
  expect([...wps.keys()].sort()).toEqual([...cli.keys()].sort());
  for (const [name, cells] of cli) {
    if (name === PAGES_BY_DESIGN) continue;
    const mine = wps.get(name)!;
    // Listed as [sheet!cell, what it holds], so a failure names the first cell that differs.
    const listed = (m: Map<string, SeenCell>) => [...m.entries()].map(([address, cell]) => [`${name}!${address}`, cell]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(listed(mine)).toEqual(listed(cells));
  }
}

describe("the WPS add-in and the CLI write the same result sheets", () => {
  test("for the bundled sample", async () => {
    const out = join(dir, "sample.xlsx");
    expect(runCli(["--out", out]).status).toBe(0);
    const wb = await openSample();
    const host = createWpsRatingHost(createFakeWps(wb).application);
    expect((await host.run({ locale: "zh-CN", presetId: "henan-2013" })).ok).toBe(true);
    const cli = await cliSheets(out);
    expect(cli.get("综合排名")?.size).toBeGreaterThan(180 * 5);
    expectSameSheets(cli, wpsSheets(wb));
  }, 180_000);

  test("for a year carried forward from last year's rated workbook (--prev / 导入上年结果)", async () => {
    const out = join(dir, "prev.xlsx");
    expect(runCli(["--prev", PREV, "--out", out]).status).toBe(0);
    const wb = await openSample();
    const host = createWpsRatingHost(createFakeWps(wb).application);
    const imported = await host.importPrevious!(readPreviousRating(await readKindedSheets(PREV), PREV_SAMPLE_FILE), "zh-CN");
    expect(imported.ok).toBe(true);
    const run = await host.run({ locale: "zh-CN", presetId: "henan-2013" });
    expect(run.sheetsWritten).toEqual(expect.arrayContaining(["年度结转", "历年评定", "历年趋势"]));
    const cli = await cliSheets(out);
    expect(cli.get("历年评定")?.size).toBeGreaterThan(180 * 3);
    expectSameSheets(cli, wpsSheets(wb));
  }, 180_000);
});

// What every live host (Excel through Office.js, WPS 表格 through its JS API) must do, written once
// and run against each host's fake through a small driver: the same workbook in, the same sheets,
// markers, errors and events out. Host-only matters (Excel's requests and API levels, WPS's call
// counts and skipped steps) stay in test/excel and test/wps.
import { join } from "node:path";
import { PREV_SAMPLE_FILE } from "../../scripts/make-prev-sample";
import { sampleSheetRows } from "../../scripts/make-sample";
import { analyseRobustness, type RobustnessResult } from "../../src/engine/robustness";
import { getPreset, rate } from "../../src/engine";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { prepareRun } from "../../src/workbook/read/prepare";
import type { RatingHost, SheetChange } from "../../src/host/host";
import { WorkbookFollower } from "../../src/taskpane/follow";
import { a1, parseA1, type CellValue, type Grid } from "../../src/workbook/grid";
import { buildRobustnessPlan } from "../../src/workbook/plan/robustness";
import { readHistorySheet, readPreviousRating } from "../../src/workbook/read/previous";
import { readKindedSheets } from "../../src/xlsx/read";
import { FIRST_ZONE_ROW, indicatorRows, textZoneFormats, ZONE_COLUMN } from "../excel/inputs";
import type { CellGrid } from "../fakes/cellGrid";

export type Value = string | number | boolean | null;

export interface DriverCell {
  value: Value;
  /** Set where the host took the entry as a formula. */
  formula?: string;
  numberFormat: string;
}

/** Print setup as the host set it, in one shape for every host. */
export interface PrintSetupSeen {
  orientation?: "portrait" | "landscape";
  paper?: "A4";
  titleRows?: string;
  footer?: string;
  /** All columns on one page wide. */
  fitToWidth: boolean;
}

/** One workbook in one host's fake, seen and changed as a user would, and the host over it. */
export interface HostEnv {
  host: RatingHost;
  /** Adds a sheet as a user would; returns the id the host's events name it by. */
  addSheet(name: string, rows?: CellValue[][], numberFormats?: string[][]): string;
  setCell(sheet: string, address: string, value: string | number | null): void;
  renameSheet(from: string, to: string): void;
  /** Names of the sheets a user sees as tabs, in order. */
  sheetNames(): string[];
  has(sheet: string): boolean;
  sheetId(sheet: string): string;
  /** The sheet's values from A1 to its last used cell, blanks null. */
  values(sheet: string): Value[][];
  cell(sheet: string, address: string): DriverCell;
  /** Every cell of the sheet that holds something. */
  cells(sheet: string): DriverCell[];
  /** Plain data of one sheet (cells, formats, layout), for before/after comparisons. */
  snapshot(sheet: string): unknown;
  /** Plain data of every sheet a user sees. */
  snapshotAll(): unknown;
  activeSheet(): string | undefined;
  activate(sheet: string): void;
  selection(): { sheet: string; cell: string } | undefined;
  /** The kind the host's marker gives the sheet, where it marked it. */
  markedKind(sheet: string): string | undefined;
  validationCount(sheet: string): number;
  printSetup(sheet: string): PrintSetupSeen;
  frozen(sheet: string): { rows: number; cols: number };
  /** 0-based rows the host put a manual page break above, in order. */
  pageBreaks(sheet: string): number[];
  /** Row heights the host set, by 0-based row. */
  rowHeight(sheet: string, row: number): number | undefined;
  charts(sheet: string): Array<{ title?: string }>;
  /** Resolves once the events raised so far have reached the host's listeners. */
  eventsDelivered(): Promise<void>;
  /** Event handlers the host has registered with the fake. */
  listenerCount(): number;
  /** A host over the same workbook whose next write fails part-way (after some sheets are written). */
  failingHost(): RatingHost;
}

/** How a driver reads its fake's sheets by name (both fakes keep cells alike, test/fakes/cellGrid.ts). */
export function sheetReading(sheet: (name: string) => CellGrid): Pick<HostEnv, "values" | "cell" | "cells"> {
  const cellOf = (grid: CellGrid, row: number, col: number): DriverCell => {
    const c = grid.cellAt(row, col);
    const out: DriverCell = { value: c?.value ?? null, numberFormat: c?.numberFormat ?? "General" };
    if (c?.formula !== undefined) out.formula = c.formula;
    return out;
  };
  return {
    values: (name) => {
      const grid = sheet(name);
      const rect = grid.usedRect(true);
      return rect ? grid.valuesOf({ r0: 0, c0: 0, r1: rect.r1, c1: rect.c1 }).map((row) => row.map((v): Value => (v === "" ? null : v))) : [];
    },
    cell: (name, address) => {
      const { row, col } = parseA1(address);
      return cellOf(sheet(name), row, col);
    },
    cells: (name) => {
      const grid = sheet(name);
      return grid.rows.flatMap((row, r) => (row ?? []).flatMap((c, col) => (c ? [cellOf(grid, r, col)] : [])));
    },
  };
}

export interface HostDriver {
  /** Shown in the test names. */
  name: string;
  /** A workbook of one sheet (by default 指标数据) holding these rows (and formats), the host over it. */
  setup(rows: CellValue[][], numberFormats?: string[][], sheet?: string): HostEnv;
}

const RUN = { locale: "zh-CN" as const, presetId: "henan-2013" };
const RESULT_SHEETS = ["星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"];
const PREV_SAMPLE = join(__dirname, "../../samples", PREV_SAMPLE_FILE);

/** The 增加值 cell of the first zone: a number an official might correct. */
const VALUE_ADDED = `E${FIRST_ZONE_ROW + 1}`;

function gridOf(env: HostEnv, sheet: string): Grid {
  return { sheet, originRow: 0, originCol: 0, values: env.values(sheet) };
}

export function describeHostContract(driver: HostDriver): void {
  describe(`${driver.name}: runs`, () => {
    test("the result sheets hold the engine's result: ranking rows, star counts, formats, print setup, chart and marker", async () => {
      const env = driver.setup(indicatorRows(180));
      const outcome = await env.host.run(RUN);
      expect(outcome.sheetsWritten).toEqual(RESULT_SHEETS);
      const result = outcome.result!;
      // The table's header row, below the leaders' block and chart the sheet opens with.
      const header = env.values("综合排名").findIndex((r) => r[0] === "排名" && r[3] === "所属地市");
      expect(header).toBeGreaterThan(0);
      result.zones.forEach((z, i) => {
        const row = header + 2 + i;
        expect(env.cell("综合排名", `A${row}`).value).toBe(z.rank);
        expect(env.cell("综合排名", `C${row}`).value).toBe(z.zone);
        expect(env.cell("综合排名", `E${row}`)).toMatchObject({ value: z.composite, numberFormat: "0.00" });
      });
      // The sample is seeded to the published 2013 counts: 2 zones at 3★, 11 at 2★, 49 at 1★.
      const totals = env.values("星级评定").find((r) => r[0] === "合计")?.slice(0, 8);
      expect(totals).toEqual(["合计", 49, 11, 2, 0, 0, 0, 62]);
      expect(env.charts("星级评定")).toHaveLength(1);
      expect(env.charts("综合排名")).toHaveLength(1);
      // Only the zones' header repeats: the title and the counts print once, on the first page.
      const starsHeader = env.values("星级评定").findIndex((r) => r[0] === "排名" && r[1] === "集聚区名称") + 1;
      expect(env.printSetup("星级评定")).toEqual({ orientation: "landscape", paper: "A4", titleRows: `$${starsHeader}:$${starsHeader}`, footer: "第 &P 页，共 &N 页", fitToWidth: true });
      expect(env.printSetup("表彰名单").orientation).toBe("portrait");
      expect(env.frozen("综合排名").cols).toBeGreaterThan(0);
      expect(env.markedKind("星级评定")).toBe("stars");
      expect(env.markedKind("指标数据")).toBeUndefined();
    });

    test("the rows a plan sizes to its text, and its sections' own page starts, reach the sheets", async () => {
      const env = driver.setup(indicatorRows(60));
      await env.host.run(RUN);
      const plans = buildResultPlans(rate(prepareRun([{ sheet: "指标数据", originRow: 0, originCol: 0, values: indicatorRows(60) }], RUN).table!, getPreset("henan-2013")!), [], "zh-CN", { zonePages: "picker" });
      const stars = plans.find((p) => p.kind === "stars")!;
      // 星级评定 opens with its counts and chart, and lists its zones from a page of their own.
      expect(stars.sectionBreaks?.length).toBeGreaterThan(0);
      expect(env.pageBreaks("星级评定")).toEqual(stars.sectionBreaks);
      for (const h of stars.rowHeights ?? []) for (let r = h.r0; r <= h.r1; r++) expect([r, env.rowHeight("星级评定", r)]).toEqual([r, h.height]);
    });

    test("the user's input sheet is identical before and after a run", async () => {
      const env = driver.setup(indicatorRows(30));
      const before = env.snapshot("指标数据");
      await env.host.run(RUN);
      expect(env.snapshot("指标数据")).toEqual(before);
    });

    test("two runs in a row give identical workbooks", async () => {
      const env = driver.setup(indicatorRows(40));
      await env.host.run(RUN);
      const first = env.snapshotAll();
      await env.host.run(RUN);
      expect(env.snapshotAll()).toEqual(first);
    });

    test("a user sheet that holds a result's name survives; the output gets a suffixed name and a notice", async () => {
      const env = driver.setup(indicatorRows(20));
      env.addSheet("综合排名", [["我的排名草稿"]]);
      const before = env.snapshot("综合排名");
      const outcome = await env.host.run(RUN);
      expect(outcome.sheetsWritten[1]).toBe("综合排名 (2)");
      expect(outcome.notices.some((n) => n.includes("综合排名 (2)"))).toBe(true);
      expect(env.snapshot("综合排名")).toEqual(before);
      // A rerun recognises "综合排名 (2)" as its own and replaces it, still leaving the user's sheet alone.
      const again = await env.host.run(RUN);
      expect(again.sheetsWritten[1]).toBe("综合排名 (2)");
      expect(env.sheetNames().filter((s) => s.startsWith("综合排名"))).toEqual(["综合排名", "综合排名 (2)"]);
      expect(env.snapshot("综合排名")).toEqual(before);
    });

    test("a result sheet renamed by the user is still recognised and replaced", async () => {
      const env = driver.setup(indicatorRows(20));
      await env.host.run(RUN);
      env.renameSheet("校验报告", "旧报告");
      await env.host.run(RUN);
      expect(env.has("旧报告")).toBe(false);
      expect(env.sheetNames()).toEqual(["指标数据", ...RESULT_SHEETS]);
    });

    test("switching the report language replaces the English sheets: they are recognised by marker, not by name", async () => {
      const env = driver.setup(indicatorRows(20));
      const en = await env.host.run({ ...RUN, locale: "en-US" });
      expect(en.sheetsWritten).toEqual(["Stars", "Ranking", "By city", "Awards", "Promotions", "Zone profile", "Score details", "Validation"]);
      await env.host.run(RUN);
      expect(env.sheetNames()).toEqual(["指标数据", ...RESULT_SHEETS]);
    });

    test("zone names that look like formulas come out exactly as text", async () => {
      const rows = indicatorRows(12);
      const names = ["=SUM(A1)", "+洛阳高新区", "-开封汴西", "@郑州航空港"];
      names.forEach((name, i) => (rows[FIRST_ZONE_ROW + i][ZONE_COLUMN] = name));
      const env = driver.setup(rows, textZoneFormats(rows));
      const outcome = await env.host.run(RUN);
      expect(outcome.ok).toBe(true);
      const cells = env.cells("综合排名");
      for (const name of names) {
        const found = cells.find((c) => c.value === name);
        expect(found).toBeDefined();
        expect(found!.formula).toBeUndefined();
        expect(found!.numberFormat).toBe("@");
      }
    });

    test("an input error writes nothing, and names its cell", async () => {
      const rows = indicatorRows(10);
      rows[FIRST_ZONE_ROW + 2][4] = "abc";
      const env = driver.setup(rows);
      const before = env.snapshotAll();
      const outcome = await env.host.run(RUN);
      expect(outcome.ok).toBe(false);
      expect(outcome.sheetsWritten).toEqual([]);
      const error = outcome.issues.find((i) => i.severity === "error")!;
      expect([error.sheet, error.cell, error.code]).toEqual(["指标数据", "E7", "NOT_A_NUMBER"]);
      expect(env.snapshotAll()).toEqual(before);
    });

    test("a failure part-way through the write leaves the earlier results as they were and no stray sheets", async () => {
      const env = driver.setup(indicatorRows(30));
      await env.host.run(RUN);
      const before = env.snapshotAll() as unknown[];
      env.setCell("指标数据", "E5", 999);
      await expect(env.failingHost().run(RUN)).rejects.toThrow();
      const after = env.snapshotAll() as unknown[];
      expect(env.sheetNames()).toEqual(["指标数据", ...RESULT_SHEETS]);
      expect(after.slice(1)).toEqual(before.slice(1));
      expect(env.markedKind("综合排名")).toBe("ranking");
    });

    test("a run without a preset uses the workbook's last one (the ribbon after a pane run with henan-2017)", async () => {
      const env = driver.setup(indicatorRows(12));
      const fresh = await env.host.run({ locale: "zh-CN" });
      expect(fresh.result?.rules.id).toBe("henan-2013");
      await env.host.run({ locale: "zh-CN", presetId: "henan-2017" });
      const again = await env.host.run({ locale: "zh-CN" });
      expect(again.result?.rules.id).toBe("henan-2017");
      // The pane opening on this workbook starts from that preset too.
      const look = await env.host.overview("zh-CN");
      expect([look.presetId, look.rules?.id]).toEqual(["henan-2017", "henan-2017"]);
      expect((await env.host.overview("zh-CN", "henan-2013")).presetId).toBe("henan-2013");
      // A rules sheet wins over the kept preset; the preset is still kept for when that sheet goes.
      await env.host.insertRulesSheet("service-zones-2016", "zh-CN");
      expect((await env.host.run({ locale: "zh-CN" })).result?.rules.id).toBe("service-zones-2016");
      expect((await env.host.overview("zh-CN")).presetId).toBe("henan-2017");
    });

    test("a run asked not to activate leaves the user on the sheet they were editing", async () => {
      const env = driver.setup(indicatorRows(20));
      env.addSheet("备注", [["说明"]]);
      env.activate("备注");
      await env.host.run({ ...RUN, activate: false });
      expect(env.activeSheet()).toBe("备注");
      await env.host.run(RUN);
      expect(env.activeSheet()).toBe("星级评定");
    });
  });

  describe(`${driver.name}: sheet actions`, () => {
    test("selectCell activates the sheet and selects the cell", async () => {
      const env = driver.setup(indicatorRows(5));
      env.addSheet("其他");
      env.activate("其他");
      await env.host.selectCell("指标数据", "E7");
      expect(env.activeSheet()).toBe("指标数据");
      expect(env.selection()).toEqual({ sheet: "指标数据", cell: "E7" });
    });

    test("the inserted rules sheet is read back by the next run; removeResultSheets deletes only results", async () => {
      const env = driver.setup(indicatorRows(20));
      const name = await env.host.insertRulesSheet("henan-2013", "zh-CN");
      expect(name).toBe("评定规则");
      const overview = await env.host.overview("zh-CN", "henan-2013");
      expect(overview.rulesSource).toBe("sheet");
      expect(overview.indicatorSheet).toBe("指标数据");
      expect(overview.zoneCount).toBe(20);
      expect(overview.sheets.find((s) => s.name === "评定规则")?.ownedByAddin).toBe(true);
      await env.host.run(RUN);
      expect(await env.host.removeResultSheets()).toBe(RESULT_SHEETS.length);
      expect(env.sheetNames()).toEqual(["指标数据", "评定规则"]);
    });

    test("an invalid rules sheet: the overview shows no rules in its place (not the preset's) and lists its errors", async () => {
      const env = driver.setup(indicatorRows(12));
      await env.host.insertRulesSheet("henan-2017", "zh-CN");
      const values = env.values("评定规则");
      let numeric: string | undefined;
      values.forEach((row, r) => row.forEach((v, c) => (numeric ??= typeof v === "number" ? a1(r, c) : undefined)));
      env.setCell("评定规则", numeric!, "abc");
      const overview = await env.host.overview("zh-CN", "henan-2013");
      expect(overview.rulesSource).toBe("sheet");
      expect(overview.rules).toBeUndefined();
      expect(overview.issues.some((i) => i.severity === "error" && i.sheet === "评定规则" && i.cell === numeric)).toBe(true);
    });

    test("the template sheet is a user sheet the reader accepts, with entry checks", async () => {
      const env = driver.setup([], undefined, "Sheet1");
      const name = await env.host.insertSampleSheet("zh-CN");
      expect(name).toBe("指标数据");
      expect(env.validationCount(name)).toBeGreaterThan(0);
      expect(env.markedKind(name)).toBeUndefined();
      const overview = await env.host.overview("zh-CN", "henan-2013");
      expect(overview.indicatorSheet).toBe("指标数据");
      expect(overview.zoneCount).toBe(3);
      expect(overview.issues.filter((i) => i.severity === "error")).toEqual([]);
    });

    test("the overview names each sheet's id and which are results and rules", async () => {
      const env = driver.setup(indicatorRows(20));
      await env.host.insertRulesSheet("henan-2013", "zh-CN");
      await env.host.run(RUN);
      const overview = await env.host.overview("zh-CN");
      const byName = new Map(overview.sheets.map((s) => [s.name, s]));
      expect(byName.get("指标数据")?.id).toBe(env.sheetId("指标数据"));
      expect(byName.get("指标数据")?.role).toBeUndefined();
      expect(byName.get("评定规则")).toMatchObject({ id: env.sheetId("评定规则"), role: "rules" });
      expect(byName.get("综合排名")).toMatchObject({ id: env.sheetId("综合排名"), role: "result" });
    });
  });

  describe(`${driver.name}: the robustness analysis`, () => {
    async function analysed(host: RatingHost, seed: number): Promise<RobustnessResult> {
      const input = await host.readInput(RUN);
      if (!input.ok || !input.table || !input.rules) throw new Error("the sample rows should read without errors");
      return analyseRobustness(input.table, input.rules, { runs: 200, seed, weightShare: 0.2, varyMethods: false });
    }

    test("reads the table and rules a run would rate, writing nothing", async () => {
      const env = driver.setup(indicatorRows(40));
      const input = await env.host.readInput(RUN);
      expect(input.ok).toBe(true);
      expect(input.table?.zones).toHaveLength(40);
      expect(input.rules?.id).toBe("henan-2013");
      expect(env.sheetNames()).toEqual(["指标数据"]);
    });

    test("starts from what a run rates: without noise the analysis gives the run's ranks and awards", async () => {
      const env = driver.setup(indicatorRows(40));
      const outcome = await env.host.run(RUN);
      const input = await env.host.readInput(RUN);
      if (!outcome.result || !input.table || !input.rules) throw new Error("the sample rows should rate");
      const quiet = analyseRobustness(input.table, input.rules, { runs: 3, seed: 1, weightShare: 0, varyMethods: false });
      expect(quiet.zones.map((z) => [z.zone, z.medianRank, z.awards])).toEqual(outcome.result.zones.map((z) => [z.zone, z.rank, z.awards]));
    });

    test("answers with the errors instead of a table when the data has them", async () => {
      const rows = indicatorRows(5);
      rows[5][4] = "十二";
      const env = driver.setup(rows);
      const input = await env.host.readInput(RUN);
      expect(input.ok).toBe(false);
      expect(input.table).toBeUndefined();
      expect(input.issues.some((i) => i.severity === "error" && i.sheet === "指标数据")).toBe(true);
    });

    test("writes 稳健性分析 as the plan has it, marked as the add-in's, and replaces it on the next analysis", async () => {
      const env = driver.setup(indicatorRows(40));
      const first = await analysed(env.host, 1);
      expect(await env.host.writeRobustnessSheet(first, "zh-CN")).toEqual({ sheet: "稳健性分析", notices: [] });
      expect(env.markedKind("稳健性分析")).toBe("robustness");
      const plan = buildRobustnessPlan(first, "zh-CN");
      const written = env.values("稳健性分析");
      // An empty string is written as an empty cell.
      plan.values.forEach((row, r) => row.forEach((v, c) => expect([a1(r, c), written[r]?.[c] ?? null]).toEqual([a1(r, c), v === "" ? null : v])));
      await env.host.writeRobustnessSheet(await analysed(env.host, 2), "zh-CN");
      expect(env.sheetNames().filter((s) => s.startsWith("稳健性分析"))).toEqual(["稳健性分析"]);
    });

    test("a new rating removes the analysis of the data before it, as it does every other result sheet", async () => {
      const env = driver.setup(indicatorRows(40));
      await env.host.writeRobustnessSheet(await analysed(env.host, 1), "zh-CN");
      await env.host.run(RUN);
      expect(env.has("稳健性分析")).toBe(false);
    });

    test("never writes over a user's sheet of the same name", async () => {
      const env = driver.setup(indicatorRows(40));
      env.addSheet("稳健性分析", [["我的笔记"]]);
      const written = await env.host.writeRobustnessSheet(await analysed(env.host, 1), "zh-CN");
      expect(written.sheet).toBe("稳健性分析 (2)");
      expect(written.notices).toHaveLength(1);
      expect(env.values("稳健性分析")).toEqual([["我的笔记"]]);
    });
  });

  describe(`${driver.name}: the yearly cycle (导入上年结果)`, () => {
    const SAMPLE_RUN = { ...RUN, sheet: "指标数据" };

    test("joins last year into 历年评定, which every later run carries forward and extends by its year, once", async () => {
      const env = driver.setup(sampleSheetRows());
      const previous = readPreviousRating(await readKindedSheets(PREV_SAMPLE), "prev.xlsx");
      const imported = await env.host.importPrevious!(previous, "zh-CN");
      expect(imported).toMatchObject({ ok: true, sheet: "历年评定", years: [2011, 2012], zones: 180, issues: [] });

      const first = await env.host.run(SAMPLE_RUN);
      expect(first.ok).toBe(true);
      expect(first.sheetsWritten).toEqual(expect.arrayContaining(["年度结转", "历年评定", "历年趋势", "名称对照"]));
      expect(first.issues.filter((i) => i.code === "PREV_VALUE_CONFLICT")).toEqual([]);
      expect([...new Set(first.yearCycle!.history.map((r) => r.year))]).toEqual([2011, 2012, 2013]);
      expect(first.yearCycle!.exitWarnings.length).toBeGreaterThan(0);

      const second = await env.host.run(SAMPLE_RUN);
      expect(second.ok).toBe(true);
      const names = env.sheetNames();
      expect(names.filter((n) => n.startsWith("历年评定"))).toEqual(["历年评定"]);
      expect(names.filter((n) => n.startsWith("名称对照"))).toEqual(["名称对照"]);
      const history = readHistorySheet(gridOf(env, "历年评定")).rows;
      expect(history.filter((r) => r.year === 2013)).toHaveLength(180);
      expect(history.filter((r) => r.year === 2012)).toHaveLength(180);
    });

    test("starts an empty history that the next run fills with its year", async () => {
      const env = driver.setup(sampleSheetRows());
      expect(await env.host.importPrevious!(undefined, "zh-CN")).toMatchObject({ ok: true, sheet: "历年评定", years: [] });
      const run = await env.host.run(SAMPLE_RUN);
      expect(run.yearCycle?.year).toBe(2013);
      expect(readHistorySheet(gridOf(env, "历年评定")).rows).toHaveLength(180);
      expect(run.sheetsWritten).not.toContain("年度结转");
    });

    test("in English: imports into a sheet Excel accepts (History is a name it reserves), which the next run carries forward", async () => {
      const env = driver.setup(sampleSheetRows());
      const previous = readPreviousRating(await readKindedSheets(PREV_SAMPLE), "prev.xlsx");
      const imported = await env.host.importPrevious!(previous, "en-US");
      expect(imported).toMatchObject({ ok: true, sheet: "Rating history", years: [2011, 2012], zones: 180 });
      const run = await env.host.run({ ...SAMPLE_RUN, locale: "en-US" });
      expect(run.ok).toBe(true);
      expect([...new Set(run.yearCycle!.history.map((r) => r.year))]).toEqual([2011, 2012, 2013]);
      expect(env.sheetNames()).toContain("Rating history");
      expect(readHistorySheet(gridOf(env, "Rating history")).rows.filter((r) => r.year === 2013)).toHaveLength(180);
    });
  });

  describe(`${driver.name}: following edits`, () => {
    test("reports edits on every sheet, and sheets added and deleted, by their ids", async () => {
      const env = driver.setup(indicatorRows(20));
      env.addSheet("备注", [["说明"]]);
      const heard: SheetChange[] = [];
      const stop = await env.host.watchSheets((c) => heard.push(c));
      expect(stop).toBeDefined();
      env.setCell("指标数据", VALUE_ADDED, 99);
      env.setCell("备注", "A2", "核对中");
      const added = env.addSheet("新表");
      await env.eventsDelivered();
      env.setCell("新表", "A1", "x");
      await env.eventsDelivered();
      expect(heard).toEqual([
        { kind: "changed", worksheetId: env.sheetId("指标数据") },
        { kind: "changed", worksheetId: env.sheetId("备注") },
        { kind: "added", worksheetId: added },
        { kind: "changed", worksheetId: added },
      ]);
      await stop!();
    });

    test("stopping removes every handler it added, and nothing more is reported", async () => {
      const env = driver.setup(indicatorRows(20));
      const heard: SheetChange[] = [];
      const stop = await env.host.watchSheets((c) => heard.push(c));
      const added = env.addSheet("新表");
      await env.eventsDelivered();
      expect(env.listenerCount()).toBeGreaterThan(0);
      await stop!();
      expect(env.listenerCount()).toBe(0);
      env.setCell("指标数据", VALUE_ADDED, 99);
      await env.eventsDelivered();
      expect(heard).toEqual([{ kind: "added", worksheetId: added }]);
    });

    async function following() {
      const env = driver.setup(indicatorRows(20));
      env.addSheet("备注", [["说明"]]);
      const changes: number[] = [];
      const follower = new WorkbookFollower(60_000);
      follower.listen({ onChange: () => changes.push(changes.length + 1), onSettled: () => undefined });
      const look = async () => follower.know(await env.host.overview("zh-CN"), "指标数据");
      await env.host.watchSheets(follower.hear);
      await look();
      return { env, changes, follower, look };
    }

    test("the add-in's own run and the overview after it leave the results up to date", async () => {
      const { env, changes, follower, look } = await following();
      for (let i = 0; i < 2; i++) {
        // The second run replaces the first one's sheets: deleted and added again, all the add-in's.
        await follower.own(async () => {
          await env.host.run(RUN);
          await look();
        });
        await env.eventsDelivered();
      }
      await follower.own(async () => {
        await env.host.insertRulesSheet("henan-2013", "zh-CN");
        await look();
      });
      await env.eventsDelivered();
      expect(changes).toEqual([]);
      follower.stop();
    });

    test("an edit of the indicator sheet counts; one on another sheet does not", async () => {
      const { env, changes, follower } = await following();
      env.setCell("备注", "A2", "核对中");
      await env.eventsDelivered();
      expect(changes).toEqual([]);
      env.setCell("指标数据", VALUE_ADDED, 99);
      await env.eventsDelivered();
      expect(changes).toEqual([1]);
      follower.stop();
    });

    test("a sheet someone adds counts once an overview shows it is the rules sheet; a blank one does not", async () => {
      const { env, changes, follower, look } = await following();
      env.addSheet("Sheet3");
      await env.eventsDelivered();
      await look();
      expect(changes).toEqual([]);
      env.addSheet("评定规则", [["评定规则"]]);
      await env.eventsDelivered();
      expect(changes).toEqual([]);
      await look();
      expect(changes).toEqual([1]);
      follower.stop();
    });

    test("an edit made while the add-in's run is under way still counts", async () => {
      const { env, changes, follower, look } = await following();
      await follower.own(async () => {
        const running = env.host.run(RUN);
        env.setCell("指标数据", VALUE_ADDED, 99);
        await running;
        await look();
      });
      await env.eventsDelivered();
      expect(changes).toEqual([1]);
      follower.stop();
    });
  });
}

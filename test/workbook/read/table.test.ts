import type { CellValue, Grid } from "../../../src/workbook/grid";
import { findHeader } from "../../../src/workbook/read/header";
import { readIndicatorTable, MAX_LISTED_ERRORS } from "../../../src/workbook/read/table";

function grid(values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return { sheet: "指标数据", originRow: 0, originCol: 0, values: values.map((r) => [...r, ...Array(width - r.length).fill(null)]), ...extra };
}

const HEAD = ["集聚区名称", "所属地市", "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）"];

function codesAt(issues: { code: string; cell?: string }[]): string[] {
  return issues.map((i) => `${i.code}@${i.cell}`);
}

describe("findHeader", () => {
  it("finds a header below a title block and reads the year from the title", () => {
    const g = grid([["2013年度河南省产业集聚区考核指标"], ["示例数据"], [], HEAD, ["甲区", "郑州", 30, 4, 1.2]]);
    expect(findHeader(g)?.row).toBe(3);
    const { table, issues } = readIndicatorTable(g);
    expect(issues).toEqual([]);
    expect(table?.year).toBe(2013);
    expect(table?.zones[0].source).toEqual({ sheet: "指标数据", row: 5, zoneCell: "A5", cells: { va: "C5", tax: "D5", emp: "E5" } });
  });

  it("does not look below row 20 of the sheet", () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, () => ["说明"]);
    expect(findHeader(grid([...rows, HEAD]))).toBeUndefined();
    expect(findHeader(grid([...rows.slice(1), HEAD]))?.row).toBe(19);
  });

  it("accepts 产业集聚区名称 and 所属省辖市, common in the province's own tables", () => {
    const h = findHeader(grid([["产业集聚区名称", "所属省辖市"]]));
    expect([...(h?.columns.keys() ?? [])]).toEqual(["zone", "city"]);
  });

  it("matches spaces, full-width spaces, full-width brackets, English spellings and aliases", () => {
    const g = grid([[" 名 称 ", "City", "ValueAdded (100M yuan)", "税\u3000收", "EMPLOYMENT"], ["甲", "郑州", 1, 2, 3]]);
    const h = findHeader(g);
    expect([...(h?.columns.keys() ?? [])]).toEqual(["zone", "city", "va", "tax", "emp"]);
  });

  it("uses the Excel table's header and rows when the sheet has one", () => {
    const g = grid([["说明"], ["Zone", "City", "ValueAdded", "Tax", "Employment"], ["甲", "郑州", 30, 4, 1], ["合计以下不属于表"], ["乙", "x", "bad", 1, 1]], {
      tables: [{ name: "Zones", address: "A2:E3" }],
    });
    const { table, issues } = readIndicatorTable(g);
    expect(issues).toEqual([]);
    expect(table?.zones.map((z) => z.zone)).toEqual(["甲"]);
  });
});

describe("readIndicatorTable", () => {
  it("converts 万元, 人, 公顷 and 平方公里 to canonical units", () => {
    const g = grid([
      ["名称", "地市", "增加值（万元）", "税收(亿元)", "从业人员（人）", "工业用地面积（公顷）"],
      ["甲", "郑州", 350000, 4, 12000, 100],
      ["乙", "郑州", "1,200,000", 4, 5000, 2],
    ]);
    const { table } = readIndicatorTable(g);
    expect(table?.zones[0].values).toEqual({ va: 35, tax: 4, emp: 1.2, landMu: 1500 });
    expect(table?.zones[1].values.va).toBe(120);
    const km = grid([["名称", "地市", "增加值", "税收", "从业人员", "工业用地面积（平方公里）"], ["甲", "郑州", 1, 1, 1, 2]]);
    expect(readIndicatorTable(km).table?.zones[0].values.landMu).toBe(3000);
  });

  it("parses full-width digits, thousands separators and percentages", () => {
    const g = grid(
      [
        [...HEAD, "主导产业增加值占比（%）", "智能化改造普及率"],
        ["甲", "郑州", "１２３．５", "1,234.5", "２", "45%", 0.3],
        ["乙", "郑州", 1, 1, 1, "６０％", 30],
      ],
      {
        numberFormats: [
          ["", "", "", "", "", "", ""],
          ["", "", "", "", "", "", "0%"],
          ["", "", "", "", "", "", "General"],
        ],
      },
    );
    const { table, issues } = readIndicatorTable(g);
    expect(issues).toEqual([]);
    expect(table?.zones[0].values).toEqual({ va: 123.5, tax: 1234.5, emp: 2, leadShare: 45, smart: 30 });
    expect(table?.zones[1].values).toEqual({ va: 1, tax: 1, emp: 1, leadShare: 60, smart: 30 });
  });

  it("reports every bad cell of the sheet with its address", () => {
    const g = grid([
      [...HEAD, "主导产业增加值占比", "上年综合排名", "上年星级", "历史最高星级", "加分"],
      ["甲", "郑州", "12亿", 1, 1, 50, 1, 2, 2, 1],
      ["乙", "郑州", 10, { error: "#DIV/0!" }, -1, 101, 0, 7, 2.5, -2],
      ["甲", "郑州", 10, 1, null, "12%", 1.5, "x", 1, 0],
      [null, "郑州", 10, 1, 1, 5, 3, 1, 1, 0],
      ["丙", "郑州", 10, 1, 1, 5, 4, 1, 1, "１"],
    ]);
    const { table, issues } = readIndicatorTable(g);
    expect(table).toBeUndefined();
    expect(codesAt(issues)).toEqual([
      "NOT_A_NUMBER@C2",
      "EXCEL_ERROR@D3",
      "NEGATIVE_VALUE@E3",
      "PERCENT_OUT_OF_RANGE@F3",
      "BAD_PREV_RANK@G3",
      "BAD_STAR_LEVEL@H3",
      "BAD_STAR_LEVEL@I3",
      "NEGATIVE_VALUE@J3",
      "DUPLICATE_ZONE@A4",
      "REQUIRED_BLANK@E4",
      "BAD_PREV_RANK@G4",
      "NOT_A_NUMBER@H4",
      "REQUIRED_BLANK@A5",
    ]);
    expect(issues[0]).toMatchObject({ severity: "error", sheet: "指标数据", zone: "甲", params: { value: "12亿" } });
    expect(issues[8].params).toMatchObject({ zone: "甲", first: "A2" });
  });

  it("lists missing required columns with their accepted spellings", () => {
    const { issues } = readIndicatorTable(grid([["Zone", "增加值"], ["甲", 1]]));
    expect(issues.map((i) => [i.code, i.cell, i.params?.accepted])).toEqual([
      ["MISSING_COLUMN_REQUIRED", "A1", "所属地市 / 地市 / 省辖市 / 所属省辖市 / City"],
      ["MISSING_COLUMN_REQUIRED", "A1", "税收收入 / 税收 / Tax"],
      ["MISSING_COLUMN_REQUIRED", "A1", "从业人员 / Employment"],
    ]);
  });

  it("accepts a rank or star column labelled with 名次 / 位次 / 星级", () => {
    const g = grid([[...HEAD, "上年综合排名（名次）", "上年星级（星级）", "Prev Rank (位次)"], ["甲", "郑州", 1, 1, 1, 3, 2, 3]]);
    const { table, issues } = readIndicatorTable(g);
    expect(codesAt(issues)).toEqual(["DUPLICATE_COLUMN@H1"]);
    expect(table?.zones[0]).toMatchObject({ prevRank: 3, prevStars: 2 });
  });

  it("flags an unknown unit on the header cell", () => {
    const { issues } = readIndicatorTable(grid([[...HEAD.slice(0, 2), "增加值（美元）", ...HEAD.slice(3)], ["甲", "郑州", 1, 1, 1]]));
    expect(codesAt(issues)).toEqual(["UNKNOWN_UNIT@C1"]);
    expect(issues[0].params).toMatchObject({ unit: "美元" });
  });

  it("skips blank and totals rows with warnings and keeps hidden rows", () => {
    const g = grid([HEAD, ["甲", "郑州", 1, 1, 1], [null, "", null], ["乙", "开封", 2, 2, 2], ["合 计", null, 3, 3, 3], [], []]);
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.zone)).toEqual(["甲", "乙"]);
    expect(issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["warning", "BLANK_ROW_SKIPPED", "A3"],
      ["warning", "TOTALS_ROW_SKIPPED", "A5"],
    ]);
  });

  it("skips a city's subtotal row as a totals row", () => {
    const g = grid([HEAD, ["甲", "郑州", 1, 1, 1], ["乙", "郑州", 2, 2, 2], ["郑州市小计", null, 3, 3, 3], ["丙", "开封", 4, 4, 4], ["开封市合计：", "开封", 4, 4, 4]]);
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.zone)).toEqual(["甲", "乙", "丙"]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["TOTALS_ROW_SKIPPED", "A4"],
      ["TOTALS_ROW_SKIPPED", "A6"],
    ]);
  });

  it("skips a note under the table, but not a zone whose name starts like one that has figures", () => {
    const g = grid([HEAD, ["说明区", "郑州", 1, 1, 1], ["甲", "郑州", 1, 1, 1], ["注：数据来源于各市统计局。"], ["合计：", null, 2, 2, 2]]);
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.zone)).toEqual(["说明区", "甲"]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["NOTE_ROW_SKIPPED", "A4"],
      ["TOTALS_ROW_SKIPPED", "A5"],
    ]);
  });

  it("reports no header and no data rows", () => {
    expect(codesAt(readIndicatorTable(grid([["a", "b"]], { originRow: 2, originCol: 1 })).issues)).toEqual(["NO_HEADER@B3"]);
    expect(codesAt(readIndicatorTable(grid([HEAD])).issues)).toEqual(["NO_DATA_ROWS@A2"]);
  });

  it("keeps formula-like names exactly as typed", () => {
    const names = ["=SUM(A1)", "+86", "-x", "@home"];
    const { table } = readIndicatorTable(grid([HEAD, ...names.map((n) => [n, "郑州", 1, 1, 1])]));
    expect(table?.zones.map((z) => z.zone)).toEqual(names);
  });

  it("bounds the list of errors and sums up the rest", () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`区${i}`, "郑州", "x", 1, 1]);
    const { issues } = readIndicatorTable(grid([HEAD, ...rows]));
    expect(issues).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(issues[MAX_LISTED_ERRORS]).toMatchObject({ code: "TOO_MANY_ERRORS", params: { shown: 200, total: 250 } });
  });

  it("refuses a date in a numeric column at its cell, by the cell's date format", () => {
    const g = grid([HEAD, ["甲", "郑州", 41395, 4, 1], ["乙", "郑州", 41395, 4, 1]], {
      numberFormats: [["", "", "", "", ""], ["", "", "yyyy-mm-dd", "", ""], ["", "", "#,##0", "", ""]],
    });
    const { table, issues } = readIndicatorTable(g);
    expect(table).toBeUndefined();
    expect(codesAt(issues)).toEqual(["DATE_IN_NUMBER_COLUMN@C2"]);
    expect(issues[0]).toMatchObject({ severity: "error", zone: "甲", params: { value: "2013-05-01", column: "增加值（亿元）" } });
  });

  it("says a formula Excel never calculated is one, in the zone, text and number columns", () => {
    const g = grid([HEAD, [{ formula: '"甲"&"区"' }, "郑州", 1, 1, 1], ["乙", { formula: "B2" }, 1, 1, 1], ["丙", "郑州", { formula: "SUM(C2:C3)" }, 1, 1]]);
    const { issues } = readIndicatorTable(g);
    expect(codesAt(issues)).toEqual(["UNCALCULATED_FORMULA@A2", "UNCALCULATED_FORMULA@B3", "UNCALCULATED_FORMULA@C4"]);
    expect(issues[2].params).toEqual({ value: "=SUM(C2:C3)", column: "增加值（亿元）" });
  });

  it("skips 汇总 and Total rows but rates a zone whose name only starts with 汇总", () => {
    const g = grid([HEAD, ["汇总产业集聚区", "郑州", 1, 1, 1], ["全市汇总", null, 1, 1, 1], ["汇总：", null, 1, 1, 1], ["Total", null, 1, 1, 1], ["TOTALS", null, 1, 1, 1], ["Grand Total", null, 1, 1, 1], ["Ｔｏｔａｌ", null, 1, 1, 1]]);
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.zone)).toEqual(["汇总产业集聚区"]);
    expect(codesAt(issues)).toEqual(["A3", "A4", "A5", "A6", "A7", "A8"].map((c) => `TOTALS_ROW_SKIPPED@${c}`));
  });

  it("skips the totals row an Excel table shows, whatever its zone cell says", () => {
    const rows = [HEAD, ["甲", "郑州", 1, 1, 1], ["乙", "郑州", 2, 2, 2]];
    const blank = readIndicatorTable(grid([...rows, [null, null, 3, 3, 3]], { tables: [{ name: "Zones", address: "A1:E4", totalsRow: true }] }));
    expect(blank.table?.zones.map((z) => z.zone)).toEqual(["甲", "乙"]);
    expect(blank.issues).toEqual([{ severity: "warning", code: "TOTALS_ROW_SKIPPED", sheet: "指标数据", cell: "A4", params: { value: "", row: 4, table: "Zones" } }]);
    const named = readIndicatorTable(grid([...rows, ["丙", "开封", 3, 3, 3]], { tables: [{ name: "Zones", address: "A1:E4", totalsRow: true }] }));
    expect(named.table?.zones.map((z) => z.zone)).toEqual(["甲", "乙"]);
    expect(codesAt(named.issues)).toEqual(["TOTALS_ROW_SKIPPED@A4"]);
    const without = readIndicatorTable(grid([...rows, ["丙", "开封", 3, 3, 3]], { tables: [{ name: "Zones", address: "A1:E4" }] }));
    expect(without.table?.zones.map((z) => z.zone)).toEqual(["甲", "乙", "丙"]);
  });

  it("removes control characters from every text cell, warning once per cell", () => {
    const g = grid([[...HEAD, "否决事项", "区域组"], ["甲\n区", "郑\u0001州", 1, 1, 1, "环保\u0000问题", "豫\u0085北"], ["乙", "郑州", 1, 1, 1, null, "豫北"]]);
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones[0]).toMatchObject({ zone: "甲 区", city: "郑州", group: "豫北", veto: "环保问题" });
    expect(codesAt(issues)).toEqual(["CONTROL_CHARS_REMOVED@A2", "CONTROL_CHARS_REMOVED@B2", "CONTROL_CHARS_REMOVED@G2", "CONTROL_CHARS_REMOVED@F2"]);
    expect(issues.map((i) => i.severity)).toEqual(["warning", "warning", "warning", "warning"]);
    expect(issues[0].params).toEqual({ value: "甲 区", chars: "U+000A", column: "集聚区名称" });
  });

  it("reads the usual 'nothing' markers in 否决事项 as not vetoed, and says so once", () => {
    const g = grid([[...HEAD, "否决事项"], ["甲", "郑州", 1, 1, 1, "无"], ["乙", "郑州", 1, 1, 1, " N/A "], ["丙", "郑州", 1, 1, 1, "环保不达标"], ["丁", "郑州", 1, 1, 1, 0], ["戊", "郑州", 1, 1, 1, "无"], ["己", "郑州", 1, 1, 1, "—"]]);
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.veto)).toEqual([undefined, undefined, "环保不达标", undefined, undefined, undefined]);
    expect(issues).toEqual([{ severity: "warning", code: "VETO_NONE_MARKERS", sheet: "指标数据", cell: "F2", params: { count: 5, markers: "无、N/A、0、—", column: "否决事项" } }]);
  });

  it("records which optional columns exist", () => {
    const { table } = readIndicatorTable(grid([[...HEAD, "上年综合排名", "否决事项", "区域组"], ["甲", "郑州", 1, 1, 1, 3, null, "豫北"]]));
    expect(table?.columns).toEqual({ indicators: ["va", "tax", "emp"], prevRank: true, prevStars: false, maxStars: false, bonus: false, penalty: false, veto: true, group: true });
    expect(table?.zones[0]).toMatchObject({ prevRank: 3, group: "豫北" });
    expect(table?.zones[0].veto).toBeUndefined();
  });
});

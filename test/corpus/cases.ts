// The corpus of bad and awkward workbooks: each case builds one workbook with ExcelJS and says
// which issues (code@cell, in order) reading it must give, and whether a run can go on.
import ExcelJS from "exceljs";
import { PRESETS } from "../../src/engine";
import { rulesSheetRows } from "../../src/workbook/read/rulesSheet";
import { EN_HEADER, HEADER, type Row } from "./header";
import { writeLargeTable } from "./large";

/** Five valid zones for HEADER: rows 2–6 when the header is row 1. */
export function zones(): Row[] {
  return [
    ["甲区产业集聚区", "郑州", 120, 16, 4.5, 60, 1, 2, 3, 1],
    ["乙区产业集聚区", "郑州", 60, 8, 2.1, 55, 2, 2, 2, null],
    ["丙区产业集聚区", "开封", 30, 4, 1.2, 48, 3, 1, 1, null],
    ["丁区产业集聚区", "洛阳", 15, 2, 0.5, 40, 5, 0, 0, null],
    ["戊区产业集聚区", "洛阳", 8, 1, 0.3, 35, 4, 0, 1, null],
  ];
}

export interface CorpusCase {
  name: string;
  build(wb: ExcelJS.Workbook): void;
  /** Issues from reading, as "CODE@CELL", in the order reported. */
  issues: string[];
  /** true when the issues include an error: the CLI must exit 2 and write nothing but the JSON. */
  errors: boolean;
  /** Zones the table must hold when reading succeeds. */
  zoneCount?: number;
  /** Further checks on the table, as [zone index, key, expected value in canonical units]. */
  values?: Array<[number, string, unknown]>;
  /** Writes the file itself instead of building it in memory (for very large workbooks). */
  writeFile?: (file: string) => Promise<void>;
}

function sheet(wb: ExcelJS.Workbook, rows: Row[], name = "指标数据", at = 1, col = 1): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => {
    if (v !== null && v !== undefined) ws.getCell(at + i, col + j).value = v;
  }));
  return ws;
}

function edited(edit: (rows: Row[]) => void, header: Row = HEADER): (wb: ExcelJS.Workbook) => void {
  return (wb) => {
    const rows = [header.slice(), ...zones()];
    edit(rows);
    sheet(wb, rows);
  };
}

function ok(name: string, build: (wb: ExcelJS.Workbook) => void, extra: Partial<CorpusCase> = {}): CorpusCase {
  return { name, build, issues: [], errors: false, zoneCount: 5, ...extra };
}

function bad(name: string, build: (wb: ExcelJS.Workbook) => void, issues: string[]): CorpusCase {
  return { name, build, issues, errors: true };
}

function warn(name: string, build: (wb: ExcelJS.Workbook) => void, issues: string[], zoneCount: number): CorpusCase {
  return { name, build, issues, errors: false, zoneCount };
}

function rowOf(rows: Row[], label: string): number {
  return rows.findIndex((r) => r[0] === label);
}

/** The sample zones plus a 评定规则 sheet of henan-2013 with an edit. */
function withRules(edit: (rows: Row[]) => void): (wb: ExcelJS.Workbook) => void {
  return (wb) => {
    sheet(wb, [HEADER, ...zones()]);
    const rows = rulesSheetRows(PRESETS["henan-2013"], "zh-CN").map((r) => r.slice()) as Row[];
    edit(rows);
    sheet(wb, rows, "评定规则");
  };
}

const FORMULA_NAMES = ["=SUM(A1)", "+86", "-x", "@home"];

export const CASES: CorpusCase[] = [
  ok("plain table", edited(() => undefined), { values: [[0, "va", 120], [4, "emp", 0.3]] }),
  ok("header under a title block with the year", (wb) => sheet(wb, [["2014年度产业集聚区考核指标"], ["单位：亿元"], [], HEADER, ...zones()]), { values: [[0, "tax", 16]] }),
  ok("value added in 万元", edited((r) => {
    r[0][2] = "增加值（万元）";
    r[1][2] = 1_200_000;
  }), { values: [[0, "va", 120]] }),
  ok("employment in 人 and land in 公顷", edited((r) => {
    r[0][4] = "从业人员(人)";
    r[0][9] = "工业用地面积（公顷）";
    r[1][4] = 45_000;
    r[1][9] = 200;
  }), { values: [[0, "emp", 4.5], [0, "landMu", 3000]] }),
  ok("land in 平方公里", edited((r) => {
    r[0][9] = "工业用地面积（平方公里）";
    r[2][9] = 2;
  }), { values: [[1, "landMu", 3000]] }),
  ok("full-width digits and punctuation", edited((r) => {
    r[1][2] = "１２０．５";
    r[1][5] = "６０％";
  }), { values: [[0, "va", 120.5], [0, "leadShare", 60]] }),
  ok("thousands separators", edited((r) => {
    r[0][2] = "增加值（万元）";
    r[1][2] = "1,234,500";
  }), { values: [[0, "va", 123.45]] }),
  ok("a percent cell formatted 0%", (wb) => {
    const ws = sheet(wb, [HEADER, ...zones()]);
    ws.getCell("F2").value = 0.45;
    ws.getCell("F2").numFmt = "0%";
  }, { values: [[0, "leadShare", 45]] }),
  ok("percent typed as text", edited((r) => (r[1][5] = "45%")), { values: [[0, "leadShare", 45]] }),
  ok("an Excel table (ListObject) under a title", (wb) => {
    const ws = wb.addWorksheet("指标数据");
    ws.getCell("A1").value = "2013年度考核";
    ws.addTable({ name: "Zones", ref: "A3", headerRow: true, columns: HEADER.map((h) => ({ name: String(h) })), rows: zones() });
  }, { values: [[2, "va", 30]] }),
  ok("English headers", edited(() => undefined, EN_HEADER)),
  ok("English headers with units in brackets", edited((r) => {
    r[0][2] = "ValueAdded (10k yuan)";
    r[1][2] = 1_200_000;
  }, EN_HEADER), { values: [[0, "va", 120]] }),
  ok("hidden rows are data", (wb) => {
    const ws = sheet(wb, [HEADER, ...zones()]);
    ws.getRow(3).hidden = true;
    ws.getRow(4).hidden = true;
  }),
  ok("zone names that look like formulas", edited((r) => FORMULA_NAMES.forEach((n, i) => (r[i + 1][0] = n))), {
    values: FORMULA_NAMES.map((n, i): [number, string, unknown] => [i, "zone", n]),
  }),
  ok("numbers from formulas' cached results", edited((r) => (r[1][2] = { formula: "100+20", result: 120 })), { values: [[0, "va", 120]] }),
  ok("headers with spaces and full-width spaces", edited((r) => {
    r[0][0] = " 集聚区 名称 ";
    r[0][3] = "税\u3000收";
  })),
  ok("unknown extra columns are ignored", edited((r) => r.forEach((row, i) => row.push(i === 0 ? "备注" : "说明文字"))), { values: [[0, "va", 120]] }),
  ok("table starting at C5", (wb) => sheet(wb, [HEADER, ...zones()], "指标数据", 5, 3), { values: [[4, "va", 8]] }),
  ok("indicator table on the second sheet", (wb) => {
    sheet(wb, [["填表说明"], ["请在下一张表填写"]], "说明");
    sheet(wb, [HEADER, ...zones()], "数据");
  }),
  ok("zone name with surrounding spaces is trimmed", edited((r) => (r[1][0] = "  甲区产业集聚区\u3000")), { values: [[0, "zone", "甲区产业集聚区"]] }),
  ok("a zone named 汇总… is rated, not skipped as a totals row", edited((r) => (r[1][0] = "汇总产业集聚区")), { values: [[0, "zone", "汇总产业集聚区"]] }),
  ok("a number formatted with a literal % is already in percent", (wb) => {
    const ws = sheet(wb, [HEADER, ...zones()]);
    ws.getCell("F2").value = 0.8;
    ws.getCell("F2").numFmt = '0.0"%"';
    ws.getCell("F3").value = 45;
    ws.getCell("F3").numFmt = "0\\%";
  }, { values: [[0, "leadShare", 0.8], [1, "leadShare", 45]] }),
  ok("an edited, valid rules sheet", withRules((rows) => (rows[rowOf(rows, "scale")][3] = 45))),
  ok("a 100,000-row table", () => undefined, { zoneCount: 100_000, values: [[99_999, "va", 10 + (99_999 % 90)]], writeFile: (file) => writeLargeTable(file, 100_000) }),

  warn("a 合计 row is skipped", edited((r) => r.push(["合计", null, 233, 31, 8.6])), ["TOTALS_ROW_SKIPPED@A7"], 5),
  warn("a 全省 row is skipped", edited((r) => r.splice(3, 0, ["全 省", null, 1, 1, 1])), ["TOTALS_ROW_SKIPPED@A4"], 5),
  warn("a note under the table is skipped", edited((r) => r.push([], ["注：本表数据来源于各市统计部门。"])), ["BLANK_ROW_SKIPPED@A7", "NOTE_ROW_SKIPPED@A8"], 5),
  warn("a blank row is skipped", edited((r) => r.splice(3, 0, [])), ["BLANK_ROW_SKIPPED@A4"], 5),
  warn("a 全市汇总 row is skipped", edited((r) => r.push(["全市汇总", null, 233, 31, 8.6])), ["TOTALS_ROW_SKIPPED@A7"], 5),
  warn("an English Total row is skipped", edited((r) => r.push(["Total", null, 233, 31, 8.6]), EN_HEADER), ["TOTALS_ROW_SKIPPED@A7"], 5),
  { ...warn("a line break in a zone name becomes a space", edited((r) => (r[1][0] = "甲区\r\n产业集聚区")), ["CONTROL_CHARS_REMOVED@A2"], 5), values: [[0, "zone", "甲区 产业集聚区"]] },
  warn("否决事项 markers of 'nothing' are not vetoes, said once", (wb) => {
    const marks = ["无", " N/A ", "环保不达标", null, "－"];
    sheet(wb, [[...HEADER, "否决事项"], ...zones().map((z, i) => [...z, marks[i]])]);
  }, ["VETO_NONE_MARKERS@K2"], 5),

  warn("a 所属地市 column merged per city", (wb) => {
    const ws = sheet(wb, [HEADER, ...zones()]);
    ws.mergeCells("B2:B3");
    ws.mergeCells("D4:D5");
  }, ["MERGED_CELLS_READ@B2"], 5),
  bad("a zone name of zero-width spaces and spaces only", edited((r) => (r[3][0] = " \u200B\u3000\u2060 ")), ["REQUIRED_BLANK@A4"]),
  bad("a city of a byte order mark only", edited((r) => (r[4][1] = "\uFEFF")), ["REQUIRED_BLANK@B5"]),
  bad("a zone name that differs from another only by an invisible character", edited((r) => (r[2][0] = "甲区\u200D产业集聚区")), ["INVISIBLE_CHARS_REMOVED@A3", "DUPLICATE_ZONE@A3"]),

  bad("no header", (wb) => sheet(wb, [["某某表"], ["a", "b"]]), ["NO_HEADER@A1"]),
  bad("header below row 20", (wb) => sheet(wb, [...Array.from({ length: 21 }, () => ["说明"]), HEADER, ...zones()]), ["NO_HEADER@A1"]),
  bad("a required column missing", edited((r) => r.forEach((row) => row.splice(3, 1))), ["MISSING_COLUMN_REQUIRED@A1"]),
  bad("no data rows", (wb) => sheet(wb, [HEADER]), ["NO_DATA_ROWS@A2"]),
  bad("duplicate zone", edited((r) => (r[3][0] = "甲区产业集聚区")), ["DUPLICATE_ZONE@A4"]),
  bad("duplicate zone after trimming", edited((r) => (r[2][0] = "甲区产业集聚区 ")), ["DUPLICATE_ZONE@A3"]),
  bad("a required cell blank", edited((r) => (r[2][3] = null)), ["REQUIRED_BLANK@D3"]),
  bad("a city blank", edited((r) => (r[5][1] = "  ")), ["REQUIRED_BLANK@B6"]),
  bad("a zone name blank", edited((r) => (r[4][0] = null)), ["REQUIRED_BLANK@A5"]),
  bad("text in a number cell", edited((r) => (r[1][2] = "12亿")), ["NOT_A_NUMBER@C2"]),
  bad("superscript and circled digits in number cells", edited((r) => {
    r[1][2] = "1²";
    r[2][3] = "①⑤";
    r[3][4] = "10⁵";
  }), ["NOT_A_NUMBER@C2", "NOT_A_NUMBER@D3", "NOT_A_NUMBER@E4"]),
  bad("spaces inside a number", edited((r) => {
    r[1][2] = "3 4";
    r[2][3] = "２ ５";
  }), ["NOT_A_NUMBER@C2", "NOT_A_NUMBER@D3"]),
  bad("a date in a number cell", (wb) => {
    const ws = sheet(wb, [HEADER, ...zones()]);
    ws.getCell("C2").value = new Date(Date.UTC(2013, 4, 1));
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
  }, ["DATE_IN_NUMBER_COLUMN@C2"]),
  bad("a percent sign outside a % column", edited((r) => (r[1][3] = "12%")), ["NOT_A_NUMBER@D2"]),
  bad("TRUE in a number cell", edited((r) => (r[3][4] = true)), ["NOT_A_NUMBER@E4"]),
  bad("#DIV/0! from a formula", edited((r) => (r[2][2] = { formula: "1/0", result: { error: "#DIV/0!" } })), ["EXCEL_ERROR@C3"]),
  bad("#N/A typed", edited((r) => (r[4][3] = { error: "#N/A" })), ["EXCEL_ERROR@D5"]),
  bad("#REF! as a zone name", edited((r) => (r[1][0] = { error: "#REF!" })), ["EXCEL_ERROR@A2"]),
  bad("a negative value", edited((r) => (r[1][2] = -5)), ["NEGATIVE_VALUE@C2"]),
  bad("a negative bonus", edited((r) => (r[2][9] = -1)), ["NEGATIVE_VALUE@J3"]),
  bad("a percentage above 100", edited((r) => (r[1][5] = 120)), ["PERCENT_OUT_OF_RANGE@F2"]),
  bad("a 0%-formatted cell above 100 %", (wb) => {
    const ws = sheet(wb, [HEADER, ...zones()]);
    ws.getCell("F3").value = 1.5;
    ws.getCell("F3").numFmt = "0.0%";
  }, ["PERCENT_OUT_OF_RANGE@F3"]),
  bad("a star level of 7", edited((r) => (r[1][7] = 7)), ["BAD_STAR_LEVEL@H2"]),
  bad("a fractional star level", edited((r) => (r[2][8] = 2.5)), ["BAD_STAR_LEVEL@I3"]),
  bad("a previous rank of 0", edited((r) => (r[3][6] = 0)), ["BAD_PREV_RANK@G4"]),
  bad("an unknown unit", edited((r) => (r[0][2] = "增加值（美元）")), ["UNKNOWN_UNIT@C1"]),
  bad("several errors on one sheet, all reported", edited((r) => {
    r[1][2] = "abc";
    r[3][3] = -1;
    r[5][7] = 9;
  }), ["NOT_A_NUMBER@C2", "NEGATIVE_VALUE@D4", "BAD_STAR_LEVEL@H6"]),
  bad("hundreds of errors, bounded", (wb) => sheet(wb, [HEADER, ...Array.from({ length: 260 }, (_, i) => [`区${i}`, "郑州", "x", 1, 1])]), [
    ...Array.from({ length: 200 }, (_, i) => `NOT_A_NUMBER@C${i + 2}`),
    "TOO_MANY_ERRORS@-",
  ]),
  bad("a malformed cell on the rules sheet", withRules((rows) => (rows[rowOf(rows, "growth")][8] = "best")), ["RULES_SHEET_BAD_CHOICE@I22"]),
  bad("rules that fail validation", withRules((rows) => {
    rows[rowOf(rows, "scale")][3] = -40;
    rows[rowOf(rows, "2星")][1] = 20;
  }), ["RULES_NEGATIVE_WEIGHT@D18", "RULES_THRESHOLD_DECREASING@B34"]),
  bad("a header unit named like an Object.prototype member", edited((r) => {
    r[0][2] = "增加值(constructor)";
    r[0][3] = "税收收入（__proto__）";
  }), ["UNKNOWN_UNIT@C1", "UNKNOWN_UNIT@D1"]),
  bad("a dimension keyed __proto__ on the rules sheet", withRules((rows) => (rows[rowOf(rows, "green")][0] = "__proto__")), [
    "RULES_RESERVED_KEY@A27",
    // 十先进 still ranks by cluster + green, and green is gone.
    "RULES_UNKNOWN_DIMENSION@F44",
  ]),
];

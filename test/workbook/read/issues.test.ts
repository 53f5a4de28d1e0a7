import type { Issue } from "../../../src/engine/types";
import { ENGINE_ISSUE_CODES } from "../../../src/engine/issueCodes";
import { formatIssue, knownIssueCodes, localizeIssues } from "../../../src/i18n/issues";

const READER_CODES = [
  "NO_HEADER",
  "MISSING_COLUMN_REQUIRED",
  "DUPLICATE_COLUMN",
  "UNKNOWN_UNIT",
  "NO_DATA_ROWS",
  "DUPLICATE_ZONE",
  "REQUIRED_BLANK",
  "NOT_A_NUMBER",
  "EXCEL_ERROR",
  "NEGATIVE_VALUE",
  "PERCENT_OUT_OF_RANGE",
  "BAD_STAR_LEVEL",
  "BAD_PREV_RANK",
  "TOO_MANY_ERRORS",
  "TOTALS_ROW_SKIPPED",
  "BLANK_ROW_SKIPPED",
  "NOTE_ROW_SKIPPED",
  "DATE_IN_NUMBER_COLUMN",
  "UNCALCULATED_FORMULA",
  "CONTROL_CHARS_REMOVED",
  "VETO_NONE_MARKERS",
  "INVISIBLE_CHARS_REMOVED",
  "MERGED_CELLS_READ",
  "XLSX_TOO_MANY_PARTS",
  "XLSX_PART_TOO_LARGE",
  "XLSX_ZIP_BOMB",
  "XLSX_TEXT_TOO_LONG",
  "SHEET_BEYOND_EXCEL",
  "SHEET_TOO_SCATTERED",
  "WORKBOOK_TOO_MANY_CELLS",
  "TABLE_TOO_LARGE",
  "RULES_FILE_UNREADABLE",
];

describe("issue messages", () => {
  it("words the reader's non-numeric error as the spec's example, with the cell first", () => {
    const issue: Issue = { severity: "error", code: "NOT_A_NUMBER", sheet: "指标数据", cell: "E7", params: { value: "12亿" } };
    expect(formatIssue(issue, "zh-CN")).toBe("E7：“12亿”不是数字。请只填写数字（单位由表头给出），如 12。");
    expect(formatIssue(issue, "en-US")).toBe('E7: "12亿" is not a number. Enter only the number (the header gives the unit), e.g. 12.');
  });

  it("has its own wording for every reader code in both languages", () => {
    const known = new Set(knownIssueCodes());
    for (const code of READER_CODES) expect(known.has(code) ? code : `${code} missing`).toBe(code);
  });

  it("fills the parameters into the engine's warnings", () => {
    const missing: Issue = { severity: "warning", code: "MISSING_VALUE", zone: "甲区", params: { indicator: "rd", policy: "zero" } };
    expect(formatIssue(missing, "zh-CN")).toBe("甲区：“研发经费支出”缺少数值，按 0 分计。如有数据请补填后重新评定。");
    const tie: Issue = { severity: "warning", code: "AWARD_TIE_LAST_PLACE", params: { award: "十强", zones: "甲、乙" } };
    expect(formatIssue(tie, "zh-CN")).toContain("（甲、乙）");
    expect(formatIssue(tie, "zh-CN")).toContain("需人工确认");
  });

  it("names the input that keeps a derived indicator from being computed, whose cell the warning points at", () => {
    const growth: Issue = { severity: "warning", code: "MISSING_VALUE", cell: "F7", params: { indicator: "vaGrowth", policy: "zero", input: "vaPrev" } };
    expect(formatIssue(growth, "zh-CN")).toBe("F7：“上年增加值”为空或为 0，无法计算“增加值增速”，该项按 0 分计。如有数据请补填后重新评定。");
    const own: Issue = { severity: "warning", code: "MISSING_VALUE", cell: "I7", params: { indicator: "rev", policy: "zero", input: "rev" } };
    expect(formatIssue(own, "en-US")).toBe('I7: "Revenue" has no value, so it scores 0. Fill it in and run again if the figure exists.');
  });

  it("names the absent input columns of a derived indicator, which are what the user must add", () => {
    const growth: Issue = { severity: "warning", code: "MISSING_COLUMN", params: { indicator: "vaGrowth", policy: "zero", columns: "vaPrev" } };
    expect(formatIssue(growth, "zh-CN")).toBe("表中没有“上年增加值”列（计算“增加值增速”需要），所有集聚区该项按 0 分计。如需计入，请加入该列。");
    const drop: Issue = { severity: "warning", code: "MISSING_COLUMN", params: { indicator: "energyDrop", policy: "mean", columns: "energy,energyPrev" } };
    expect(formatIssue(drop, "en-US")).toBe(
      'The table has no "EnergyIntensity", "EnergyIntensityPrev" columns (needed for "EnergyIntensityDrop"), so for every zone it scores the mean of the other zones\' scores. Add the column to count it.',
    );
    const rev: Issue = { severity: "warning", code: "MISSING_COLUMN", params: { indicator: "rev", policy: "zero", columns: "rev" } };
    expect(formatIssue(rev, "zh-CN")).toBe("表中没有“主营业务收入”列，所有集聚区该项按 0 分计。如需计入，请加入该列。");
  });

  it("names an award in the report language, not by its rule key", () => {
    const tie: Issue = { severity: "warning", code: "AWARD_TIE_LAST_PLACE", params: { award: "strong", awardZh: "十强", awardEn: "Top 10 strongest", zones: "甲,乙" } };
    expect(formatIssue(tie, "zh-CN")).toMatch(/^“十强”最后一名并列/);
    expect(formatIssue(tie, "en-US")).toMatch(/^The last place of "Top 10 strongest" is tied/);
    const fallback: Issue = { severity: "warning", code: "FAST_FALLBACK_GROWTH", params: { award: "fast", awardZh: "十快", awardEn: "Top 10 fastest" } };
    expect(formatIssue(fallback, "zh-CN")).toContain("十快改按增加值增速评选");
    expect(formatIssue(fallback, "en-US")).toContain("so Top 10 fastest is chosen by value-added growth");
  });

  it("leads a rules-file issue, which has no cell, with its path in the rules", () => {
    const fromFile: Issue = { severity: "error", code: "RULES_BAD_OPTION", params: { path: "stars.minIndicatorsMet", value: 4, min: 1, max: 3 } };
    expect(formatIssue(fromFile, "zh-CN")).toBe("stars.minIndicatorsMet：设置值“4”超出允许范围（1–3）。请改为允许的值。");
    expect(formatIssue({ ...fromFile, cell: "B9" }, "en-US")).toBe('B9: The setting "4" is out of range (1–3). Enter an allowed value.');
  });

  it("words any rules code with its path, and an unknown code generically", () => {
    const rules: Issue = { severity: "error", code: "RULES_SOMETHING_NEW", sheet: "评定规则", cell: "D12", params: { path: "dimensions[0].weight", value: -1 } };
    expect(formatIssue(rules, "en-US")).toMatch(/^D12: The rules are invalid \(dimensions\[0\]\.weight: -1\)/);
    expect(formatIssue({ severity: "warning", code: "ODD" }, "en-US")).toBe("Problem ODD. Check this cell.");
  });

  it("says how to fix a date, an uncalculated formula, a table's totals row and the veto markers", () => {
    const date: Issue = { severity: "error", code: "DATE_IN_NUMBER_COLUMN", cell: "C2", params: { value: "2013-05-01", column: "增加值" } };
    expect(formatIssue(date, "zh-CN")).toBe("C2：单元格中是日期或时间（2013-05-01），不是数字。请填写数值，并把单元格格式设为“常规”或“数值”（开始 → 数字格式）。");
    const formula: Issue = { severity: "error", code: "UNCALCULATED_FORMULA", cell: "A2", params: { value: "=B2&C2" } };
    expect(formatIssue(formula, "en-US")).toMatch(/^A2: The cell holds the formula =B2&C2, which Excel has not calculated .* Open the file in Excel, save it/);
    const totals: Issue = { severity: "warning", code: "TOTALS_ROW_SKIPPED", cell: "A9", params: { value: "", row: 9, table: "表1" } };
    expect(formatIssue(totals, "zh-CN")).toBe("A9：第 9 行是表格“表1”的汇总行，已跳过，不参加评定。");
    const veto: Issue = { severity: "warning", code: "VETO_NONE_MARKERS", cell: "K2", params: { count: 3, markers: "无、N/A", column: "否决事项" } };
    expect(formatIssue(veto, "zh-CN")).toBe("K2：“否决事项”列有 3 个单元格写的是“没有”（无、N/A），这些集聚区按未否决评定。如确有否决事项，请写明具体事项。");
  });

  it("localizes a list without changing the issues given", () => {
    const given: Issue[] = [{ severity: "warning", code: "BLANK_ROW_SKIPPED", cell: "A9", params: { row: 9 } }];
    const out = localizeIssues(given, "en-US");
    expect(out[0].message).toBe("A9: Row 9 is blank and was skipped. Fill it in if it should hold a zone.");
    expect(given[0].message).toBeUndefined();
  });
});

describe("engine codes", () => {
  it("has its own wording for every code the engine emits", () => {
    const known = new Set(knownIssueCodes());
    for (const code of ENGINE_ISSUE_CODES) expect(known.has(code) ? code : `${code} missing`).toBe(code);
  });

  it("names the levels of a decreasing threshold, the gate as 门槛", () => {
    const issue: Issue = { severity: "error", code: "RULES_THRESHOLD_DECREASING", cell: "C30", params: { path: "stars.levels.0.tax", indicator: "tax", value: 1, previous: 1.5, level: 1, previousLevel: 0 } };
    expect(formatIssue(issue, "zh-CN")).toBe("C30：1星的“税收收入”标准 1 低于门槛的 1.5。星级越高标准不得越低，请改正。");
  });
});

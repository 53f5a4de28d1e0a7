import { columnSpec } from "../../../src/workbook/read/columns";
import { cleanText, hasPercentToken, isDateTimeFormat, isNoVetoMarker, parseNumberCell, parseNumericText, parseTextCell } from "../../../src/workbook/read/cells";

describe("isDateTimeFormat", () => {
  it.each([
    "yyyy-mm-dd",
    "YYYY-MM-DD",
    "m/d/yy",
    "mm-dd-yy",
    "m/d/yy h:mm",
    "d-mmm-yy",
    "mmm-yy",
    "mmmm",
    "d",
    "h:mm AM/PM",
    "h:mm:ss",
    "mm:ss.0",
    "[h]:mm:ss",
    "[mm]:ss",
    "[ss]",
    'yyyy"年"m"月"d"日"',
    "yyyy年m月d日",
    "m月d日",
    '上午/下午h"时"mm"分"',
    "aaaa",
    "[$-F800]dddd, mmmm dd, yyyy",
    "[$-F800]",
    "[$-F400]h:mm:ss AM/PM",
    "[$-x-sysdate]dddd, mmmm dd, yyyy",
    "[$-804]yyyy/m/d",
    '[$-411]ggge"年"m"月"d"日"',
    "[$-107041E]d/mm/bbbb",
    "B2yyyy/mm/dd",
    "e/m/d",
    "[Red]yyyy-mm-dd",
    "yyyy/m/d;@",
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
  ])("%s is a date or time format", (format) => {
    expect(isDateTimeFormat(format)).toBe(true);
  });

  it.each([
    "",
    "General",
    "general",
    "G/通用格式",
    "[DBNum1][$-804]G/通用格式",
    "@",
    "0",
    "0.00",
    "#,##0.00",
    "0%",
    "0.0%",
    "0.00E+00",
    "##0.0e-0",
    '0.0"%"',
    '0.0 "亿元"',
    '0" days"',
    '"Date: "0',
    "0\\d",
    "0.0 \\y\\e\\a\\r\\s",
    "#,##0_);[Red](#,##0)",
    '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
    "[$¥-804]#,##0.00",
    "[$USD-409] #,##0",
    "[>=100]0;[Red]0.0",
    "[Color10]0.00",
    '"合计"0',
    "0_m",
    "0*s",
  ])("%s is not a date or time format", (format) => {
    expect(isDateTimeFormat(format)).toBe(false);
  });
});

describe("hasPercentToken", () => {
  it.each(["0%", "0.0%", "#,##0.00%", "0.0%;[Red]-0.0%", "[Red]0%", "[>=1]0%;0.0%"])("%s scales by 100", (format) => {
    expect(hasPercentToken(format)).toBe(true);
  });

  it.each(['0.0"%"', "0.0\\%", '0.00"％"', "General", "0.00", '"%"0', "0_%", "0*%", "[$%-409]0"])("%s shows a literal %, already in percent", (format) => {
    expect(hasPercentToken(format)).toBe(false);
  });
});

describe("parseNumericText", () => {
  it.each<[string, boolean, number]>([
    ["123", false, 123],
    [" 123 ", false, 123],
    ["+5", false, 5],
    [".5", false, 0.5],
    ["１２３", false, 123],
    ["１２３．５", false, 123.5],
    ["1,234.5", false, 1234.5],
    ["１，２３４．５", false, 1234.5],
    ["\u3000１２\u3000", false, 12],
    ["－３", false, -3],
    ["45%", true, 45],
    ["６０％", true, 60],
    ["45 %", true, 45],
  ])("reads %j (percent column: %s) as %d", (text, percent, expected) => {
    expect(parseNumericText(text, percent)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ["1²", false],
    ["10⁵", false],
    ["①⑤", false],
    ["3 4", false],
    ["２ ５", false],
    ["1\u00A0234", false],
    ["1 234", false],
    ["𝟏𝟐", false],
    ["½", false],
    ["Ⅻ", false],
    ["١٢", false],
    ["12亿", false],
    ["1,23", false],
    ["1.2.3", false],
    ["12%", false],
    ["１２％", false],
    ["", false],
    ["Infinity", false],
    ["０x1F", false],
    ["- 5", false],
    ["5%%", true],
  ])("refuses %j (percent column: %s)", (text, percent) => {
    expect(parseNumericText(text, percent)).toBeUndefined();
  });
});

describe("parseNumberCell", () => {
  const va = columnSpec("va");
  const share = columnSpec("leadShare");
  const rank = columnSpec("prevRank");

  it("refuses a date, whatever the column, and shows it as the date it is", () => {
    expect(parseNumberCell(41395, "yyyy-mm-dd", va, 1)).toEqual({ kind: "problem", problem: { code: "DATE_IN_NUMBER_COLUMN", params: { value: "2013-05-01" } } });
    expect(parseNumberCell(41395.5, "m/d/yy h:mm", share, 1)).toEqual({ kind: "problem", problem: { code: "DATE_IN_NUMBER_COLUMN", params: { value: "2013-05-01 12:00" } } });
    expect(parseNumberCell(0.75, "h:mm", va, 1)).toEqual({ kind: "problem", problem: { code: "DATE_IN_NUMBER_COLUMN", params: { value: "18:00" } } });
    expect(parseNumberCell(3, "[$-F800]dddd, mmmm dd, yyyy", rank, 1)).toMatchObject({ kind: "problem", problem: { code: "DATE_IN_NUMBER_COLUMN" } });
  });

  it("reads the same serial under a number format as the number", () => {
    expect(parseNumberCell(41395, "General", va, 1)).toEqual({ kind: "value", value: 41395 });
    expect(parseNumberCell(41395, "#,##0.00", va, 1)).toEqual({ kind: "value", value: 41395 });
    expect(parseNumberCell(41395, '0" days"', va, 1)).toEqual({ kind: "value", value: 41395 });
  });

  it("scales only a real % format, not a literal % sign", () => {
    expect(parseNumberCell(0.8, "0.0%", share, 1)).toEqual({ kind: "value", value: 80 });
    expect(parseNumberCell(0.8, '0.0"%"', share, 1)).toEqual({ kind: "value", value: 0.8 });
    expect(parseNumberCell(45, "0\\%", share, 1)).toEqual({ kind: "value", value: 45 });
  });

  it("says a formula was never calculated instead of calling the cell blank", () => {
    expect(parseNumberCell({ formula: "SUM(D2:D9)" }, undefined, va, 1)).toEqual({ kind: "problem", problem: { code: "UNCALCULATED_FORMULA", params: { value: "=SUM(D2:D9)" } } });
    expect(parseTextCell({ formula: 'A1&"区"' })).toEqual({ kind: "problem", problem: { code: "UNCALCULATED_FORMULA", params: { value: '=A1&"区"' } } });
  });

  it("refuses numeric text outside SPEC §2 as not a number", () => {
    expect(parseNumberCell("1²", undefined, va, 1)).toEqual({ kind: "problem", problem: { code: "NOT_A_NUMBER", params: { value: "1²" } } });
    expect(parseNumberCell("①⑤", undefined, va, 1)).toMatchObject({ kind: "problem", problem: { code: "NOT_A_NUMBER" } });
  });
});

describe("cleanText", () => {
  it.each<[string, string, string]>([
    ["甲区\u0000产业集聚区", "甲区产业集聚区", "U+0000"],
    ["郑州航空港\r\n经济综合实验区", "郑州航空港 经济综合实验区", "U+000D U+000A"],
    ["甲区 \n 产业", "甲区 产业", "U+000A"],
    ["a\tb", "a b", "U+0009"],
    ["\u0085甲\u009F\u007F区", "甲区", "U+0085 U+009F U+007F"],
    ["甲\uD800区", "甲区", "U+D800"],
    ["甲\uDC00区\uFFFE", "甲区", "U+DC00 U+FFFE"],
  ])("cleans %j to %j, naming %s", (raw, text, chars) => {
    expect(cleanText(raw)).toEqual({ text, removed: chars.split(" "), controls: true });
  });

  it("removes invisible characters too, saying whether a control character was among them", () => {
    expect(cleanText("甲\u200B区\u{E0041}")).toEqual({ text: "甲区", removed: ["U+200B", "U+E0041"], controls: false });
    expect(cleanText("甲\uFEFF区\u0000")).toEqual({ text: "甲区", removed: ["U+FEFF", "U+0000"], controls: true });
    expect(parseTextCell("甲\uFEFF区\u0000")).toMatchObject({ kind: "value", value: "甲区", note: { code: "CONTROL_CHARS_REMOVED", params: { chars: "U+FEFF, U+0000" } } });
  });

  it("leaves ordinary text, characters above U+FFFF and inner spaces alone", () => {
    expect(cleanText("𠀀甲区  产业集聚区")).toEqual({ text: "𠀀甲区  产业集聚区", removed: [], controls: false });
  });
});

describe("parseTextCell", () => {
  it("cleans control characters and says which were removed", () => {
    expect(parseTextCell(" 甲区\n产业集聚区\u0001 ")).toEqual({ kind: "value", value: "甲区 产业集聚区", note: { code: "CONTROL_CHARS_REMOVED", params: { value: "甲区 产业集聚区", chars: "U+000A, U+0001" } } });
    expect(parseTextCell("甲区")).toEqual({ kind: "value", value: "甲区" });
  });

  it("reads a cell of nothing but control characters as blank", () => {
    expect(parseTextCell("\u0007\u0000")).toEqual({ kind: "blank" });
  });
});

describe("isNoVetoMarker", () => {
  it.each(["无", "没有", "否", "不存在", "-", "—", "——", "/", "0", "none", "None", "NO", "no", "N/A", "n/a", " 无 ", "\u3000无", "Ｎ／Ａ", "ＮＯＮＥ", "－", "／", "０", "无否决事项"])("%j means not vetoed", (text) => {
    expect(isNoVetoMarker(text)).toBe(true);
  });

  it.each(["环保不达标", "无证排污", "否决", "有", "1", "non", "n", "N/A 待查"])("%j is a veto", (text) => {
    expect(isNoVetoMarker(text)).toBe(false);
  });
});

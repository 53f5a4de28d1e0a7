// Invisible characters (zero-width space, BOM, word joiner, direction marks, other format and
// default-ignorable characters): a text of them alone is blank, and a name with one is the same
// name without it, for uniqueness, for headers and for matching last year's names.
import type { CellValue, Grid } from "../../../src/workbook/grid";
import { localizeIssues } from "../../../src/i18n/issues";
import { parseTextCell } from "../../../src/workbook/read/cells";
import { readIndicatorTable } from "../../../src/workbook/read/table";
import { matchZoneNames } from "../../../src/workbook/read/zoneNames";

const HEAD = ["集聚区名称", "所属地市", "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）"];

function grid(values: CellValue[][]): Grid {
  return { sheet: "指标数据", originRow: 0, originCol: 0, values };
}

/** Each of the class, alone and mixed with spaces. */
const INVISIBLES = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u202E", "\u180E", "\u3164", "\uFE0F", "\u{E0020}", "\u2800", " \u200B\u3000\u00A0\u2060 "];

describe("invisible characters", () => {
  const label = (text: string): string => [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
  it.each(INVISIBLES.map((s) => [label(s), s]))("a cell of %s alone is blank", (_shown, text) => {
    expect(parseTextCell(text)).toEqual({ kind: "blank" });
  });

  it("makes a zone name of zero-width spaces, and a city of a BOM and spaces, errors at their cells", () => {
    const { table, issues } = readIndicatorTable(grid([HEAD, ["甲区", "郑州", 1, 1, 1], ["\u200B\u200B", "郑州", 1, 1, 1], ["丙区", " \uFEFF ", 1, 1, 1]]));
    expect(table).toBeUndefined();
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["REQUIRED_BLANK@A3", "REQUIRED_BLANK@B4"]);
  });

  it("reads a name with a stray invisible character as the name without it, so it is the same zone, and says so", () => {
    const { table, issues } = readIndicatorTable(grid([HEAD, ["甲区产业集聚区", "郑州", 1, 1, 1], ["甲区\u200B产业集聚区\u2060", "郑州", 1, 1, 1]]));
    expect(table).toBeUndefined();
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["INVISIBLE_CHARS_REMOVED@A3", "DUPLICATE_ZONE@A3"]);
    const [note] = localizeIssues(issues, "zh-CN");
    expect(note.message).toBe("A3：“集聚区名称”中有看不见的字符（U+200B, U+2060，如零宽空格、字节顺序标记），已删除，结果中写作“甲区产业集聚区”。从网页或其他文件复制的文字常带这类字符；如应写作其他样子，请改正该单元格。");
  });

  it("writes the cleaned name into the results, and a tag character (outside the BMP) goes too", () => {
    const { table } = readIndicatorTable(grid([HEAD, ["乙\u{E0041}区\uFEFF", "开封\u200D", 1, 1, 1]]));
    expect(table?.zones.map((z) => [z.zone, z.city])).toEqual([["乙区", "开封"]]);
  });

  it("matches a header with an invisible character", () => {
    const { table } = readIndicatorTable(grid([["\uFEFF集聚区名称", "所属\u200B地市", "增加值\u2060（亿元）", "税收收入", "从业人员"], ["甲区", "郑州", 1, 2, 3]]));
    expect(table?.zones[0].values).toEqual({ va: 1, tax: 2, emp: 3 });
  });

  it("links this year's name to last year's when one of them holds an invisible character", () => {
    const match = matchZoneNames(["甲区产业集聚区", "乙区产业集聚区"], ["甲区\u200B产业集聚区", "乙区集聚区"], [{ prevName: "\uFEFF乙区集聚区", zone: "乙区产业集聚区\u200B" }]);
    expect(match.links.map((l) => [l.zone, l.from, l.kind])).toEqual([
      ["乙区产业集聚区", ["乙区集聚区"], "mapping"],
      ["甲区产业集聚区", ["甲区\u200B产业集聚区"], "normalised"],
    ]);
    expect(match.added).toEqual([]);
    expect(match.dropped).toEqual([]);
  });
});

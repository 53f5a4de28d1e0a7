// Merged cells, as any host hands them over (Grid.mergedAreas): a merged area's value belongs to
// every cell of it, in any column, with one warning for the report.
import type { CellValue, Grid } from "../../../src/workbook/grid";
import { localizeIssues } from "../../../src/i18n/issues";
import { readIndicatorTable } from "../../../src/workbook/read/table";

const HEAD = ["集聚区名称", "所属地市", "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）", "上年星级"];

function grid(values: CellValue[][], mergedAreas: string[], extra: Partial<Grid> = {}): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return { sheet: "指标数据", originRow: 0, originCol: 0, values: values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]), mergedAreas, ...extra };
}

function codesAt(issues: { code: string; cell?: string }[]): string[] {
  return issues.map((i) => `${i.code}@${i.cell}`);
}

describe("merged cells", () => {
  it("reads a 所属地市 merged down each city's block as the city of every zone in it, and says so once", () => {
    const g = grid(
      [HEAD, ["甲区", "郑州", 120, 16, 4.5, 2], ["乙区", null, 60, 8, 2.1, 2], ["丙区", null, 30, 4, 1.2, 1], ["丁区", "洛阳", 15, 2, 0.5, 0], ["戊区", null, 8, 1, 0.3, 0]],
      ["B2:B4", "B5:B6"],
    );
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.city)).toEqual(["郑州", "郑州", "郑州", "洛阳", "洛阳"]);
    expect(codesAt(issues)).toEqual(["MERGED_CELLS_READ@B2"]);
    const [zh] = localizeIssues(issues, "zh-CN");
    const [en] = localizeIssues(issues, "en-US");
    expect(zh.message).toBe("B2：表中有 2 处合并单元格（B2:B4, B5:B6），合并区域内的每个单元格都按其左上角单元格的值读取（如整块合并的“所属地市”，块内每个集聚区都属于该市）。如不应如此，请取消合并并逐行填写。");
    expect(en.message).toMatch(/^B2: 2 merged areas were read \(B2:B4, B5:B6\): every cell of a merged area takes its top-left cell's value/);
    // The host's grid is not changed.
    expect(g.values[2][1]).toBeNull();
  });

  it("reads a merged column of numbers as that number in every row, with the top-left cell's format", () => {
    const g = grid([HEAD, ["甲区", "郑州", 120, 16, 4.5, 2], ["乙区", "郑州", 60, 8, 2.1, null], ["丙区", "开封", 30, 4, 1.2, null]], ["F2:F4", "C3:C4"], {
      numberFormats: [[], ["", "", "", "", "", "0"], [], []].map((r) => [...r, ...Array<string>(6 - r.length).fill("")]),
    });
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => z.prevStars)).toEqual([2, 2, 2]);
    expect(table?.zones.map((z) => z.values.va)).toEqual([120, 60, 60]);
    expect(codesAt(issues)).toEqual(["MERGED_CELLS_READ@F2"]);
  });

  it("takes the bottom row of a header merged over two rows, under a title row over grouped columns", () => {
    const g = grid(
      [
        ["集聚区名称", "所属地市", "主要指标", null, null],
        [null, null, "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）"],
        ["甲区", "郑州", 120, 16, 4.5],
        ["乙区", "开封", 60, 8, 2.1],
      ],
      ["A1:A2", "B1:B2", "C1:E1"],
    );
    const { table, issues } = readIndicatorTable(g);
    expect(table?.zones.map((z) => [z.zone, z.city, z.values.va, z.values.emp])).toEqual([
      ["甲区", "郑州", 120, 4.5],
      ["乙区", "开封", 60, 2.1],
    ]);
    // The title row over the grouped columns lies above the header: only the merges that reach the header are named.
    expect(issues).toEqual([expect.objectContaining({ code: "MERGED_CELLS_READ", cell: "A1", params: { count: 2, areas: "A1:A2, B1:B2" } })]);
  });

  it("ignores an area whose top-left cell lies outside the grid, and a merged title above the table without a word", () => {
    const { table, issues } = readIndicatorTable(grid([["2013年度指标"], HEAD, ["甲区", "郑州", 120, 16, 4.5, 2]], ["A1:F1", "G3:G4"]));
    expect(table?.year).toBe(2013);
    expect(issues).toEqual([]);
  });

  it("fills overlapping areas, which no spreadsheet writes, only as far as the grid's size: the rest are left", () => {
    const rows: CellValue[][] = [HEAD, ...Array.from({ length: 50 }, (_, i) => [`区${i}`, "郑州", 10, 2, 1, 0])];
    const once = readIndicatorTable(grid(rows, ["A2:F51"]));
    const crafted = readIndicatorTable(grid(rows, [...Array.from({ length: 100_000 }, () => "A2:F51"), "A1:A2"]));
    expect(crafted.issues.filter((i) => i.code !== "MERGED_CELLS_READ")).toEqual(once.issues.filter((i) => i.code !== "MERGED_CELLS_READ"));
    expect(crafted.issues).toContainEqual(expect.objectContaining({ code: "TOO_MANY_ERRORS", params: { shown: 200, total: 49 + 50 * 4 } }));
  });
});

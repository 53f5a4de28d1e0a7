import { isSheetNamed, planLabels } from "../../../src/workbook/plan/labels";
import { freeSheetName, isReservedSheetName } from "../../../src/workbook/plan/sheetName";
import { findKindedSheet } from "../../../src/workbook/read/previous";
import type { Grid } from "../../../src/workbook/grid";

describe("sheet names", () => {
  it("no sheet the product writes takes a name Excel reserves, in either language", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      for (const name of Object.values(planLabels(locale).sheetNames)) expect([name, isReservedSheetName(name)]).toEqual([name, false]);
    }
    expect(planLabels("en-US").sheetNames.history).toBe("Rating history");
    expect(isReservedSheetName("History")).toBe(true);
    expect(isReservedSheetName(" history ")).toBe(true);
  });

  it("a name Excel reserves is never handed out, even when free", () => {
    expect(freeSheetName("History", new Set())).toBe("History (2)");
    expect(freeSheetName("Rating history", new Set(["rating history"]))).toBe("Rating history (2)");
  });

  it("the readers still know a history written under the old English name", () => {
    expect(isSheetNamed("History", "history")).toBe(true);
    expect(isSheetNamed("历年评定", "history")).toBe(true);
    expect(isSheetNamed("Rating history", "history")).toBe(true);
    expect(isSheetNamed("History", "trend")).toBe(false);
    const grid: Grid = { sheet: "History", originRow: 0, originCol: 0, values: [["Year", "Zone", "Star level"]] };
    expect(findKindedSheet([{ grid: { ...grid, sheet: "Other" } }, { grid }], "history")).toBe(grid);
  });
});

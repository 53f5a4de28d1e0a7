import type { CellValue, Grid } from "../../../src/workbook/grid";
import { findHeader } from "../../../src/workbook/read/header";
import { indicatorLabel } from "../../../src/i18n/indicators";

function grid(values: CellValue[][]): Grid {
  return { sheet: "指标数据", originRow: 0, originCol: 0, values };
}

/** Every Object.prototype member name, and the two words that reach prototypes in other ways. */
const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), "prototype"];

describe("header units named like Object.prototype members", () => {
  it.each(PROTOTYPE_NAMES)("calls 增加值(%s) an unknown unit instead of reading va with it", (unit) => {
    const h = findHeader(grid([["集聚区名称", "所属地市", `增加值(${unit})`, `税收收入（${unit}）`, "从业人员"]]));
    expect(h?.columns.has("va")).toBe(false);
    expect(h?.columns.has("tax")).toBe(false);
    expect(h?.unknownUnits.map((u) => [u.col, u.unit])).toEqual([
      [2, unit],
      [3, unit],
    ]);
  });

  it.each(PROTOTYPE_NAMES)("calls 上年综合排名(%s) an unknown unit on a unitless column too", (unit) => {
    const h = findHeader(grid([["集聚区名称", `上年综合排名(${unit})`]]));
    expect(h?.unknownUnits.map((u) => u.unit)).toEqual([unit]);
  });
});

describe("indicator labels", () => {
  it.each(PROTOTYPE_NAMES)("shows an unknown key %s as itself", (key) => {
    expect(indicatorLabel(key, "zh")).toBe(key);
    expect(indicatorLabel(key, "en")).toBe(key);
  });

  it("names raw and derived indicators in both languages", () => {
    expect([indicatorLabel("va", "zh"), indicatorLabel("vaGrowth", "zh"), indicatorLabel("vaGrowth", "en")]).toEqual(["增加值", "增加值增速", "ValueAddedGrowth"]);
  });
});

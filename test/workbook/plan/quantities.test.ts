import { formatQuantity, indicatorQuantity, numberFormat, type Quantity } from "../../../src/workbook/plan/quantities";

const ALL: Quantity[] = ["points", "signedPoints", "contribution", "score", "whole", "probability", "wanYuan", "yuan", "amount", "percent", "area", "intensity"];

/** The digits after the point an Excel number format shows (its first section). */
function decimalsOf(format: string): number {
  return /\.(0+)/.exec(format.split(";")[0])?.[1].length ?? 0;
}

describe("one number format per quantity, for the sheets and the pane", () => {
  test.each(ALL)("%s: the text has the decimals and grouping of the Excel format", (q) => {
    const format = numberFormat(q);
    const text = formatQuantity(12345.6789, q);
    const digits = /\.(\d+)/.exec(text)?.[1].length ?? 0;
    expect(digits).toBe(decimalsOf(format));
    expect(text.includes(",")).toBe(format.includes("#,##0"));
  });

  test("figures as officials read them", () => {
    expect(formatQuantity(10.4359, indicatorQuantity("taxPerMu"))).toBe("10.44");
    expect(formatQuantity(82.6, indicatorQuantity("leadShare"))).toBe("82.60");
    expect(formatQuantity(15000, indicatorQuantity("landMu"))).toBe("15,000");
    expect(formatQuantity(0.4213, indicatorQuantity("energy"))).toBe("0.421");
    expect(formatQuantity(90.40647, "points")).toBe("90.41");
    expect(formatQuantity(24.1, "signedPoints")).toBe("+24.10");
    expect(formatQuantity(-2.68, "signedPoints")).toBe("-2.68");
    expect(formatQuantity(-0.001, "signedPoints")).toBe("0.00");
    expect(formatQuantity(0.935, "probability")).toBe("93.5%");
    expect(formatQuantity(150_000_000, "yuan", "en-US")).toBe("150,000,000");
  });

  test("Excel formats: raw amounts grouped with two decimals, the signed difference in three sections", () => {
    expect(numberFormat("amount")).toBe("#,##0.00");
    expect(numberFormat(indicatorQuantity("vaGrowth"))).toBe("#,##0.00");
    expect(numberFormat("points")).toBe("0.00");
    expect(numberFormat("signedPoints")).toBe("+0.00;-0.00;0.00");
    expect(numberFormat("probability")).toBe("0.0%");
    expect(numberFormat("whole")).toBe("0");
  });
});

import { charWidth, MAX_ROW_HEIGHT, rowHeight, textWidth, widthFor, widthForWords, wrappedLines } from "../../../src/workbook/plan/measure";
import { fitRowHeights } from "../../../src/workbook/plan/layout";

describe("the text measure", () => {
  test("a CJK character (and ★, full-width forms) is about two digits wide, Latin about one", () => {
    expect(charWidth("产")).toBeCloseTo(2.1, 5);
    expect(charWidth("★")).toBeCloseTo(2.1, 5);
    expect(charWidth("，")).toBeCloseTo(2.1, 5);
    expect(charWidth("0")).toBe(1);
    expect(charWidth("i")).toBeLessThan(1);
    expect(charWidth("W")).toBeGreaterThan(1);
    expect(textWidth("集聚区")).toBeCloseTo(6.3, 5);
    // Larger fonts scale the width.
    expect(textWidth("集聚区", 16)).toBeCloseTo((6.3 * 16) / 11, 5);
  });

  test("wraps CJK anywhere, as Excel does at 11 pt: a 20-wide column holds 9 characters a line", () => {
    expect(wrappedLines("产业集聚区星级评定", 20)).toBe(1);
    expect(wrappedLines("产业集聚区星级评定结", 20)).toBe(2);
    expect(wrappedLines("产".repeat(27), 20)).toBe(3);
    expect(wrappedLines("产".repeat(28), 20)).toBe(4);
  });

  test("wraps Latin between words, a word too long for the line anywhere, and counts line breaks in the text", () => {
    expect(wrappedLines("Value added growth", 13)).toBe(2);
    expect(wrappedLines("Value added growth", 8)).toBe(3);
    expect(wrappedLines("Contribution", 5)).toBe(3);
    expect(wrappedLines("第一行\n第二行", 40)).toBe(2);
    expect(wrappedLines("", 10)).toBe(1);
  });

  test("keeps closing punctuation with the character before it, as Chinese typesetting does", () => {
    // Nine characters fill the line; the full stop stays on it rather than starting the next.
    expect(wrappedLines("产业集聚区星级评定。", 20)).toBe(2);
    expect(wrappedLines("产业集聚区星级评。", 20)).toBe(1);
  });

  test("widths: one line of the text, or its widest word (bold a tenth wider)", () => {
    expect(widthFor("郑州经济技术产业集聚区")).toBe(Math.ceil(11 * 2.1 + 0.8));
    expect(widthForWords("Normalised score")).toBe(Math.ceil(textWidth("Normalised") + 0.8));
    expect(widthForWords("Contribution", true)).toBeGreaterThan(widthForWords("Contribution"));
    expect(wrappedLines("Contribution", widthForWords("Contribution", true), 11, true)).toBe(1);
  });

  test("row heights: a default row for one line, 1.45 lines of the font per line with padding", () => {
    expect(rowHeight(1)).toBe(15);
    expect(rowHeight(2)).toBe(Math.ceil(2 * 11 * 1.45 + 3));
    expect(rowHeight(1, 16)).toBe(Math.ceil(16 * 1.45 + 3));
    expect(rowHeight(1, 9)).toBe(15);
  });
});

describe("the tallest row", () => {
  it("is Excel's 409 points however long the text: Excel refuses a taller row", () => {
    expect(rowHeight(10_000)).toBe(MAX_ROW_HEIGHT);
    expect(MAX_ROW_HEIGHT).toBe(409);
    const widths = [20];
    const heights = fitRowHeights([["很长的说明".repeat(2_000)]], [{ range: { r0: 0, c0: 0, r1: 0, c1: 0 }, wrap: true }], [], widths, new Map());
    expect(heights.get(0)).toBe(MAX_ROW_HEIGHT);
  });
});

import { rate, percentileInc } from "../../src/engine";
import type { IndicatorRule, RawIndicatorKey } from "../../src/engine";
import { ON_GATE, byZone, dim, ind, rules, table, zone } from "./fixtures";

/** Composite of each zone when one indicator, worth all 100 points, is the only thing scored. */
function scores(key: RawIndicatorKey, rule: IndicatorRule, values: number[]): number[] {
  const zones = values.map((v, i) => zone(`Z${i}`, { ...ON_GATE, [key]: v }));
  const result = byZone(rate(table(zones), rules([dim("d", 100, [rule])])));
  return values.map((_, i) => result[`Z${i}`].composite);
}

describe("percentileInc (Excel PERCENTILE.INC)", () => {
  it("interpolates linearly between the closest ranks", () => {
    // {1,2,3,4}: position 0.9 × 3 = 2.7 → 3 + 0.7 × (4 − 3) = 3.7
    expect(percentileInc([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    // position 0.1 × 3 = 0.3 → 1 + 0.3 × 1 = 1.3
    expect(percentileInc([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(percentileInc([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileInc([1, 2, 3, 4], 1)).toBe(4);
    expect(percentileInc([7], 0.9)).toBe(7);
  });
});

describe("minmax", () => {
  it("maps min → 0 and max → 100 linearly", () => {
    // span 40 − 10 = 30: 10 → 0, 20 → 10/30 = 33.33…, 40 → 100
    const s = scores("fai", ind("fai", 1, "minmax"), [10, 20, 40]);
    expect(s[0]).toBeCloseTo(0, 9);
    expect(s[1]).toBeCloseTo(100 / 3, 9);
    expect(s[2]).toBeCloseTo(100, 9);
  });

  it("reverses a lower-is-better indicator (energy)", () => {
    // span 2 − 0.5 = 1.5: 0.5 → (2 − 0.5)/1.5 = 100, 1 → 1/1.5 = 66.67, 2 → 0
    const s = scores("energy", ind("energy", 1, "minmax"), [0.5, 1, 2]);
    expect(s[0]).toBeCloseTo(100, 9);
    expect(s[1]).toBeCloseTo(200 / 3, 9);
    expect(s[2]).toBeCloseTo(0, 9);
  });

  it("gives 100 to every zone when all values are equal", () => {
    expect(scores("fai", ind("fai", 1, "minmax"), [7, 7, 7])).toEqual([100, 100, 100]);
  });
});

describe("p90cap", () => {
  it("divides by the 90th percentile and caps at 100", () => {
    // {10..50}: P90 position 0.9 × 4 = 3.6 → 40 + 0.6 × 10 = 46
    const s = scores("fai", ind("fai", 1, "p90cap"), [10, 20, 30, 40, 50]);
    expect(s[0]).toBeCloseTo((10 / 46) * 100, 9);
    expect(s[1]).toBeCloseTo((20 / 46) * 100, 9);
    expect(s[3]).toBeCloseTo((40 / 46) * 100, 9);
    expect(s[4]).toBe(100);
  });

  it("uses P10 / x for a lower-is-better indicator", () => {
    // {1..5}: P10 position 0.4 → 1.4; 1 → 140 capped 100, 2 → 70, 4 → 35, 5 → 28
    const s = scores("energy", ind("energy", 1, "p90cap"), [1, 2, 3, 4, 5]);
    expect(s[0]).toBe(100);
    expect(s[1]).toBeCloseTo(70, 9);
    expect(s[3]).toBeCloseTo(35, 9);
    expect(s[4]).toBeCloseTo(28, 9);
  });
});

describe("zscore", () => {
  it("maps 50 + 10·z with the population standard deviation", () => {
    // {2,4,4,4,5,5,7,9}: mean 5, squares 9+1+1+1+0+0+4+16 = 32, /8 = 4, sd 2
    // 2 → z −1.5 → 35; 9 → z 2 → 70; 5 → 50
    const s = scores("fai", ind("fai", 1, "zscore"), [2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s[0]).toBeCloseTo(35, 9);
    expect(s[7]).toBeCloseTo(70, 9);
    expect(s[4]).toBeCloseTo(50, 9);
  });

  it("reverses lower-is-better and clips to 0–100", () => {
    // energy {2,4,4,4,5,5,7,9}: 9 → 50 − 10·2 = 30
    expect(scores("energy", ind("energy", 1, "zscore"), [2, 4, 4, 4, 5, 5, 7, 9])[7]).toBeCloseTo(30, 9);
    // 99 zeros and one 1: mean 0.01, variance (99·0.0001 + 0.99²)/100 = 0.0099; z(1) = 0.99/√0.0099 ≈ 9.95 → 149.5 → 100
    // z(0) = −0.01/√0.0099 → 50 − 0.1005…
    const values = [...Array<number>(99).fill(0), 1];
    const s = scores("fai", ind("fai", 1, "zscore"), values);
    expect(s[99]).toBe(100);
    expect(s[0]).toBeCloseTo(50 - (10 * 0.01) / Math.sqrt(0.0099), 9);
  });

  it("gives 50 when the standard deviation is 0", () => {
    expect(scores("fai", ind("fai", 1, "zscore"), [3, 3])).toEqual([50, 50]);
  });
});

describe("target", () => {
  it("scores x / target × 100, capped", () => {
    // target 50: 25 → 50, 50 → 100, 80 → 160 capped 100
    const s = scores("fai", ind("fai", 1, "target", 50), [25, 50, 80]);
    expect(s[0]).toBeCloseTo(50, 9);
    expect(s[1]).toBeCloseTo(100, 9);
    expect(s[2]).toBe(100);
  });

  it("scores target / x for a lower-is-better indicator", () => {
    // target 0.5: 1 → 50, 0.25 → 200 capped 100
    const s = scores("energy", ind("energy", 1, "target", 0.5), [1, 0.25]);
    expect(s[0]).toBeCloseTo(50, 9);
    expect(s[1]).toBe(100);
  });
});

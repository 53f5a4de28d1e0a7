import { rate, validateRules } from "../../src/engine";
import type { RowSource } from "../../src/engine";
import { summarise } from "../../src/engine/stats";
import { formatIssue } from "../../src/i18n/issues";
import { ON_GATE, byZone, dim, ind, rules, simpleStars, table, zone } from "./fixtures";

function source(row: number, cells: RowSource["cells"]): RowSource {
  return { sheet: "指标数据", row, zoneCell: `A${row}`, cells };
}

const growthOnly = rules([dim("growth", 100, [ind("vaGrowth", 1, "minmax")])]);

describe("derived values beyond the double range", () => {
  it("leaves a growth over a vaPrev of 1e-320 out, warns at 上年增加值, and keeps everyone else's growth score", () => {
    const t = table([
      zone("A", { ...ON_GATE, va: 100, vaPrev: 1e-320 }, { source: source(2, { va: "C2", vaPrev: "H2" }) }),
      zone("B", { ...ON_GATE, va: 50, vaPrev: 40 }),
      zone("C", { ...ON_GATE, va: 30, vaPrev: 20 }),
      zone("D", { ...ON_GATE, va: 11, vaPrev: 10 }),
    ]);
    const result = rate(t, growthOnly);
    const r = byZone(result);
    // B 25 %, C 50 %, D 10 %: B scores (25 − 10)/(50 − 10) = 37.5 % of the 100 points.
    expect(r.B.composite).toBeCloseTo(37.5, 9);
    expect(r.C.composite).toBeCloseTo(100, 9);
    expect(r.A.composite).toBe(0);
    expect(r.A.derived).toEqual({});
    expect(r.A.indicators[0]).toMatchObject({ raw: null, missing: true, score: 0 });
    expect(result.issues).toEqual([
      { severity: "warning", code: "DERIVED_OUT_OF_RANGE", sheet: "指标数据", cell: "H2", zone: "A", params: { indicator: "vaGrowth", policy: "zero", input: "vaPrev", value: 1e-320 } },
    ]);
  });

  it("says in the warning which figure to check and what it holds", () => {
    const issue = rate(table([zone("A", { ...ON_GATE, va: 100, vaPrev: 1e-320 }, { source: source(2, { vaPrev: "H2" }) })]), growthOnly).issues[0];
    expect(formatIssue(issue, "zh-CN")).toMatch(/^H2（A）：“上年增加值”为 1e-320，由此算出的“增加值增速”超出可计算的数值范围.*按 0 分计/);
    expect(formatIssue(issue, "en-US")).toMatch(/^H2 \(A\): "ValueAddedPrev" is 1e-320, so "ValueAddedGrowth" comes out beyond the range/);
  });

  it("names the huge input, not the ordinary one, when a product overflows", () => {
    const t = table([
      zone("A", { ...ON_GATE, tax: 1e306, landMu: 2 }, { source: source(2, { tax: "D2", landMu: "J2" }) }),
      zone("B", { ...ON_GATE, tax: 2, landMu: 500 }),
    ]);
    const result = rate(t, rules([dim("d", 100, [ind("taxPerMu", 1, "p90cap")])]));
    expect(byZone(result).B.composite).toBeCloseTo(100, 9);
    expect(result.issues.map((i) => [i.code, i.zone, i.cell, i.params?.input])).toEqual([["DERIVED_OUT_OF_RANGE", "A", "D2", "tax"]]);
  });
});

describe("statistics at the ends of the double range", () => {
  it("takes mean and standard deviation of values near the largest double without overflowing", () => {
    const s = summarise(Float64Array.from([1.6e308, 1.7e308, 1.5e308]));
    expect(s.mean / 1e308).toBeCloseTo(1.6, 12);
    // Population sd of {1.5, 1.6, 1.7} is √(0.02/3) = 0.0816…
    expect(s.sd / 1e308).toBeCloseTo(Math.sqrt(0.02 / 3), 12);
  });

  it("does not let the squares of tiny values underflow to a standard deviation of 0", () => {
    const s = summarise(Float64Array.from([1e-300, 2e-300, 3e-300]));
    expect(s.sd / 1e-300).toBeCloseTo(Math.sqrt(2 / 3), 9);
  });

  it("interpolates a percentile between values of opposite sign at the ends of the range", () => {
    expect(summarise(Float64Array.from([-1.7e308, 1.7e308])).p90 / 1e308).toBeCloseTo(1.7 * 0.8, 12);
  });

  it("scores huge values by zscore and minmax as it scores ordinary ones", () => {
    const zones = [zone("A", { ...ON_GATE, fai: 1.5e308 }), zone("B", { ...ON_GATE, fai: 1.6e308 }), zone("C", { ...ON_GATE, fai: 1.7e308 })];
    const z = byZone(rate(table(zones), rules([dim("d", 100, [ind("fai", 1, "zscore")])])));
    // z = ±1.2247…: 50 ± 12.247
    expect(z.A.composite).toBeCloseTo(50 - 10 * Math.sqrt(1.5), 6);
    expect(z.B.composite).toBeCloseTo(50, 6);
    expect(z.C.composite).toBeCloseTo(50 + 10 * Math.sqrt(1.5), 6);
    // A span of 3.4e308 is beyond the largest double; the engine never sees negative fai from a sheet, but derived values can be negative.
    const spread = [zone("A", { ...ON_GATE, fai: -1.7e308 }), zone("B", { ...ON_GATE, fai: 0 }), zone("C", { ...ON_GATE, fai: 1.7e308 })];
    const m = byZone(rate(table(spread), rules([dim("d", 100, [ind("fai", 1, "minmax")])])));
    expect([m.A.composite, m.B.composite, m.C.composite].map((c) => Math.round(c * 1e9) / 1e9)).toEqual([0, 50, 100]);
  });
});

describe("bonus, penalty and stars at extreme values", () => {
  it("keeps a composite finite and last under a penalty of 1e308", () => {
    const result = rate(table([zone("A", { ...ON_GATE, fai: 1 }, { penalty: 1e308 }), zone("B", { ...ON_GATE, fai: 2 }, { bonus: 1e308 })]), rules([dim("d", 100, [ind("fai", 1, "minmax")])]));
    const r = byZone(result);
    expect(Number.isFinite(r.A.composite)).toBe(true);
    expect(r.A.rank).toBe(2);
    // The bonus counts up to the cap of 5.
    expect(r.B.composite).toBe(105);
  });

  it("gives a finite shortfall to a star ladder in the 1e300s", () => {
    const ladder = simpleStars();
    ladder.levels = ladder.levels.map((l) => ({ ...l, va: l.va * 1e300 }));
    const r = byZone(rate(table([zone("A", { ...ON_GATE, va: 2 })]), rules([dim("d", 100, [ind("fai", 1, "minmax")])], { stars: ladder })));
    expect(r.A.nextStar?.shortfall.va).toBe(1e301 - 2);
  });
});

describe("rule weights that cannot be summed", () => {
  it("rejects dimension weights, with the bonus cap, whose sum overflows", () => {
    const r = rules([dim("a", 1e308, [ind("fai", 1, "minmax")]), dim("b", 1e308, [ind("rev", 1, "minmax")])]);
    expect(validateRules(r).map((i) => [i.code, i.params?.path])).toEqual([["RULES_WEIGHT_TOO_LARGE", "dimensions.0.weight"]]);
  });

  it("rejects indicator weights of one dimension whose sum overflows", () => {
    const r = rules([dim("a", 100, [ind("fai", 1e308, "minmax"), ind("rev", 1.5e308, "minmax")])]);
    expect(validateRules(r).map((i) => [i.code, i.params?.path])).toEqual([["RULES_WEIGHT_TOO_LARGE", "dimensions.0.indicators.1.weight"]]);
  });

  it("scores huge but summable weights into finite points", () => {
    // 5e307 × 5e307 overflows, so the share 5e307 / 5.5e307 is taken first.
    const r = rules([dim("a", 5e307, [ind("fai", 5e307, "minmax"), ind("rev", 5e306, "minmax")])], { bonusCap: 0 });
    expect(validateRules(r)).toEqual([]);
    const z = byZone(rate(table([zone("A", { ...ON_GATE, fai: 1, rev: 1 }), zone("B", { ...ON_GATE, fai: 2, rev: 2 })]), r));
    expect(z.B.composite / 5e307).toBeCloseTo(1, 12);
    expect(z.B.indicators.map((i) => i.weight / 5e307)).toEqual([expect.closeTo(1 / 1.1, 12), expect.closeTo(0.1 / 1.1, 12)]);
  });
});

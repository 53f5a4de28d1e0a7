import { rate, deriveIndicators, MAX_MISSING_WARNINGS_PER_INDICATOR } from "../../src/engine";
import type { RowSource } from "../../src/engine";
import { ON_GATE, byZone, dim, ind, rules, table, zone } from "./fixtures";

function source(row: number, cells: RowSource["cells"]): RowSource {
  return { sheet: "指标数据", row, zoneCell: `A${row}`, cells };
}

describe("composite", () => {
  // Dimension a (60 points): fai weight 1 and outCap weight 3 → 15 and 45 points; dimension b (40): rev.
  const twoDims = rules([dim("a", 60, [ind("fai", 1, "minmax"), ind("outCap", 3, "minmax")]), dim("b", 40, [ind("rev", 2, "minmax")])]);
  const zones = [
    zone("X", { ...ON_GATE, fai: 0, outCap: 0, rev: 0 }),
    zone("Y", { ...ON_GATE, fai: 10, outCap: 10, rev: 10 }, { bonus: 3 }),
    zone("Z", { ...ON_GATE, fai: 5, outCap: 10, rev: 5 }, { bonus: 8, penalty: 2.5 }),
  ];

  it("weights indicators relatively inside their dimension and sums dimension points", () => {
    const r = byZone(rate(table(zones), twoDims));
    // Z: fai 50 → 7.5, outCap 100 → 45, rev 50 → 20
    expect(r.Z.dimensions.a).toBeCloseTo(52.5, 9);
    expect(r.Z.dimensions.b).toBeCloseTo(20, 9);
    const fai = r.Z.indicators.find((i) => i.key === "fai");
    expect(fai).toMatchObject({ dimension: "a", raw: 5, missing: false, method: "minmax" });
    expect(fai?.weight).toBeCloseTo(15, 12);
    expect(fai?.score).toBeCloseTo(50, 9);
    expect(fai?.contribution).toBeCloseTo(7.5, 9);
    expect(r.X.composite).toBeCloseTo(0, 9);
  });

  it("adds the bonus up to the cap and takes off the penalty", () => {
    const r = byZone(rate(table(zones), twoDims));
    // Y: 100 points + bonus 3 (under the cap 5) = 103; Z: 72.5 + min(8, 5) − 2.5 = 75
    expect(r.Y.bonus).toBe(3);
    expect(r.Y.composite).toBeCloseTo(103, 9);
    expect(r.Z.bonus).toBe(5);
    expect(r.Z.penalty).toBe(2.5);
    expect(r.Z.composite).toBeCloseTo(75, 9);
    for (const z of Object.values(r)) {
      const points = Object.values(z.dimensions).reduce((s, p) => s + p, 0);
      expect(points + z.bonus - z.penalty).toBeCloseTo(z.composite, 9);
    }
  });

  it("takes statistics over vetoed zones too", () => {
    // The vetoed zone holds the max 20, so 10 scores 50 rather than 100.
    const r = byZone(rate(table([zone("A", { ...ON_GATE, fai: 0 }), zone("B", { ...ON_GATE, fai: 10 }), zone("V", { ...ON_GATE, fai: 20 }, { veto: "环保" })]), rules([dim("d", 100, [ind("fai", 1, "minmax")])])));
    expect(r.B.composite).toBeCloseTo(50, 9);
    expect(r.V.vetoed).toBe(true);
  });
});

describe("derived indicators", () => {
  it("computes growth, tax per mu, R&D intensity and energy drop", () => {
    const d = deriveIndicators(zone("A", { va: 120, vaPrev: 100, tax: 2, landMu: 500, rd: 3, energy: 0.8, energyPrev: 1 }));
    // (120 − 100)/100 × 100 = 20; 2 × 10,000 / 500 = 40 万元/亩; 3/120 × 100 = 2.5; (1 − 0.8)/1 × 100 = 20
    expect(d.vaGrowth).toBeCloseTo(20, 12);
    expect(d.taxPerMu).toBeCloseTo(40, 12);
    expect(d.rdIntensity).toBeCloseTo(2.5, 12);
    expect(d.energyDrop).toBeCloseTo(20, 12);
  });

  it("leaves a value out when an input is missing or its divisor is 0", () => {
    const d = deriveIndicators(zone("A", { va: 120, vaPrev: 0, tax: 2, rd: 3, energy: 0.8 }));
    expect(d).toEqual({ rdIntensity: 2.5 });
  });
});

describe("missing values", () => {
  const faiOnly = (policy: "zero" | "mean") => rules([dim("d", 100, [ind("fai", 1, "minmax")])], { missingPolicy: policy });
  const zones = [
    zone("X", { ...ON_GATE, fai: 0 }),
    zone("Y", { ...ON_GATE, fai: 10 }),
    zone("Z", { ...ON_GATE, fai: 5 }),
    zone("W", { ...ON_GATE }, { source: source(9, { fai: "F9", va: "C9" }) }),
  ];

  it("scores 0 under policy zero and warns at the blank cell", () => {
    const result = rate(table(zones), faiOnly("zero"));
    const w = byZone(result).W;
    expect(w.composite).toBe(0);
    expect(w.indicators[0]).toMatchObject({ raw: null, missing: true, score: 0 });
    expect(result.issues).toEqual([{ severity: "warning", code: "MISSING_VALUE", sheet: "指标数据", cell: "F9", zone: "W", params: { indicator: "fai", policy: "zero", input: "fai" } }]);
  });

  it("scores the mean of the others' scores under policy mean", () => {
    // others score 0, 100, 50 → mean 50
    expect(byZone(rate(table(zones), faiOnly("mean"))).W.composite).toBeCloseTo(50, 9);
  });

  it("points a derived indicator's warning at the missing input, or at a zero divisor", () => {
    const growth = rules([dim("g", 100, [ind("vaGrowth", 1, "minmax")])]);
    const t = table([
      zone("A", { ...ON_GATE, va: 12, vaPrev: 10 }),
      zone("B", { ...ON_GATE, va: 12 }, { source: source(3, { va: "C3", vaPrev: "D3" }) }),
      zone("C", { ...ON_GATE, va: 12, vaPrev: 0 }, { source: source(4, { va: "C4", vaPrev: "D4" }) }),
    ]);
    const issues = rate(t, growth).issues;
    expect(issues.map((i) => [i.zone, i.cell, i.params?.input])).toEqual([
      ["B", "D3", "vaPrev"],
      ["C", "D4", "vaPrev"],
    ]);
  });

  it("warns once per indicator whose column is absent, not per zone", () => {
    const r = rules([dim("d", 100, [ind("fai", 1, "minmax"), ind("taxPerMu", 1, "p90cap")])]);
    const t = table([zone("A", { ...ON_GATE }), zone("B", { ...ON_GATE }), zone("C", { ...ON_GATE })]);
    const issues = rate(t, r).issues;
    expect(issues).toEqual([
      { severity: "warning", code: "MISSING_COLUMN", params: { indicator: "fai", policy: "zero", columns: "fai" } },
      { severity: "warning", code: "MISSING_COLUMN", params: { indicator: "taxPerMu", policy: "zero", columns: "landMu" } },
    ]);
  });

  it("sums up missing-value warnings beyond the per-indicator limit", () => {
    const extra = 7;
    const blanks = Array.from({ length: MAX_MISSING_WARNINGS_PER_INDICATOR + extra }, (_, i) => zone(`M${String(i).padStart(3, "0")}`, { ...ON_GATE }));
    const issues = rate(table([zone("A", { ...ON_GATE, fai: 1 }), ...blanks]), faiOnly("zero")).issues;
    expect(issues.filter((i) => i.code === "MISSING_VALUE")).toHaveLength(MAX_MISSING_WARNINGS_PER_INDICATOR);
    expect(issues.filter((i) => i.code === "MISSING_VALUE_MORE")).toEqual([{ severity: "warning", code: "MISSING_VALUE_MORE", params: { indicator: "fai", policy: "zero", count: extra } }]);
  });
});

describe("odd tables", () => {
  it("rates an empty table without failing", () => {
    const result = rate(table([]), rules([dim("d", 100, [ind("fai", 1, "minmax")])]));
    expect(result.zones).toEqual([]);
    expect(result.starCounts).toEqual({ "0": 0, "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 });
    expect(result.prizeTotalYuan).toBe(0);
  });

  it("rates zones with every value missing", () => {
    const result = rate(table([zone("A", {}), zone("B", {})]), rules([dim("d", 100, [ind("fai", 1, "zscore"), ind("vaGrowth", 1, "p90cap")])], { missingPolicy: "mean" }));
    expect(result.zones.map((z) => [z.zone, z.composite, z.rank, z.stars, z.belowGate])).toEqual([
      ["A", 0, 1, 0, true],
      ["B", 0, 1, 0, true],
    ]);
  });
});

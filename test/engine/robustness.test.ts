import { analyseRobustness, getPreset, rate, seededRandom } from "../../src/engine";
import type { RawIndicatorKey, Rules, ZoneInput, ZoneTable } from "../../src/engine";
import { RAW_INDICATOR_KEYS } from "../../src/engine";
import { WeightDraws, type RobustnessOptions } from "../../src/engine/robustness";
import { ON_GATE, dim, ind, rules, table, topAward, zone } from "./fixtures";

function henan2013(): Rules {
  const r = getPreset("henan-2013");
  if (!r) throw new Error("preset henan-2013 missing");
  return r;
}

/** A province-like table: every indicator, last year's ranks, a few vetoed zones and some below the gate. */
function province(n: number, seed: number): ZoneTable {
  const random = seededRandom(seed);
  const scale: Record<RawIndicatorKey, number> = { va: 300, tax: 40, emp: 10, rev: 900, vaPrev: 280, fai: 200, outCap: 60, leadShare: 100, landMu: 20000, rd: 10, smart: 100, energy: 2, energyPrev: 2.2 };
  const zones: ZoneInput[] = [];
  for (let i = 0; i < n; i++) {
    const values: ZoneInput["values"] = {};
    for (const key of RAW_INDICATOR_KEYS) values[key] = Math.round((0.05 + random()) * scale[key] * 100) / 100;
    const extras: Partial<ZoneInput> = { city: `市${i % 7}`, prevRank: 1 + ((i * 37) % n) };
    if (i % 17 === 3) extras.veto = "安全事故";
    zones.push(zone(`区${String(i).padStart(3, "0")}`, values, extras));
  }
  return table(zones);
}

const QUIET: RobustnessOptions = { runs: 25, seed: 7, weightShare: 0, varyMethods: false };

describe("analyseRobustness without noise", () => {
  const t = province(60, 11);
  const r = henan2013();
  const nominal = rate(t, r);
  const result = analyseRobustness(t, r, QUIET);

  it("gives every zone its nominal rank in every draw", () => {
    expect(result.zones.map((z) => z.zone)).toEqual(nominal.zones.map((z) => z.zone));
    for (const [k, z] of result.zones.entries()) {
      expect(z.rank).toBe(nominal.zones[k].rank);
      expect([z.medianRank, z.rankP5, z.rankP95]).toEqual([z.rank, z.rank, z.rank]);
    }
  });

  it("gives each award with probability 1 to its nominal winners and 0 to everyone else", () => {
    const winners = new Map(nominal.awards.map((a) => [a.key, new Set(a.zones)]));
    expect(nominal.awards.every((a) => a.zones.length > 0)).toBe(true);
    for (const z of result.zones) {
      for (const a of r.awards) expect(z.awardProbability[a.key]).toBe(winners.get(a.key)?.has(z.zone) ? 1 : 0);
      expect(z.anyAwardProbability).toBe(z.awards.length > 0 ? 1 : 0);
    }
    for (const a of result.awards) {
      expect(a.stable.map((c) => c.zone).sort()).toEqual([...(winners.get(a.key) ?? [])].sort());
      expect(a.borderline).toEqual([]);
      expect(a.close).toEqual([]);
    }
  });

  it("draws each indicator with the rules' own method only, when methods do not vary", () => {
    expect(result.indicators.map((i) => i.key)).toEqual(r.dimensions.flatMap((d) => d.indicators.map((x) => x.key)));
    expect(result.indicators.every((i) => i.methods.length === 1 && i.methods[0] === i.method)).toBe(true);
  });
});

// Dimension x and dimension y, 50 points each, min–max scored. C leads both; A (x) and B (y) are
// nearly level, A a hair ahead at the nominal weights, so moving the weights swaps them often.
function nearTie(): { t: ZoneTable; r: Rules } {
  const t = table([zone("C", { ...ON_GATE, fai: 10, outCap: 10 }), zone("A", { ...ON_GATE, fai: 9, outCap: 1 }), zone("B", { ...ON_GATE, fai: 1, outCap: 8.9 })]);
  const r = rules([dim("x", 50, [ind("fai", 1, "minmax")]), dim("y", 50, [ind("outCap", 1, "minmax")])], { awards: [topAward("top2", 2, { kind: "composite" })] });
  return { t, r };
}

describe("analyseRobustness on a near tie", () => {
  const { t, r } = nearTie();
  const result = analyseRobustness(t, r, { runs: 4000, seed: 3, weightShare: 0.2, varyMethods: false });
  const z = Object.fromEntries(result.zones.map((x) => [x.zone, x]));

  it("puts the nominal rank inside the 5–95 % interval", () => {
    for (const x of result.zones) {
      expect(x.rankP5).toBeLessThanOrEqual(x.rank);
      expect(x.rankP95).toBeGreaterThanOrEqual(x.rank);
    }
    expect([z.A.rank, z.B.rank]).toEqual([2, 3]);
    expect([z.A.rankP5, z.A.rankP95, z.B.rankP5, z.B.rankP95]).toEqual([2, 3, 2, 3]);
    expect([z.C.rankP5, z.C.medianRank, z.C.rankP95]).toEqual([1, 1, 1]);
  });

  it("splits the second place between A and B and sorts them into stable, borderline and close", () => {
    expect(z.C.awardProbability.top2).toBe(1);
    // Two winners every draw, no ties: the probabilities add up to the list's length.
    expect(z.A.awardProbability.top2 + z.B.awardProbability.top2 + z.C.awardProbability.top2).toBeCloseTo(2, 12);
    expect(z.A.awardProbability.top2).toBeGreaterThan(z.B.awardProbability.top2);
    expect(z.B.awardProbability.top2).toBeGreaterThan(0.3);
    const [award] = result.awards;
    expect(award.stable.map((c) => c.zone)).toEqual(["C"]);
    expect(award.borderline.map((c) => c.zone)).toEqual(["A"]);
    expect(award.close).toEqual([{ zone: "B", rank: 3, probability: z.B.awardProbability.top2 }]);
  });

  it("repeats itself for the same seed and differs for another", () => {
    expect(analyseRobustness(t, r, { runs: 4000, seed: 3, weightShare: 0.2, varyMethods: false })).toEqual(result);
    const other = analyseRobustness(t, r, { runs: 4000, seed: 4, weightShare: 0.2, varyMethods: false });
    expect(other.zones.map((x) => x.awardProbability.top2)).not.toEqual(result.zones.map((x) => x.awardProbability.top2));
  });

  it("reports progress up to the last draw", () => {
    const seen: number[] = [];
    analyseRobustness(t, r, { runs: 250, seed: 1, weightShare: 0.2, varyMethods: false, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(1);
  });

  it("refuses a share of 1 or more, no draws, and a fractional seed", () => {
    expect(() => analyseRobustness(t, r, { runs: 10, seed: 1, weightShare: 1, varyMethods: false })).toThrow(RangeError);
    expect(() => analyseRobustness(t, r, { runs: 0, seed: 1, weightShare: 0.2, varyMethods: false })).toThrow(RangeError);
    expect(() => analyseRobustness(t, r, { runs: 10, seed: 1.5, weightShare: 0.2, varyMethods: false })).toThrow(RangeError);
  });
});

describe("WeightDraws", () => {
  const r = henan2013();
  const nominalTotal = r.dimensions.reduce((s, d) => s + d.weight, 0);

  it("keeps the dimension total, fills each dimension with its indicators' points, and moves each dimension within the share", () => {
    const share = 0.2;
    const draws = new WeightDraws(r, share, seededRandom(5));
    const indicatorsOf = r.dimensions.map((d) => d.indicators.length);
    let moved = false;
    for (let run = 0; run < 500; run++) {
      draws.next();
      const dims = [...draws.dimensions];
      expect(dims.reduce((s, w) => s + w, 0)).toBeCloseTo(nominalTotal, 9);
      let j = 0;
      dims.forEach((w, d) => {
        const points = [...draws.indicators.slice(j, j + indicatorsOf[d])];
        j += indicatorsOf[d];
        expect(points.reduce((s, p) => s + p, 0)).toBeCloseTo(w, 9);
        // Scaled back to the total, a weight can move by at most the ratio of the extreme factors.
        const ratio = w / r.dimensions[d].weight;
        expect(ratio).toBeGreaterThanOrEqual((1 - share) / (1 + share) - 1e-12);
        expect(ratio).toBeLessThanOrEqual((1 + share) / (1 - share) + 1e-12);
        if (Math.abs(ratio - 1) > 0.05) moved = true;
      });
    }
    expect(moved).toBe(true);
  });

  it("gives the engine's own points with a share of 0", () => {
    const draws = new WeightDraws(r, 0, seededRandom(5));
    draws.next();
    const nominal = rate(province(12, 2), r).zones[0].indicators.map((i) => i.weight);
    expect([...draws.indicators]).toEqual(nominal);
    expect([...draws.dimensions]).toEqual(r.dimensions.map((d) => d.weight));
  });
});

describe("varying the normalisation method", () => {
  it("draws from min–max, P90 and z-score, adding target only where a target is set", () => {
    const t = table([zone("P", { ...ON_GATE, fai: 5, outCap: 3 }), zone("Q", { ...ON_GATE, fai: 2, outCap: 9 })]);
    const r = rules([dim("x", 60, [ind("fai", 1, "target", 10)]), dim("y", 40, [ind("outCap", 1, "p90cap")])]);
    const result = analyseRobustness(t, r, { runs: 50, seed: 1, weightShare: 0, varyMethods: true });
    expect(result.indicators).toEqual([
      { key: "fai", dimension: "x", method: "target", methods: ["minmax", "p90cap", "zscore", "target"] },
      { key: "outCap", dimension: "y", method: "p90cap", methods: ["minmax", "p90cap", "zscore"] },
    ]);
  });

  it("moves ranks even without weight noise", () => {
    const t = province(40, 9);
    const result = analyseRobustness(t, henan2013(), { runs: 300, seed: 2, weightShare: 0, varyMethods: true });
    expect(result.zones.some((z) => z.rankP5 !== z.rankP95)).toBe(true);
  });
});

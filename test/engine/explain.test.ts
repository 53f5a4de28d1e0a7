import { rate } from "../../src/engine";
import { RunExplainer, zoneProfile, type AwardStatus, type ZoneProfile } from "../../src/engine/explain";
import { ON_GATE, dim, ind, rules, table, topAward, zone } from "./fixtures";

// Two minmax indicators over 0–100, so a zone's points can be read off its values:
// a (60 points) = fai × 0.6, b (40 points) = outCap × 0.4.
//   zone  fai outCap  a   b   composite  rank  city  prevRank
//   Z7    95   95     57  38  95         1     洛阳   5    vetoed
//   Z3    80  100     48  40  88         2     郑州   1
//   Z2    90   50     54  20  74         3     郑州   —
//   Z8    70   70     42  28  70         4     洛阳   3    below the gate
//   Z1   100    0     60   0  60         5     郑州   8
//   Z5    40   80     24  32  56         6     开封   7
//   Z4    50   50     30  20  50         7     开封   2
//   Z6     0   20      0   8   8         8     开封   —
// 十强 (2, composite): Z3, Z2. 十快 (1, rank change, Z3 and Z2 already titled): Z1 (+3).
// 十先进 (1, b points, the titled left out): Z5 (32).
const RULES = rules([dim("a", 60, [ind("fai", 1, "minmax")]), dim("b", 40, [ind("outCap", 1, "minmax")])], {
  awards: [topAward("strong", 2, { kind: "composite" }), topAward("fast", 1, { kind: "rankChange" }), topAward("advanced", 1, { kind: "dimensions", dimensions: ["b"] })],
});

const ZONES = [
  zone("Z1", { ...ON_GATE, fai: 100, outCap: 0 }, { city: "郑州", prevRank: 8 }),
  zone("Z2", { ...ON_GATE, fai: 90, outCap: 50 }, { city: "郑州" }),
  zone("Z3", { ...ON_GATE, fai: 80, outCap: 100 }, { city: "郑州", prevRank: 1 }),
  zone("Z4", { ...ON_GATE, fai: 50, outCap: 50 }, { city: "开封", prevRank: 2, bonus: 1, penalty: 1 }),
  zone("Z5", { ...ON_GATE, fai: 40, outCap: 80 }, { city: "开封", prevRank: 7 }),
  zone("Z6", { ...ON_GATE, fai: 0, outCap: 20 }, { city: "开封" }),
  zone("Z7", { ...ON_GATE, fai: 95, outCap: 95 }, { city: "洛阳", prevRank: 5, veto: "环保事故" }),
  zone("Z8", { ...ON_GATE, va: 0.5, fai: 70, outCap: 70 }, { city: "洛阳", prevRank: 3 }),
];

const result = rate(table(ZONES), RULES);
const explainer = new RunExplainer(result);
const page = (name: string): ZoneProfile => explainer.profile(name)!;
const status = (name: string, award: string): AwardStatus => page(name).awards.find((a) => a.key === award)!.status;

describe("zoneProfile", () => {
  test("the run is as the table above says", () => {
    expect(result.zones.map((z) => [z.zone, z.rank])).toEqual([
      ["Z7", 1],
      ["Z3", 2],
      ["Z2", 3],
      ["Z8", 4],
      ["Z1", 5],
      ["Z5", 6],
      ["Z4", 7],
      ["Z6", 8],
    ]);
    expect(result.awards.map((a) => a.zones)).toEqual([["Z3", "Z2"], ["Z1"], ["Z5"]]);
  });

  test("rank, city rank and their changes; last year's city rank from the prevRanks of the city's zones", () => {
    const z4 = page("Z4");
    expect(z4).toMatchObject({ rank: 7, zoneCount: 8, rankChange: -5, prevRank: 2, cityRank: 2, cityZoneCount: 3, prevCityRank: 1, cityRankChange: -1 });
    expect(page("Z5")).toMatchObject({ cityRank: 1, prevCityRank: 2, cityRankChange: 1 });
    expect(page("Z6")).toMatchObject({ prevRank: null, rankChange: null, prevCityRank: null, cityRankChange: null });
    expect(z4.composite).toBeCloseTo(50, 9);
    expect([z4.bonus, z4.penalty]).toEqual([1, 1]);
  });

  test("each dimension's points next to the province median (all 8 zones) and the 十强's mean", () => {
    const z4 = page("Z4");
    expect(z4.leaders).toEqual({ award: { key: "strong", nameZh: "strong", nameEn: "strong" }, count: 2 });
    // a: 0 24 30 42 48 54 57 60 → median (42 + 48) / 2 = 45; 十强 Z3 48, Z2 54 → 51.
    // b: 0 8 20 20 28 32 38 40 → median (20 + 28) / 2 = 24; 十强 Z3 40, Z2 20 → 30.
    expect(z4.dimensions.map((d) => [d.key, d.maxPoints])).toEqual([
      ["a", 60],
      ["b", 40],
    ]);
    expect(z4.dimensions[0].points).toBeCloseTo(30, 9);
    expect(z4.dimensions[0].median).toBeCloseTo(45, 9);
    expect(z4.dimensions[0].leadersMean).toBeCloseTo(51, 9);
    expect(z4.dimensions[1].median).toBeCloseTo(24, 9);
    expect(z4.dimensions[1].leadersMean).toBeCloseTo(30, 9);
  });

  test("strongest and weakest indicators by rank among all zones; a shared score shares the rank", () => {
    const z4 = page("Z4");
    // outCap 50: beaten by 100, 95, 80, 70 → 5th, level with Z2. fai 50: beaten by 100, 95, 90, 80, 70 → 6th.
    expect(z4.strongest.map((s) => [s.key, s.rank, s.tied, s.of])).toEqual([["outCap", 5, true, 8]]);
    expect(z4.weakest.map((s) => [s.key, s.rank, s.tied])).toEqual([["fai", 6, false]]);
    expect(page("Z1").strongest.map((s) => [s.key, s.rank])).toEqual([["fai", 1]]);
    expect(page("Z1").weakest.map((s) => [s.key, s.rank])).toEqual([["outCap", 8]]);
  });

  test("why a zone missed each award, and which it came nearest to", () => {
    // 十强: Z4 is 5th among the eligible (Z3 88, Z2 74, Z1 60, Z5 56, Z4 50): 24 points behind place 2 (Z2, 74).
    expect(status("Z4", "strong")).toEqual({ kind: "behind", metric: expect.closeTo(50, 9), place: 5, lastPlace: 2, lastZone: "Z2", lastMetric: expect.closeTo(74, 9), gap: expect.closeTo(24, 9) });
    // 十快 among the untitled with a prevRank: Z1 +3, Z5 +1, Z4 −5 → 3rd, 8 places behind Z1.
    expect(status("Z4", "fast")).toMatchObject({ kind: "behind", metric: -5, place: 3, lastPlace: 1, lastZone: "Z1", gap: 8 });
    // 十先进 among the untitled: Z5 32, Z4 20, Z6 8 → 2nd, 12 points behind: the nearest miss.
    expect(status("Z4", "advanced")).toMatchObject({ kind: "behind", place: 2, lastPlace: 1, lastZone: "Z5" });
    expect(page("Z4").nearestMissed).toBe("advanced");
    expect(status("Z2", "strong")).toEqual({ kind: "won" });
    expect(status("Z2", "fast")).toEqual({ kind: "titled", award: "strong" });
    expect(status("Z6", "fast")).toEqual({ kind: "noMetric" });
    expect(status("Z7", "strong")).toEqual({ kind: "vetoed" });
    expect(page("Z7")).toMatchObject({ vetoed: true, veto: "环保事故", nearestMissed: null });
    expect(status("Z8", "advanced")).toEqual({ kind: "belowGate" });
  });

  test("a zone level with the last winner but behind it on the tie-break chain misses by 0", () => {
    const level = rate(table([zone("A", { va: 20, tax: 1, emp: 1, fai: 10 }), zone("B", { va: 10, tax: 1, emp: 1, fai: 10 }), zone("C", { va: 5, tax: 1, emp: 1, fai: 0 })]), rules([dim("a", 100, [ind("fai", 1, "minmax")])], { awards: [topAward("strong", 1, { kind: "composite" })] }));
    expect(level.awards[0].zones).toEqual(["A"]);
    expect(zoneProfile(level, "B")!.awards[0].status).toMatchObject({ kind: "behind", place: 1, lastPlace: 1, gap: 0 });
  });

  test("the same figures from zoneProfile and from one explainer; an unknown zone has none", () => {
    expect(zoneProfile(result, "Z4")).toEqual(page("Z4"));
    expect(zoneProfile(result, "nowhere")).toBeUndefined();
    expect(explainer.profiles().map((p) => p.zone)).toEqual(result.zones.map((z) => z.zone));
  });

  test("without an award by composite, the leaders are the first ten by rank", () => {
    const plain = rate(table(ZONES), { ...RULES, awards: [] });
    const p = zoneProfile(plain, "Z4")!;
    expect(p.leaders).toEqual({ award: null, count: 8 });
    expect(p.awards).toEqual([]);
  });
});

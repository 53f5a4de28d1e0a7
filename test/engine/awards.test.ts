import { rate, getPreset } from "../../src/engine";
import type { AwardRule, RatingResult, Rules } from "../../src/engine";
import type { ZoneExtras } from "./fixtures";
import { ON_GATE, byZone, dim, ind, rules, table, topAward, zone } from "./fixtures";

// Dimension a = fai, dimension b = outCap, each against target 100 and worth 50 points:
// composite = (fai + outCap) / 2, b points = outCap / 2.
function twoDims(awards: AwardRule[]): Rules {
  return rules([dim("a", 50, [ind("fai", 1, "target", 100)]), dim("b", 50, [ind("outCap", 1, "target", 100)])], { awards });
}
const z = (name: string, fai: number, outCap: number, extras: ZoneExtras = {}, more: Record<string, number> = {}) => zone(name, { ...ON_GATE, fai, outCap, ...more }, extras);
const winners = (result: RatingResult) => Object.fromEntries(result.awards.map((a) => [a.key, a.zones]));

describe("exclusive awards", () => {
  // composite / b points: P 90/45, Q 80/40, R 40/5, S 35/30, T 20/10
  const zones = [z("P", 90, 90), z("Q", 80, 80), z("R", 70, 10), z("S", 10, 60), z("T", 20, 20)];
  const strong = topAward("strong", 2, { kind: "composite" }, 500);

  it("gives one title per zone in rule order; the next zone moves up", () => {
    const result = rate(table(zones), twoDims([strong, topAward("adv", 2, { kind: "dimensions", dimensions: ["b"] }, 300)]));
    // adv would be P, Q by b points; both hold 十强, so S (30) and T (10) move up
    expect(winners(result)).toEqual({ strong: ["P", "Q"], adv: ["S", "T"] });
    expect(byZone(result).P.awards).toEqual(["strong"]);
    expect(byZone(result).S.awards).toEqual(["adv"]);
    // 2 × 500 + 2 × 300
    expect(result.prizeTotalYuan).toBe(1600);
    expect(result.awards[1]).toMatchObject({ metricUsed: "dimensions", tieAtLastPlace: false, prizeYuan: 300 });
  });

  it("lets a non-exclusive award stack", () => {
    const result = rate(table(zones), twoDims([strong, topAward("adv", 2, { kind: "dimensions", dimensions: ["b"] }, 300, false)]));
    expect(winners(result).adv).toEqual(["P", "Q"]);
    expect(byZone(result).P.awards).toEqual(["strong", "adv"]);
  });

  it("passes over vetoed zones and zones below the gate", () => {
    const t = table([z("P", 90, 90, { veto: "违规用地" }), zone("Q", { va: 0.5, tax: 5, emp: 5, fai: 80, outCap: 80 }), z("R", 70, 10), z("S", 10, 60), z("T", 20, 20)]);
    expect(winners(rate(t, twoDims([strong]))).strong).toEqual(["R", "S"]);
  });
});

describe("十快", () => {
  const fast = topAward("fast", 2, { kind: "rankChange" });

  it("ranks by rankChange among zones with a prevRank, after 十强 took its share", () => {
    // ranks A 1 … E 5; rankChange A +4, B −1, C +1, D −2, E none
    const zones = [z("A", 90, 90, { prevRank: 5 }), z("B", 80, 80, { prevRank: 1 }), z("C", 70, 70, { prevRank: 4 }), z("D", 60, 60, { prevRank: 2 }), z("E", 50, 50)];
    const result = rate(table(zones), twoDims([topAward("strong", 1, { kind: "composite" }), fast]));
    expect(winners(result)).toEqual({ strong: ["A"], fast: ["C", "B"] });
    expect(result.awards[1].metricUsed).toBe("rankChange");
    expect(result.issues).toEqual([]);
  });

  it("falls back to vaGrowth with a warning when the table has no prevRank column", () => {
    // growth: A 10 %, B 30 %, C 20 %
    const zones = [z("A", 90, 90, {}, { va: 110, vaPrev: 100 }), z("B", 80, 80, {}, { va: 130, vaPrev: 100 }), z("C", 70, 70, {}, { va: 120, vaPrev: 100 })];
    const result = rate(table(zones), twoDims([fast]));
    expect(winners(result).fast).toEqual(["B", "C"]);
    expect(result.awards[0].metricUsed).toBe("vaGrowth");
    expect(result.issues).toEqual([{ severity: "warning", code: "FAST_FALLBACK_GROWTH", params: { award: "fast", awardZh: "fast", awardEn: "fast" } }]);
  });

  it("falls back to vaGrowth, with the warning, when the prevRank column is there but every cell of it is blank", () => {
    // same growth as above: A 10 %, B 30 %, C 20 %; the 上年综合排名 column exists, holding nothing
    const zones = [z("A", 90, 90, {}, { va: 110, vaPrev: 100 }), z("B", 80, 80, {}, { va: 130, vaPrev: 100 }), z("C", 70, 70, {}, { va: 120, vaPrev: 100 })];
    const result = rate(table(zones, { prevRank: true }), twoDims([fast]));
    expect(winners(result).fast).toEqual(["B", "C"]);
    expect(result.awards[0].metricUsed).toBe("vaGrowth");
    expect(result.issues.map((i) => i.code)).toEqual(["FAST_FALLBACK_GROWTH"]);
  });
});

describe("tie-break chain", () => {
  it("splits a metric tie by composite", () => {
    // b points 20 each; composite X (80 + 40)/2 = 60 beats Y (60 + 40)/2 = 50
    const result = rate(table([z("Y", 60, 40), z("X", 80, 40)]), twoDims([topAward("adv", 1, { kind: "dimensions", dimensions: ["b"] })]));
    expect(result.awards[0]).toMatchObject({ zones: ["X"], tieAtLastPlace: false });
  });

  it("splits a composite tie by va, then by tax", () => {
    const one = [topAward("strong", 1, { kind: "composite" })];
    // equal composites; B has more va though A comes first by name
    expect(winners(rate(table([z("A", 50, 50, {}, { va: 20 }), z("B", 50, 50, {}, { va: 30 })]), twoDims(one))).strong).toEqual(["B"]);
    // equal va as well; B has more tax
    expect(winners(rate(table([z("A", 50, 50, {}, { va: 20, tax: 2 }), z("B", 50, 50, {}, { va: 20, tax: 3 })]), twoDims(one))).strong).toEqual(["B"]);
  });

  it("takes in every zone tied at the last place and warns", () => {
    const zones = [z("Top", 90, 90), z("C", 50, 50), z("A", 50, 50), z("B", 50, 50), z("Low", 10, 10)];
    const result = rate(table(zones), twoDims([topAward("strong", 2, { kind: "composite" }, 1000)]));
    expect(result.awards[0]).toMatchObject({ zones: ["Top", "A", "B", "C"], tieAtLastPlace: true });
    // 4 winners × 1000
    expect(result.prizeTotalYuan).toBe(4000);
    expect(result.issues).toEqual([{ severity: "warning", code: "AWARD_TIE_LAST_PLACE", params: { award: "strong", awardZh: "strong", awardEn: "strong", zones: "A,B,C" } }]);
  });

  it("finds the winners and the last-place tie on a table many times the award's size", () => {
    // Z00 … Z59 with composite = i; T57 ties Z57 exactly; top 3 → Z59, Z58, then Z57 and T57 tied.
    const zones = [...Array.from({ length: 60 }, (_, i) => z(`Z${String(i).padStart(2, "0")}`, i, i)), z("T57", 57, 57)];
    const result = rate(table(zones), twoDims([topAward("strong", 3, { kind: "composite" })]));
    expect(result.awards[0]).toMatchObject({ zones: ["Z59", "Z58", "T57", "Z57"], tieAtLastPlace: true });
  });

  it("does not flag a tie that sits above the last place", () => {
    const result = rate(table([z("A", 50, 50), z("B", 50, 50), z("C", 10, 10)]), twoDims([topAward("strong", 2, { kind: "composite" })]));
    expect(result.awards[0]).toMatchObject({ zones: ["A", "B"], tieAtLastPlace: false });
    expect(result.issues).toEqual([]);
  });
});

describe("henan-2017 awards", () => {
  it("names the top 20 excellent zones and stacks the first-star reward", () => {
    // Zone k (1..22): va 20 + 10k, tax 3 + k, emp 1 + 0.1k, all rising with k, so the composite
    // never falls with k. Level 2 (50 / 7.5 / 2) needs k ≥ 10; otherwise 1★.
    const zones = Array.from({ length: 22 }, (_, i) => {
      const k = i + 1;
      const stars = k >= 10 ? 2 : 1;
      // Z22 rises to 2★ for the first time; Z02 reaches 1★ for the first time; everyone else keeps.
      const history = k === 22 ? { prevStars: 1, maxStars: 1 } : k === 2 ? { prevStars: 0, maxStars: 0 } : { prevStars: stars, maxStars: stars };
      return zone(`Z${String(k).padStart(2, "0")}`, { va: 20 + 10 * k, tax: 3 + k, emp: 1 + 0.1 * k }, history);
    });
    const preset = getPreset("henan-2017");
    if (!preset) throw new Error("henan-2017 preset missing");
    const result = rate(table(zones), preset);
    const top20 = Array.from({ length: 20 }, (_, i) => `Z${String(22 - i).padStart(2, "0")}`);
    expect(new Set(winners(result).excellent)).toEqual(new Set(top20));
    expect(winners(result).firstStar).toEqual(["Z22", "Z02"]);
    expect(byZone(result).Z22.awards).toEqual(["excellent", "firstStar"]);
    // 20 × 5,000,000 + 2 × 3,000,000
    expect(result.prizeTotalYuan).toBe(106_000_000);
  });
});

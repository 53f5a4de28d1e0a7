import { rate } from "../../src/engine";
import type { ZoneExtras } from "./fixtures";
import { ON_GATE, byZone, dim, ind, rules, table, zone } from "./fixtures";

// fai against target 100 worth 100 points: the composite is the fai value itself.
const byFai = rules([dim("d", 100, [ind("fai", 1, "target", 100)])]);
const z = (name: string, fai: number, extras: ZoneExtras = {}) => zone(name, { ...ON_GATE, fai }, extras);

describe("ranking", () => {
  it("uses competition ranking for ties and lists tied zones by name", () => {
    const result = rate(table([z("A", 50), z("E", 70), z("C", 70), z("D", 30), z("B", 70)]), byFai);
    expect(result.zones.map((r) => [r.zone, r.rank, r.tied])).toEqual([
      ["B", 1, true],
      ["C", 1, true],
      ["E", 1, true],
      ["A", 4, false],
      ["D", 5, false],
    ]);
  });

  it("orders a tied name with a character above U+FFFF by code point, not by UTF-16 unit", () => {
    // Ｆ (U+FF26) < 𠀀 (U+20000) by code point; as UTF-16 the latter starts with 0xD840 and would come first.
    const result = rate(table([z("𠀀区", 60), z("Ｆ区", 60), z("A区", 60)]), byFai);
    expect(result.zones.map((r) => r.zone)).toEqual(["A区", "Ｆ区", "𠀀区"]);
  });

  it("treats composites within 1e-9 as tied and orders them by code point, not locale", () => {
    // 甲 (U+7532) sorts after 乙 (U+4E59) by code point, though before it in pinyin order.
    const result = rate(table([z("甲", 60 + 5e-10), z("乙", 60), z("丙", 59)]), byFai);
    expect(result.zones.map((r) => [r.zone, r.rank])).toEqual([
      ["乙", 1],
      ["甲", 1],
      ["丙", 3],
    ]);
  });

  it("ranks within each city", () => {
    const r = byZone(
      rate(table([z("A", 50, { city: "郑州" }), z("B", 70, { city: "郑州" }), z("C", 70, { city: "洛阳" }), z("D", 30, { city: "洛阳" }), z("E", 70, { city: "洛阳" })]), byFai),
    );
    // 郑州: B 70, A 50 · 洛阳: C and E tie at 70, D third
    expect([r.B.cityRank, r.A.cityRank]).toEqual([1, 2]);
    expect([r.C.cityRank, r.E.cityRank, r.D.cityRank]).toEqual([1, 1, 3]);
    expect([r.C.cityTied, r.D.cityTied, r.B.cityTied]).toEqual([true, false, false]);
  });

  it("reports rankChange = prevRank − rank, null without a prevRank", () => {
    const r = byZone(rate(table([z("A", 50, { prevRank: 1 }), z("B", 70), z("C", 60, { prevRank: 4 }), z("D", 30, { prevRank: 4 })]), byFai));
    // ranks: B 1, C 2, A 3, D 4
    expect(r.A).toMatchObject({ rank: 3, prevRank: 1, rankChange: -2 });
    expect(r.C.rankChange).toBe(2);
    expect(r.D.rankChange).toBe(0);
    expect(r.B).toMatchObject({ prevRank: null, rankChange: null });
  });

  it("lets the bonus and the penalty move a zone", () => {
    // A 60 + bonus 5 = 65 beats B 62; C 70 − penalty 10 = 60 falls last
    const result = rate(table([z("A", 60, { bonus: 5 }), z("B", 62), z("C", 70, { penalty: 10 })]), byFai);
    expect(result.zones.map((r) => r.zone)).toEqual(["A", "B", "C"]);
  });
});

import { rate } from "../../src/engine";
import type { ZoneInput } from "../../src/engine";
import { byZone, dim, ind, rules, simpleStars, table, zone } from "./fixtures";
import type { StarRules } from "../../src/engine";

// simpleStars: gate 1/1/1; level L needs 10·L on each of va, tax, emp.
function starsOf(zones: ZoneInput[], stars: Partial<StarRules> = {}) {
  return byZone(rate(table(zones), rules([dim("d", 100, [ind("va", 1, "p90cap")])], { stars: simpleStars(stars) })));
}

const at = (v: number) => ({ va: v, tax: v, emp: v });

describe("star level", () => {
  it("is the highest level met on all of va, tax and emp", () => {
    const r = starsOf([zone("A", at(35)), zone("B", { va: 35, tax: 25, emp: 50 }), zone("C", at(60))]);
    expect(r.A.stars).toBe(3);
    // tax 25 only reaches level 2
    expect(r.B.stars).toBe(2);
    expect(r.C.stars).toBe(6);
  });

  it("needs only k of the three with minIndicatorsMet k", () => {
    // va 35 and emp 50 meet level 3 (30), only emp meets level 4 (40)
    expect(starsOf([zone("B", { va: 35, tax: 25, emp: 50 })], { minIndicatorsMet: 2 }).B.stars).toBe(3);
  });

  it("puts a zone below the gate at 0 stars with an exit status", () => {
    const r = starsOf([zone("A", { va: 0.5, tax: 5, emp: 5 }, { prevStars: 1 })]).A;
    expect(r).toMatchObject({ stars: 0, belowGate: true, starStatus: "belowGate" });
  });

  it("keeps a zone that meets the gate but not 1★ at 0 stars, not below the gate", () => {
    expect(starsOf([zone("A", at(5), { prevStars: 0 })]).A).toMatchObject({ stars: 0, belowGate: false, starStatus: "kept" });
  });

  it("treats a missing star value as not met", () => {
    expect(starsOf([zone("A", { va: 60, tax: 60 })]).A).toMatchObject({ stars: 0, belowGate: true });
  });

  it("absorbs float noise at a threshold", () => {
    expect(starsOf([zone("A", { va: 30, tax: 29.9999999999, emp: 30 })]).A.stars).toBe(3);
  });

  it("limits promotion to maxStepPerYear levels", () => {
    // raw level 4, last year 1, step 1 → 2
    expect(starsOf([zone("A", at(45), { prevStars: 1, maxStars: 3 })], { maxStepPerYear: 1 }).A).toMatchObject({ stars: 2, starStatus: "promoted" });
  });

  it("lets a veto block promotion, and only when the option is on", () => {
    const vetoed = [zone("A", at(45), { prevStars: 2, veto: "安全事故" }), zone("N", at(45), { veto: "安全事故" })];
    const on = starsOf(vetoed);
    expect(on.A).toMatchObject({ stars: 2, starStatus: "kept", vetoed: true, veto: "安全事故" });
    // no known level to keep: nothing gained
    expect(on.N).toMatchObject({ stars: 0, starStatus: "new" });
    expect(starsOf(vetoed, { vetoBlocksPromotion: false }).A.stars).toBe(4);
  });
});

describe("star status", () => {
  it("tells promoted, first, kept, demoted and new apart", () => {
    const r = starsOf([
      zone("promoted", at(35), { prevStars: 1, maxStars: 3 }),
      zone("first", at(35), { prevStars: 1, maxStars: 2 }),
      zone("kept", at(35), { prevStars: 3, maxStars: 4 }),
      zone("demoted", at(35), { prevStars: 4, maxStars: 4 }),
      zone("new", at(35)),
    ]);
    expect(Object.fromEntries(Object.values(r).map((z) => [z.zone, z.starStatus]))).toEqual({ promoted: "promoted", first: "first", kept: "kept", demoted: "demoted", new: "new" });
    expect(r.demoted.prevStars).toBe(4);
    expect(r.new.prevStars).toBeNull();
  });

  it("calls a promotion plain when there is no history of the highest level", () => {
    expect(starsOf([zone("A", at(35), { prevStars: 1 })]).A.starStatus).toBe("promoted");
  });
});

describe("next star", () => {
  it("reports the shortfall on each indicator, noise rounded away", () => {
    // 2★; level 3 needs 30: va met, tax 30 − 28.7 = 1.3, emp met
    const next = starsOf([zone("A", { va: 35, tax: 28.7, emp: 41 })]).A.nextStar;
    expect(next).toEqual({ level: 3, shortfall: { va: 0, tax: 1.3, emp: 0 } });
    expect(Object.is(next?.shortfall.va, 0)).toBe(true);
  });

  it("reports level 1 below the gate and nothing at 6★", () => {
    const r = starsOf([zone("A", { va: 0.5, tax: 5, emp: 5 }), zone("B", at(70))]);
    // level 1 needs 10: 9.5, 5, 5 short
    expect(r.A.nextStar).toEqual({ level: 1, shortfall: { va: 9.5, tax: 5, emp: 5 } });
    expect(r.B.nextStar).toBeNull();
  });

  it("never reports a negative or -0 shortfall at an exact threshold", () => {
    const s = starsOf([zone("A", { va: 20, tax: 20, emp: 25 })]).A.nextStar?.shortfall;
    // 2★; level 3 needs 30 on each
    expect(s).toEqual({ va: 10, tax: 10, emp: 5 });
    const exact = starsOf([zone("A", at(30))]).A;
    expect(exact.stars).toBe(3);
    expect(exact.nextStar?.shortfall).toEqual({ va: 10, tax: 10, emp: 10 });
  });
});

describe("star counts and plaque", () => {
  it("counts zones per level and lists plaques by stars, then rank", () => {
    // composite from va p90cap; stars from the simple ladder
    const result = rate(
      table([zone("A", at(25)), zone("B", { va: 65, tax: 21, emp: 21 }), zone("C", at(35)), zone("D", at(5)), zone("E", at(0.5))]),
      rules([dim("d", 100, [ind("va", 1, "p90cap")])], { stars: simpleStars() }),
    );
    expect(result.starCounts).toEqual({ "0": 2, "1": 0, "2": 2, "3": 1, "4": 0, "5": 0, "6": 0 });
    // C (3★) first although B (2★, va 65) ranks higher; then B, A among the 2★
    expect(result.plaque).toEqual(["C", "B", "A"]);
    expect(byZone(result).B.plaque).toBe(true);
    expect(byZone(result).D.plaque).toBe(false);
  });
});

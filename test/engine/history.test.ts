import { analyseHistory, carryForward, DEFAULT_EXIT_RULE, exitWarningIssues, historyRowsOf, replaceYear, starCountsByYear, type HistoryRow } from "../../src/engine/history";
import { targetAttainment, targetsOf } from "../../src/engine/targets";
import { getPreset, rate, validateRules } from "../../src/engine";
import type { StarStatus } from "../../src/engine/types";
import { byZone, dim, ind, rules, simpleStars, table, zone } from "./fixtures";

function row(year: number, zone: string, stars: number, rank: number | null, extra: Partial<HistoryRow> = {}): HistoryRow {
  return { year, zone, prevNames: [], city: "郑州", stars, status: null, rank, cityRank: null, composite: null, awards: [], ...extra };
}

/** Three years of four zones; 乙 is 乙新 from 2013, 丙 and 丁 merged into 丙丁 in 2013. */
const HISTORY: HistoryRow[] = [
  row(2011, "甲", 2, 1),
  row(2011, "乙", 3, 2),
  row(2011, "丙", 1, 3),
  row(2011, "丁", 0, 4, { status: "belowGate" }),
  row(2012, "甲", 2, 1),
  row(2012, "乙", 1, 3),
  row(2012, "丙", 2, 2),
  row(2012, "丁", 0, 4),
];

const links = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe("carry forward", () => {
  it("gives last year's rank and level, and the highest level of every earlier year", () => {
    const carried = carryForward(HISTORY, 2013, links({ 甲: ["甲"], 乙新: ["乙"] }));
    expect(carried.get("甲")).toEqual({ zone: "甲", prevYear: 2012, prevRank: 1, prevStars: 2, maxStars: 2, from: ["甲"] });
    // 乙 was 3★ in 2011: a 2★ in 2013 is then no first star, though last year it had 1★.
    expect(carried.get("乙新")).toMatchObject({ prevRank: 3, prevStars: 1, maxStars: 3, from: ["乙"] });
  });

  it("takes the best rank and the highest levels of zones that merged", () => {
    const carried = carryForward(HISTORY, 2013, links({ 丙丁: ["丙", "丁"] }));
    expect(carried.get("丙丁")).toMatchObject({ prevRank: 2, prevStars: 2, maxStars: 2, from: ["丙", "丁"] });
  });

  it("follows a rename recorded in an earlier year to that zone's older rows", () => {
    const history = [...HISTORY, row(2013, "乙新", 1, 3, { prevNames: ["乙"] })];
    expect(carryForward(history, 2014, links({ 乙新: ["乙新"] })).get("乙新")).toMatchObject({ prevYear: 2013, prevStars: 1, maxStars: 3 });
  });

  it("carries nothing into the first year, nor for a zone linked to no row", () => {
    expect(carryForward(HISTORY, 2011, links({ 甲: ["甲"] })).size).toBe(0);
    expect(carryForward(HISTORY, 2013, links({ 戊: ["戊"] })).size).toBe(0);
  });

  it("makes the status a first star only above the true maximum", () => {
    const rated = (maxStars: number) =>
      byZone(rate(table([zone("乙新", { va: 25, tax: 25, emp: 25 }, { prevStars: 1, maxStars })], { prevStars: true, maxStars: true }), rules([dim("d", 100, [ind("va", 1, "minmax")])], { stars: simpleStars() })))["乙新"].starStatus;
    const fromLastYearOnly = carryForward(HISTORY.filter((r) => r.year === 2012), 2013, links({ 乙新: ["乙"] })).get("乙新")!;
    const fromAllYears = carryForward(HISTORY, 2013, links({ 乙新: ["乙"] })).get("乙新")!;
    expect(rated(fromLastYearOnly.maxStars)).toBe<StarStatus>("first");
    expect(rated(fromAllYears.maxStars)).toBe<StarStatus>("promoted");
  });
});

describe("history over the years", () => {
  const year2013 = [row(2013, "甲", 2, 1), row(2013, "乙新", 1, 4, { prevNames: ["乙"] }), row(2013, "丙丁", 0, 3, { prevNames: ["丙", "丁"], status: "belowGate" }), row(2013, "戊", 1, 2)];
  const history = replaceYear(HISTORY, 2013, year2013);

  it("replaces a year that is already there and keeps the others", () => {
    const again = replaceYear(history, 2013, [row(2013, "甲", 3, 1)]);
    expect(again.filter((r) => r.year === 2013)).toEqual([row(2013, "甲", 3, 1)]);
    const earlier = again.filter((r) => r.year < 2013);
    expect(earlier).toHaveLength(HISTORY.length);
    expect(earlier).toEqual(expect.arrayContaining(HISTORY));
    // Ordered by year, then rank, as the history sheet lists them.
    expect(earlier.filter((r) => r.year === 2012).map((r) => r.zone)).toEqual(["甲", "丙", "乙", "丁"]);
  });

  it("counts the zones of each level by year", () => {
    expect(starCountsByYear(history)).toEqual([
      { year: 2011, counts: [1, 1, 1, 1, 0, 0, 0] },
      { year: 2012, counts: [1, 1, 2, 0, 0, 0, 0] },
      { year: 2013, counts: [1, 2, 1, 0, 0, 0, 0] },
    ]);
  });

  it("counts consecutive years at this year's level, across renames", () => {
    const tracks = analyseHistory(history, 2013, { bottomN: 1, times: 2, window: 3, provenance: "inferred" });
    expect(tracks.get("甲")?.yearsAtLevel).toBe(3);
    expect(tracks.get("乙新")?.yearsAtLevel).toBe(2);
    expect(tracks.get("乙新")?.maxStars).toBe(3);
    expect(tracks.get("乙新")?.series.map((p) => [p.year, p.zone, p.stars])).toEqual([
      [2011, "乙", 3],
      [2012, "乙", 1],
      [2013, "乙新", 1],
    ]);
    expect(tracks.get("戊")?.yearsAtLevel).toBe(1);
  });

  it("warns a zone below the gate or in the last N in `times` of the last `window` years", () => {
    // Last 1 by rank: 丁 in 2011 (below the gate too) and 2012, 乙新 in 2013; 丙丁 below the gate in 2013.
    const tracks = analyseHistory(history, 2013, { bottomN: 1, times: 2, window: 3, provenance: "inferred" });
    // 丙丁's main line is 丙 (better ranked than 丁): below the gate in 2013 only.
    expect(tracks.get("丙丁")?.exitWarning).toBeNull();
    expect(tracks.get("乙新")?.exitWarning).toBeNull();
    const two = analyseHistory(history, 2013, { bottomN: 2, times: 2, window: 3, provenance: "inferred" });
    // Last 2: 丙 and 丁 in 2011, 乙 and 丁 in 2012, 丙丁 and 乙新 in 2013.
    expect(two.get("乙新")?.exitWarning?.years).toEqual([2012, 2013]);
    expect(two.get("丙丁")?.exitWarning?.years).toEqual([2011, 2013]);
    expect(two.get("甲")?.exitWarning).toBeNull();
    // Two in a row needed within two years: 乙新 still; a window of one year never warns twice.
    expect(analyseHistory(history, 2013, { bottomN: 2, times: 2, window: 2, provenance: "inferred" }).get("乙新")?.exitWarning?.years).toEqual([2012, 2013]);
    expect(analyseHistory(history, 2013, { bottomN: 2, times: 1, window: 1, provenance: "inferred" }).get("乙新")?.exitWarning?.years).toEqual([2013]);
  });

  it("says where each warning applies, at the zone's cell, with the rule's figures", () => {
    const result = rate(table([zone("乙新", { va: 25, tax: 25, emp: 25 }, { source: { sheet: "指标", row: 5, zoneCell: "B5", cells: {} } }), zone("甲", { va: 60, tax: 60, emp: 60 })]), rules([dim("d", 100, [ind("va", 1, "minmax")])]));
    const tracks = analyseHistory(history, 2013, { bottomN: 2, times: 2, window: 3, provenance: "inferred" });
    expect(exitWarningIssues(result, tracks)).toEqual([
      { severity: "warning", code: "EXIT_WARNING", zone: "乙新", sheet: "指标", cell: "B5", params: { years: "2012、2013", count: 2, bottomN: 2, times: 2, window: 3 } },
    ]);
  });

  it("writes this year's rows from a result, recording only names that changed", () => {
    const result = rate(table([zone("乙新", { va: 25, tax: 25, emp: 25 }), zone("甲", { va: 60, tax: 60, emp: 60 })]), rules([dim("d", 100, [ind("va", 1, "minmax")])], { stars: simpleStars() }));
    const rows = historyRowsOf(result, 2013, links({ 甲: ["甲"], 乙新: ["乙"] }), (k) => k);
    expect(rows.map((r) => [r.zone, r.prevNames, r.stars, r.rank, r.status])).toEqual([
      ["甲", [], 6, 1, "new"],
      ["乙新", ["乙"], 2, 2, "new"],
    ]);
  });

  it("by default follows MOFCOM's rule, marked as another authority's", () => {
    expect(DEFAULT_EXIT_RULE).toEqual({ bottomN: 5, times: 2, window: 3, provenance: "otherProvince" });
  });
});

describe("henan-2019 and its targets", () => {
  const preset = getPreset("henan-2019")!;

  it("is valid, scores the plan's five tasks where the table has indicators, each against a target", () => {
    expect(validateRules(preset)).toEqual([]);
    expect(preset.dimensions.map((d) => [d.key, d.nameZh, d.weight])).toEqual([
      ["perMu", "亩均效益", 35],
      ["cluster", "集群培育", 25],
      ["green", "绿色发展", 20],
      ["smartUpgrade", "智能化改造", 20],
    ]);
    expect(preset.dimensions.flatMap((d) => d.indicators).every((i) => i.method === "target")).toBe(true);
  });

  it("marks the plan's own figures official and the rest inferred, with 2020's interim step", () => {
    const official = targetsOf(preset, 2019).filter((t) => t.provenance === "official").map((t) => [t.key, t.value]);
    expect(official).toEqual([
      ["taxPerMu", 15],
      ["energyDrop", 4],
      ["smart", 60],
    ]);
    expect(targetsOf(preset, 2020).find((t) => t.key === "taxPerMu")).toMatchObject({ value: 11, interim: true, provenance: "official" });
    expect(preset.exit).toEqual(DEFAULT_EXIT_RULE);
  });

  it("rejects an exit rule or an interim target out of range, each at its path", () => {
    const bad = { ...preset, exit: { bottomN: 0, times: 4, window: 3, provenance: "official" as const }, interimTargets: [{ key: "taxPerMu" as const, year: 2020, value: -1, provenance: "official" as const }] };
    expect(validateRules(bad).map((i) => [i.code, i.params?.path])).toEqual([
      ["RULES_BAD_OPTION", "exit.bottomN"],
      ["RULES_BAD_OPTION", "exit.times"],
      ["RULES_TARGET_MISSING", "interimTargets.0.value"],
    ]);
  });

  it("tells for each zone whether each target is met and by how much, and counts them", () => {
    const targets = rules([dim("d", 100, [ind("taxPerMu", 1, "target", 15), ind("energy", 1, "target", 0.5), ind("smart", 1, "target", 60)])], { interimTargets: [{ key: "taxPerMu", year: 2013, value: 11, provenance: "official" }] });
    const zones = [
      // 12 万元/亩 meets 2013's 11; energy 0.4 is under the 0.5 cap; smart 60 exactly.
      zone("甲", { tax: 12, landMu: 10_000, energy: 0.4, smart: 60, va: 1, emp: 1 }),
      zone("乙", { tax: 9, landMu: 10_000, energy: 0.8, va: 1, emp: 1 }),
    ];
    const t = targetAttainment(rate(table(zones), targets));
    expect(t.targets.map((d) => [d.key, d.value, d.interim, d.lowerIsBetter])).toEqual([
      ["taxPerMu", 11, true, false],
      ["energy", 0.5, false, true],
      ["smart", 60, false, false],
    ]);
    const 甲 = t.zones.find((z) => z.zone === "甲")!;
    expect(甲.checks.map((c) => [c.key, c.met, c.margin])).toEqual([
      ["taxPerMu", true, 1],
      ["energy", true, expect.closeTo(0.1, 10)],
      ["smart", true, 0],
    ]);
    const 乙 = t.zones.find((z) => z.zone === "乙")!;
    expect(乙.checks.map((c) => [c.met, c.margin])).toEqual([
      [false, -2],
      [false, expect.closeTo(-0.3, 10)],
      [null, null],
    ]);
    expect(t.counts).toEqual([
      { key: "taxPerMu", met: 1, notMet: 1, missing: 0 },
      { key: "energy", met: 1, notMet: 1, missing: 0 },
      { key: "smart", met: 1, notMet: 0, missing: 1 },
    ]);
    expect(t.allMet).toBe(1);
  });
});

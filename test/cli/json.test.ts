import { getPreset } from "../../src/engine";
import type { RatingResult, Rules, ZoneResult } from "../../src/engine/types";
import { failureJson, resultJson } from "../../src/cli/json";

function rules(): Rules {
  const r = getPreset("henan-2013");
  if (!r) throw new Error("preset missing");
  return r;
}

function zone(over: Partial<ZoneResult>): ZoneResult {
  return {
    zone: "甲",
    city: "郑州",
    indicators: [],
    dimensions: { scale: 30, growth: 10 },
    bonus: 0,
    penalty: 0,
    composite: 40,
    rank: 1,
    tied: false,
    cityRank: 1,
    cityTied: false,
    prevRank: null,
    rankChange: null,
    stars: 1,
    prevStars: null,
    starStatus: "new",
    belowGate: false,
    nextStar: { level: 2, shortfall: { va: 5, tax: 0, emp: 0.25 } },
    awards: [],
    vetoed: false,
    plaque: false,
    derived: {},
    ...over,
  };
}

describe("resultJson", () => {
  const result: RatingResult = {
    rules: rules(),
    year: 2013,
    zones: [
      zone({ zone: "甲", composite: 73.45126, rank: 1, prevRank: 3, rankChange: 2, stars: 3, prevStars: 2, starStatus: "promoted", awards: ["strong"], nextStar: { level: 4, shortfall: { va: 0, tax: 1.23, emp: 0 } } }),
      zone({ zone: "乙", composite: 12.00004, rank: 2, stars: 6, nextStar: null, vetoed: true, veto: "事故" }),
    ],
    awards: [
      { key: "strong", nameZh: "十强", nameEn: "Top 10", prizeYuan: 5_000_000, zones: ["甲"], tieAtLastPlace: false, metricUsed: "composite" },
      { key: "fast", nameZh: "十快", nameEn: "Fast", prizeYuan: 5_000_000, zones: [], tieAtLastPlace: false, metricUsed: "vaGrowth" },
    ],
    prizeTotalYuan: 5_000_000,
    starCounts: { "3": 1, "6": 1 },
    plaque: ["乙", "甲"],
    issues: [],
  };
  const json = resultJson(result, [
    { severity: "warning", code: "FAST_FALLBACK_GROWTH", params: { award: "十快" }, message: "m1" },
    { severity: "error", code: "NOT_A_NUMBER", sheet: "指标数据", cell: "E7", message: "E7：…" },
  ]);

  it("keeps SPEC §6's keys and rounds the composite to 4 decimals", () => {
    expect(Object.keys(json)).toEqual(["rules", "year", "zoneCount", "zones", "awards", "prizeTotalYuan", "starCounts", "issues"]);
    expect(json.zones[0]).toEqual({
      zone: "甲",
      city: "郑州",
      composite: 73.4513,
      rank: 1,
      cityRank: 1,
      rankChange: 2,
      stars: 3,
      prevStars: 2,
      starStatus: "promoted",
      dimensions: { scale: 30, growth: 10 },
      awards: ["strong"],
      vetoed: false,
      nextStar: { level: 4, shortfall: { va: 0, tax: 1.23, emp: 0 } },
    });
    expect(json.zones[1]).toMatchObject({ composite: 12, nextStar: null, vetoed: true, rankChange: null, prevStars: null });
  });

  it("lists every star level, the awards by key, and issues with null where no place is known", () => {
    expect(json.starCounts).toEqual({ "0": 0, "1": 0, "2": 0, "3": 1, "4": 0, "5": 0, "6": 1 });
    expect(json.awards).toEqual({ strong: ["甲"], fast: [] });
    expect(json.rules).toBe("henan-2013");
    expect(json.zoneCount).toBe(2);
    expect(json.issues).toEqual([
      { severity: "warning", sheet: null, cell: null, code: "FAST_FALLBACK_GROWTH", message: "m1" },
      { severity: "error", sheet: "指标数据", cell: "E7", code: "NOT_A_NUMBER", message: "E7：…" },
    ]);
  });
});

describe("failureJson", () => {
  it("holds the issues, no zones, and empty award lists", () => {
    const json = failureJson("henan-2013", null, ["strong", "fast", "advanced"], [{ severity: "error", code: "NO_HEADER", sheet: "表1", cell: "A1", message: "x" }]);
    expect(json).toEqual({
      rules: "henan-2013",
      year: null,
      zoneCount: 0,
      zones: [],
      awards: { strong: [], fast: [], advanced: [] },
      prizeTotalYuan: 0,
      starCounts: { "0": 0, "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 },
      issues: [{ severity: "error", sheet: "表1", cell: "A1", code: "NO_HEADER", message: "x" }],
    });
  });
});

// Hand-made rating results for the plan and adapter tests: every number here was chosen by hand,
// so the tests can state what each sheet must show without running the engine.
import type { IndicatorScore, RatingResult, Rules, ZoneResult } from "../../../src/engine/types";

export const RULES: Rules = {
  id: "test",
  nameZh: "测试规则",
  nameEn: "Test rules",
  dimensions: [
    {
      key: "scale",
      nameZh: "规模总量",
      nameEn: "Scale",
      weight: 60,
      provenance: "inferred",
      indicators: [
        { key: "va", weight: 1, method: "p90cap", provenance: "inferred" },
        { key: "tax", weight: 1, method: "p90cap", provenance: "inferred" },
      ],
    },
    { key: "growth", nameZh: "发展速度", nameEn: "Growth", weight: 40, provenance: "inferred", indicators: [{ key: "vaGrowth", weight: 1, method: "minmax", provenance: "inferred" }] },
  ],
  bonusCap: 5,
  bonusCapProvenance: "inferred",
  missingPolicy: "zero",
  stars: {
    gate: { va: 10, tax: 1.5, emp: 0.4, provenance: "inferred" },
    levels: [
      { level: 1, va: 25, tax: 3.75, emp: 1, provenance: "inferred" },
      { level: 2, va: 50, tax: 7.5, emp: 2, provenance: "inferred" },
      { level: 3, va: 100, tax: 15, emp: 4, provenance: "inferred" },
      { level: 4, va: 200, tax: 30, emp: 8, provenance: "inferred" },
      { level: 5, va: 350, tax: 52.5, emp: 14, provenance: "inferred" },
      { level: 6, va: 500, tax: 75, emp: 20, provenance: "inferred" },
    ],
    minIndicatorsMet: 3,
    maxStepPerYear: null,
    vetoBlocksPromotion: true,
    provenance: "inferred",
  },
  awards: [
    { key: "strong", nameZh: "十强", nameEn: "Top ten", selection: { kind: "top", count: 2, metric: { kind: "composite" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "official" },
    { key: "fast", nameZh: "十快", nameEn: "Fastest ten", selection: { kind: "top", count: 1, metric: { kind: "rankChange" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "official" },
    { key: "advanced", nameZh: "十先进", nameEn: "Advanced ten", selection: { kind: "top", count: 1, metric: { kind: "dimensions", dimensions: ["growth"] } }, prizeYuan: 5_000_000, exclusive: true, provenance: "official" },
  ],
  plaqueMinStars: 2,
};

function ind(key: IndicatorScore["key"], dimension: string, raw: number | null, score: number, weight: number, method: IndicatorScore["method"]): IndicatorScore {
  return { key, dimension, raw, missing: raw === null, score, weight, contribution: (score / 100) * weight, method };
}

function zone(z: Partial<ZoneResult> & Pick<ZoneResult, "zone" | "city" | "composite" | "rank" | "stars">): ZoneResult {
  return {
    indicators: [],
    dimensions: {},
    bonus: 0,
    penalty: 0,
    tied: false,
    cityRank: 1,
    cityTied: false,
    prevRank: null,
    rankChange: null,
    prevStars: null,
    starStatus: "new",
    belowGate: false,
    nextStar: null,
    awards: [],
    vetoed: false,
    plaque: false,
    derived: {},
    ...z,
  };
}

/** Four zones: a promotion, a formula-like name, a tie at rank 2, a vetoed zone below the gate. */
export function smallResult(): RatingResult {
  return {
    rules: RULES,
    year: 2013,
    zones: [
      zone({
        zone: "郑州航空港区",
        city: "郑州市",
        composite: 80.5,
        rank: 1,
        stars: 3,
        prevStars: 2,
        starStatus: "promoted",
        prevRank: 3,
        rankChange: 2,
        dimensions: { scale: 50.5, growth: 30 },
        indicators: [ind("va", "scale", 180, 100, 30, "p90cap"), ind("tax", "scale", 20, 68.5, 30, "p90cap"), ind("vaGrowth", "growth", 12.5, 75, 40, "minmax")],
        nextStar: { level: 4, shortfall: { va: 20.5, tax: 0, emp: 1.2 } },
        awards: ["strong"],
        plaque: true,
        derived: { vaGrowth: 12.5 },
      }),
      zone({
        zone: "=SUM(A1)",
        city: "开封市",
        composite: 70.25,
        rank: 2,
        tied: true,
        stars: 1,
        prevStars: 1,
        starStatus: "kept",
        dimensions: { scale: 40.25, growth: 30 },
        bonus: 1,
        penalty: 1,
        indicators: [ind("va", "scale", 30, 50, 30, "p90cap"), ind("tax", "scale", null, 0, 30, "p90cap"), ind("vaGrowth", "growth", 12.5, 75, 40, "minmax")],
        nextStar: { level: 2, shortfall: { va: 20, tax: 3.5, emp: 0 } },
        awards: ["strong"],
      }),
      zone({
        zone: "+洛阳高新区",
        city: "洛阳市",
        composite: 70.25,
        rank: 2,
        tied: true,
        stars: 2,
        starStatus: "new",
        dimensions: { scale: 30.25, growth: 40 },
        indicators: [ind("va", "scale", 60, 60, 30, "p90cap"), ind("tax", "scale", 8, 40.8333, 30, "p90cap"), ind("vaGrowth", "growth", 20, 100, 40, "minmax")],
        nextStar: { level: 3, shortfall: { va: 40, tax: 7, emp: 1.5 } },
        awards: ["fast"],
        plaque: true,
      }),
      zone({
        zone: "兰考县产业集聚区",
        city: "开封市",
        composite: 30,
        rank: 4,
        cityRank: 2,
        stars: 0,
        prevStars: 1,
        starStatus: "belowGate",
        belowGate: true,
        prevRank: 3,
        rankChange: -1,
        vetoed: true,
        veto: "安全生产事故",
        dimensions: { scale: 10, growth: 20 },
        indicators: [ind("va", "scale", 8, 10, 30, "p90cap"), ind("tax", "scale", 1, 23.3333, 30, "p90cap"), ind("vaGrowth", "growth", 5, 50, 40, "minmax")],
        nextStar: { level: 1, shortfall: { va: 17, tax: 2.75, emp: 0.6 } },
      }),
    ],
    awards: [
      { key: "strong", nameZh: "十强", nameEn: "Top ten", prizeYuan: 5_000_000, zones: ["郑州航空港区", "=SUM(A1)"], tieAtLastPlace: false, metricUsed: "composite" },
      { key: "fast", nameZh: "十快", nameEn: "Fastest ten", prizeYuan: 5_000_000, zones: ["+洛阳高新区"], tieAtLastPlace: false, metricUsed: "rankChange" },
      { key: "advanced", nameZh: "十先进", nameEn: "Advanced ten", prizeYuan: 5_000_000, zones: [], tieAtLastPlace: false, metricUsed: "dimensions" },
    ],
    prizeTotalYuan: 15_000_000,
    starCounts: { "0": 1, "1": 1, "2": 1, "3": 1, "4": 0, "5": 0, "6": 0 },
    plaque: ["郑州航空港区", "+洛阳高新区"],
    issues: [{ severity: "warning", code: "FAST_FALLBACK_GROWTH" }],
  };
}

const CITIES = ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源市"];

/**
 * n zones with a regular pattern (zone i has composite 100 − i·k, stars cycling 3,2,1,0), for
 * layout and size tests where the exact figures do not matter.
 */
export function largeResult(n: number): RatingResult {
  const zones: ZoneResult[] = [];
  for (let i = 0; i < n; i++) {
    const stars = [3, 2, 1, 0][i % 4];
    const composite = 100 - (i * 90) / n;
    zones.push(
      zone({
        zone: `第${i + 1}产业集聚区`,
        city: CITIES[i % CITIES.length],
        composite,
        rank: i + 1,
        cityRank: Math.floor(i / CITIES.length) + 1,
        stars,
        prevStars: stars,
        starStatus: "kept",
        dimensions: { scale: composite * 0.6, growth: composite * 0.4 },
        indicators: [ind("va", "scale", 100 - i / n, 60, 30, "p90cap"), ind("tax", "scale", 10, 60, 30, "p90cap"), ind("vaGrowth", "growth", 8, 100, 40, "minmax")],
        plaque: stars >= 2,
      }),
    );
  }
  const strong = zones.slice(0, Math.min(10, n)).map((z) => z.zone);
  const counts: Record<string, number> = { "0": 0, "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 };
  for (const z of zones) counts[String(z.stars)]++;
  return {
    rules: RULES,
    year: 2013,
    zones,
    awards: [{ key: "strong", nameZh: "十强", nameEn: "Top ten", prizeYuan: 5_000_000, zones: strong, tieAtLastPlace: false, metricUsed: "composite" }],
    prizeTotalYuan: strong.length * 5_000_000,
    starCounts: counts,
    plaque: [...zones.filter((z) => z.stars === 3), ...zones.filter((z) => z.stars === 2)].map((z) => z.zone),
    issues: [],
  };
}

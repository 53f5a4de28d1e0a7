// Built-in rule sets (SPEC §4.2, §4.3, §4.5). Every value says where it comes from: officials
// overwrite the inferred ones from their own notices on the rules sheet.
import { DEFAULT_EXIT_RULE } from "./history";
import type { AwardRule, DimensionRule, IndicatorRule, NormMethod, Provenance, Rules, StarRules, StarThresholds, IndicatorKey } from "./types";

export const DEFAULT_PRESET_ID = "henan-2013";

function indicator(key: IndicatorKey, weight: number, method: NormMethod, provenance: Provenance = "inferred"): IndicatorRule {
  return { key, weight, method, provenance };
}

function dimension(key: string, nameZh: string, nameEn: string, weight: number, indicators: IndicatorRule[]): DimensionRule {
  return { key, nameZh, nameEn, weight, indicators, provenance: "inferred" };
}

type Ladder = [number, number, number, Provenance];

function thresholds([va, tax, emp]: Ladder): StarThresholds {
  return { va, tax, emp };
}

function starRules(gate: Ladder, levels: Ladder[], provenance: Provenance): StarRules {
  return {
    gate: { ...thresholds(gate), provenance: gate[3] },
    levels: levels.map((l, i) => ({ ...thresholds(l), level: i + 1, provenance: l[3] })),
    minIndicatorsMet: 3,
    maxStepPerYear: null,
    vetoBlocksPromotion: true,
    provenance,
  };
}

/** The sourced 2016 service-zone ladder: gate, 1★ and 6★ official, the levels between inferred. */
const SERVICE_2016_GATE: Ladder = [2, 0.3, 0.12, "official"];
const SERVICE_2016_LEVELS: Ladder[] = [
  [5, 0.75, 0.3, "official"],
  [10, 1.5, 0.4, "inferred"],
  [20, 3, 0.8, "inferred"],
  [40, 6, 1.6, "inferred"],
  [70, 10.5, 2.8, "inferred"],
  [100, 15, 6, "official"],
];

/**
 * henan-2013's ladder as SPEC §4.3 states it: about five times the service-zone one (emp at 1★ and
 * 6★ departs from that), and no source gives it, so all of it is inferred.
 */
const HENAN_2013_GATE: Ladder = [10, 1.5, 0.4, "inferred"];
const HENAN_2013_LEVELS: Ladder[] = [
  [25, 3.75, 1, "inferred"],
  [50, 7.5, 2, "inferred"],
  [100, 15, 4, "inferred"],
  [200, 30, 8, "inferred"],
  [350, 52.5, 14, "inferred"],
  [500, 75, 20, "inferred"],
];

/** Scoring of the 四集一转 era (SPEC §4.2); the structure is sourced, the weights are not. */
function henan2013Dimensions(): DimensionRule[] {
  return [
    dimension("scale", "规模总量", "Scale", 40, [indicator("va", 12, "p90cap"), indicator("tax", 12, "p90cap"), indicator("emp", 8, "p90cap"), indicator("rev", 8, "p90cap")]),
    dimension("growth", "发展速度", "Growth", 15, [indicator("vaGrowth", 15, "minmax")]),
    dimension("investment", "投资招商", "Investment", 15, [indicator("fai", 10, "p90cap"), indicator("outCap", 5, "p90cap")]),
    dimension("cluster", "集群集约", "Cluster", 20, [indicator("leadShare", 10, "minmax"), indicator("taxPerMu", 10, "p90cap")]),
    dimension("green", "绿色创新", "Green & innovation", 10, [indicator("energyDrop", 5, "minmax"), indicator("rdIntensity", 5, "minmax")]),
  ];
}

function henan2013Awards(): AwardRule[] {
  return [
    { key: "strong", nameZh: "十强", nameEn: "Top 10 strongest", selection: { kind: "top", count: 10, metric: { kind: "composite" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "official" },
    { key: "fast", nameZh: "十快", nameEn: "Top 10 fastest", selection: { kind: "top", count: 10, metric: { kind: "rankChange" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "official" },
    {
      key: "advanced",
      nameZh: "十先进",
      nameEn: "Top 10 advanced",
      selection: { kind: "top", count: 10, metric: { kind: "dimensions", dimensions: ["cluster", "green"] } },
      prizeYuan: 5_000_000,
      exclusive: true,
      provenance: "official",
    },
  ];
}

function henan2013(): Rules {
  return {
    id: "henan-2013",
    nameZh: "河南省产业集聚区考核晋级（2013）",
    nameEn: "Henan cluster zones rating (2013)",
    dimensions: henan2013Dimensions(),
    bonusCap: 5,
    bonusCapProvenance: "inferred",
    missingPolicy: "zero",
    stars: starRules(HENAN_2013_GATE, HENAN_2013_LEVELS, "inferred"),
    awards: henan2013Awards(),
    plaqueMinStars: 2,
  };
}

function serviceZones2016(): Rules {
  return {
    ...henan2013(),
    id: "service-zones-2016",
    nameZh: "河南省服务业专业园区星级评定（2016）",
    nameEn: "Henan service zones star rating (2016)",
    stars: starRules(SERVICE_2016_GATE, SERVICE_2016_LEVELS, "official"),
  };
}

function henan2017(): Rules {
  return {
    id: "henan-2017",
    nameZh: "河南省产业集聚区综合考评（2017）",
    nameEn: "Henan cluster zones assessment (2017)",
    dimensions: [
      dimension("economy", "经济总量", "Economic size", 20, [indicator("va", 8, "p90cap"), indicator("tax", 6, "p90cap"), indicator("rev", 6, "p90cap")]),
      dimension("quality", "质量效益", "Quality & returns", 25, [indicator("taxPerMu", 15, "p90cap"), indicator("vaGrowth", 10, "minmax")]),
      dimension("innovation", "科技创新", "Innovation", 20, [indicator("rdIntensity", 12, "minmax"), indicator("smart", 8, "minmax")]),
      dimension("cluster", "集群发展", "Cluster development", 15, [indicator("leadShare", 10, "minmax"), indicator("emp", 5, "p90cap")]),
      dimension("green", "绿色环保", "Green development", 15, [indicator("energyDrop", 8, "minmax"), indicator("energy", 7, "minmax")]),
      dimension("projects", "项目建设", "Projects", 5, [indicator("fai", 3, "p90cap"), indicator("outCap", 2, "p90cap")]),
    ],
    bonusCap: 5,
    bonusCapProvenance: "inferred",
    missingPolicy: "zero",
    stars: starRules(HENAN_2013_GATE, HENAN_2013_LEVELS, "inferred"),
    awards: [
      { key: "excellent", nameZh: "优秀产业集聚区", nameEn: "Excellent cluster zones", selection: { kind: "top", count: 20, metric: { kind: "composite" } }, prizeYuan: 5_000_000, exclusive: true, provenance: "official" },
      { key: "firstStar", nameZh: "首次晋星奖励", nameEn: "First-time star promotion", selection: { kind: "firstStar" }, prizeYuan: 3_000_000, exclusive: false, provenance: "official" },
    ],
    plaqueMinStars: 2,
  };
}

/** A target-normalised indicator whose target figure is stated with its own provenance. */
function targetIndicator(key: IndicatorKey, weight: number, target: number, provenance: Provenance): IndicatorRule {
  return { key, weight, method: "target", target, provenance };
}

/**
 * 《河南省推进产业集聚区高质量发展行动方案》(2019): dimensions after its five tasks (三提两改), each
 * indicator scored against a target. The plan's own figures (亩均税收 15 万元/亩 within 3–5 years,
 * 2020 step 11; 单位工业增加值能耗 down ≥ 4 % a year; 规上企业智能化改造普及率 ≥ 60 %) are
 * official; the other targets and every weight are inferred. 体制机制改革 has no indicator in the
 * table, so it has no dimension: reform results go through 加分.
 */
function henan2019(): Rules {
  return {
    ...henan2013(),
    id: "henan-2019",
    nameZh: "河南省产业集聚区高质量发展评价（2019）",
    nameEn: "Henan cluster zones high-quality development (2019)",
    dimensions: [
      dimension("perMu", "亩均效益", "Returns per mu", 35, [targetIndicator("taxPerMu", 35, 15, "official")]),
      dimension("cluster", "集群培育", "Cluster building", 25, [
        targetIndicator("leadShare", 10, 70, "inferred"),
        targetIndicator("rdIntensity", 8, 2, "inferred"),
        targetIndicator("rev", 7, 1000, "inferred"),
      ]),
      dimension("green", "绿色发展", "Green development", 20, [targetIndicator("energyDrop", 15, 4, "official"), targetIndicator("energy", 5, 0.5, "inferred")]),
      dimension("smartUpgrade", "智能化改造", "Smart upgrading", 20, [targetIndicator("smart", 20, 60, "official")]),
    ],
    awards: henan2013Awards().map((a) => ({ ...a, provenance: "inferred" })),
    exit: { ...DEFAULT_EXIT_RULE },
    interimTargets: [{ key: "taxPerMu", year: 2020, value: 11, provenance: "official" }],
  };
}

const BUILDERS: Record<string, () => Rules> = {
  "henan-2013": henan2013,
  "service-zones-2016": serviceZones2016,
  "henan-2017": henan2017,
  "henan-2019": henan2019,
};

export const PRESET_IDS: readonly string[] = Object.keys(BUILDERS);

export const PRESETS: Readonly<Record<string, Rules>> = Object.freeze(Object.fromEntries(PRESET_IDS.map((id) => [id, BUILDERS[id]()])));

/** A fresh copy of a preset (callers may edit it, e.g. when filling the rules sheet), or undefined. */
export function getPreset(id: string): Rules | undefined {
  return Object.prototype.hasOwnProperty.call(BUILDERS, id) ? BUILDERS[id]() : undefined;
}

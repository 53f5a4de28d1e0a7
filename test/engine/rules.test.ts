import { validateRules, PRESETS, PRESET_IDS, DEFAULT_PRESET_ID, getPreset, ENGINE_ISSUE_CODES } from "../../src/engine";
import type { IndicatorKey, NormMethod, Rules } from "../../src/engine";
import { readFileSync } from "node:fs";
import { formatIssue } from "../../src/i18n/issues";
import { join } from "node:path";

function preset(id: string): Rules {
  const rules = getPreset(id);
  if (!rules) throw new Error(`preset ${id} missing`);
  return rules;
}

/** A rule object as a rules file may hold it: any field missing or of any type. */
type Loose = Record<string, unknown>;

const codesAndPaths = (rules: Rules) => validateRules(rules).map((i) => [i.code, i.params?.path]);

describe("validateRules", () => {
  it("accepts every preset", () => {
    for (const id of PRESET_IDS) expect(validateRules(preset(id))).toEqual([]);
  });

  it("reports every problem at once, each with its path", () => {
    const r = preset("henan-2013");
    r.dimensions[0].indicators[1].weight = -1;
    r.dimensions[1].indicators[0].key = "growthRate" as IndicatorKey;
    r.dimensions[2].indicators[0].method = "rank" as NormMethod;
    r.dimensions[2].indicators[1].method = "target";
    r.dimensions[3].key = "scale";
    r.dimensions[4].weight = Number.NaN;
    r.stars.levels[3].tax = 10;
    r.stars.minIndicatorsMet = 4;
    r.stars.maxStepPerYear = 0;
    r.bonusCap = -2;
    r.plaqueMinStars = 7;
    r.awards[0].selection = { kind: "top", count: 0, metric: { kind: "composite" } };
    r.awards[1].prizeYuan = -5;
    r.awards[2].selection = { kind: "top", count: 10, metric: { kind: "dimensions", dimensions: ["green", "greenery"] } };
    expect(codesAndPaths(r)).toEqual([
      ["RULES_NEGATIVE_WEIGHT", "dimensions.0.indicators.1.weight"],
      ["RULES_UNKNOWN_INDICATOR", "dimensions.1.indicators.0.key"],
      ["RULES_UNKNOWN_METHOD", "dimensions.2.indicators.0.method"],
      ["RULES_TARGET_MISSING", "dimensions.2.indicators.1.target"],
      ["RULES_DUPLICATE_KEY", "dimensions.3.key"],
      ["RULES_NEGATIVE_WEIGHT", "dimensions.4.weight"],
      // 4★ tax 10 is below 3★'s 15
      ["RULES_THRESHOLD_DECREASING", "stars.levels.3.tax"],
      ["RULES_BAD_OPTION", "stars.minIndicatorsMet"],
      ["RULES_BAD_OPTION", "stars.maxStepPerYear"],
      ["RULES_BAD_OPTION", "awards.0.selection.count"],
      ["RULES_BAD_OPTION", "awards.1.prizeYuan"],
      ["RULES_UNKNOWN_DIMENSION", "awards.2.selection.metric.dimensions.1"],
      ["RULES_BAD_OPTION", "bonusCap"],
      ["RULES_BAD_OPTION", "plaqueMinStars"],
    ]);
  });

  it("gives the params a message needs", () => {
    const r = preset("henan-2013");
    r.stars.levels[3].tax = 10;
    r.dimensions[4].weight = Number.POSITIVE_INFINITY;
    expect(validateRules(r)).toEqual([
      { severity: "error", code: "RULES_NEGATIVE_WEIGHT", params: { path: "dimensions.4.weight", value: "Infinity" } },
      { severity: "error", code: "RULES_THRESHOLD_DECREASING", params: { path: "stars.levels.3.tax", indicator: "tax", value: 10, previous: 15, level: 4, previousLevel: 3 } },
    ]);
  });

  it("checks the gate against 1★, the number of levels and their numbering", () => {
    const r = preset("henan-2013");
    r.stars.gate.va = 30;
    r.stars.levels[0].emp = -1;
    r.stars.levels[4].level = 7;
    r.stars.levels.pop();
    expect(codesAndPaths(r)).toEqual([
      ["RULES_BAD_LEVELS", "stars.levels"],
      ["RULES_BAD_LEVELS", "stars.levels.4.level"],
      // gate va 30 is above 1★'s 25
      ["RULES_THRESHOLD_DECREASING", "stars.levels.0.va"],
      ["RULES_BAD_THRESHOLD", "stars.levels.0.emp"],
    ]);
  });

  it("needs at least one dimension and flags an empty one", () => {
    expect(codesAndPaths({ ...preset("henan-2013"), dimensions: [], awards: [] })).toEqual([["RULES_NO_DIMENSIONS", "dimensions"]]);
    const r = preset("henan-2013");
    r.dimensions[1].indicators = [];
    r.missingPolicy = "median" as Rules["missingPolicy"];
    expect(codesAndPaths(r)).toEqual([
      ["RULES_EMPTY_DIMENSION", "dimensions.1.indicators"],
      ["RULES_BAD_OPTION", "missingPolicy"],
    ]);
  });

  it("reports the parts a rules file leaves out instead of failing on them", () => {
    const missingParts = { ...preset("henan-2013"), stars: undefined, awards: [null] } as unknown as Rules;
    expect(codesAndPaths(missingParts)).toEqual([
      ["RULES_BAD_LEVELS", "stars.levels"],
      ["RULES_BAD_PROVENANCE", "stars.gate.provenance"],
      ["RULES_BAD_THRESHOLD", "stars.gate.va"],
      ["RULES_BAD_THRESHOLD", "stars.gate.tax"],
      ["RULES_BAD_THRESHOLD", "stars.gate.emp"],
      ["RULES_BAD_OPTION", "stars.minIndicatorsMet"],
      ["RULES_BAD_OPTION", "stars.maxStepPerYear"],
      ["RULES_BAD_OPTION", "stars.vetoBlocksPromotion"],
      ["RULES_BAD_PROVENANCE", "stars.provenance"],
      ["RULES_MISSING_NAME", "awards.0.key"],
      ["RULES_MISSING_NAME", "awards.0.nameZh"],
      ["RULES_MISSING_NAME", "awards.0.nameEn"],
      ["RULES_BAD_PROVENANCE", "awards.0.provenance"],
      ["RULES_BAD_OPTION", "awards.0.prizeYuan"],
      ["RULES_BAD_OPTION", "awards.0.exclusive"],
      ["RULES_BAD_OPTION", "awards.0.selection.kind"],
    ]);
    const nullIndicator = preset("henan-2013");
    (nullIndicator.dimensions[1].indicators as unknown[])[0] = null;
    expect(codesAndPaths(nullIndicator)).toEqual([
      ["RULES_UNKNOWN_INDICATOR", "dimensions.1.indicators.0.key"],
      ["RULES_NEGATIVE_WEIGHT", "dimensions.1.indicators.0.weight"],
      ["RULES_UNKNOWN_METHOD", "dimensions.1.indicators.0.method"],
      ["RULES_BAD_PROVENANCE", "dimensions.1.indicators.0.provenance"],
    ]);
  });

  it("says rules that are not an object at all (a rules file holding null, a list, a number) are not rules, once", () => {
    const given: Array<[unknown, string]> = [
      [null, "null"],
      [undefined, "undefined"],
      [[], "[]"],
      [42, "42"],
      ["henan-2013", '"henan-2013"'],
      [Array.from({ length: 30 }, (_, i) => i), "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,…"],
    ];
    for (const [rules, shown] of given) {
      expect(validateRules(rules as Rules)).toEqual([{ severity: "error", code: "RULES_NOT_AN_OBJECT", params: { path: "", value: shown } }]);
    }
    const [issue] = validateRules(null as unknown as Rules);
    expect(formatIssue(issue, "zh-CN")).toMatch(/^评定规则文件的内容是 null，不是一套规则。/);
    expect(formatIssue(issue, "en-US")).toMatch(/^The rules file holds null, not a rule set\./);
  });

  it("needs the names and keys that results and sheets print", () => {
    const r = preset("henan-2013");
    const loose = r as unknown as Loose;
    delete loose.nameZh;
    r.id = " ";
    const dims = r.dimensions as unknown as Loose[];
    delete dims[0].key;
    delete dims[1].nameEn;
    dims[2].nameZh = 7;
    const awards = r.awards as unknown as Loose[];
    delete awards[0].key;
    delete awards[2].nameZh;
    expect(codesAndPaths(r)).toEqual([
      ["RULES_MISSING_NAME", "dimensions.0.key"],
      ["RULES_MISSING_NAME", "dimensions.1.nameEn"],
      ["RULES_MISSING_NAME", "dimensions.2.nameZh"],
      ["RULES_MISSING_NAME", "awards.0.key"],
      ["RULES_MISSING_NAME", "awards.2.nameZh"],
      ["RULES_MISSING_NAME", "id"],
      ["RULES_MISSING_NAME", "nameZh"],
    ]);
  });

  it("needs a known provenance on every rule value that carries one", () => {
    const r = preset("henan-2013");
    (r.dimensions[0] as unknown as Loose).provenance = undefined;
    (r.dimensions[1].indicators[0] as unknown as Loose).provenance = "guess";
    (r.stars.levels[2] as unknown as Loose).provenance = null;
    (r as unknown as Loose).bonusCapProvenance = "省文件";
    expect(codesAndPaths(r)).toEqual([
      ["RULES_BAD_PROVENANCE", "dimensions.0.provenance"],
      ["RULES_BAD_PROVENANCE", "dimensions.1.indicators.0.provenance"],
      ["RULES_BAD_PROVENANCE", "stars.levels.2.provenance"],
      ["RULES_BAD_PROVENANCE", "bonusCapProvenance"],
    ]);
  });

  it.each(["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"])("rejects %s as a dimension or award key: it would vanish from, or clash with, the results keyed by it", (reserved) => {
    const r = preset("henan-2013");
    r.dimensions[4].key = reserved;
    r.awards[2].selection = { kind: "top", count: 10, metric: { kind: "dimensions", dimensions: ["cluster", reserved] } };
    r.awards[1].key = reserved;
    expect(validateRules(r).map((i) => [i.code, i.params?.path, i.params?.value])).toEqual([
      ["RULES_RESERVED_KEY", "dimensions.4.key", reserved],
      ["RULES_RESERVED_KEY", "awards.1.key", reserved],
    ]);
  });

  it("documents every code it can emit in issueCodes.ts", () => {
    const doc = readFileSync(join(__dirname, "../../src/engine/issueCodes.ts"), "utf8");
    for (const code of ENGINE_ISSUE_CODES) expect(doc.split(`- ${code} `).length).toBe(2);
  });
});

describe("presets", () => {
  it("ships henan-2013 as the default with the SPEC §4.2 weights", () => {
    expect(DEFAULT_PRESET_ID).toBe("henan-2013");
    expect([...PRESET_IDS].sort()).toEqual(["henan-2013", "henan-2017", "henan-2019", "service-zones-2016"]);
    const r = PRESETS["henan-2013"];
    expect(r.dimensions.map((d) => [d.key, d.weight, d.indicators.map((i) => `${i.key}:${i.weight}:${i.method}`).join(" ")])).toEqual([
      ["scale", 40, "va:12:p90cap tax:12:p90cap emp:8:p90cap rev:8:p90cap"],
      ["growth", 15, "vaGrowth:15:minmax"],
      ["investment", 15, "fai:10:p90cap outCap:5:p90cap"],
      ["cluster", 20, "leadShare:10:minmax taxPerMu:10:p90cap"],
      ["green", 10, "energyDrop:5:minmax rdIntensity:5:minmax"],
    ]);
    expect(r).toMatchObject({ bonusCap: 5, missingPolicy: "zero", plaqueMinStars: 2 });
    expect(r.stars).toMatchObject({ minIndicatorsMet: 3, maxStepPerYear: null, vetoBlocksPromotion: true });
    expect(r.dimensions.every((d) => d.provenance === "inferred" && d.indicators.every((i) => i.provenance === "inferred"))).toBe(true);
  });

  it("uses the SPEC §4.3 star ladder for henan-2013, all inferred", () => {
    const s = PRESETS["henan-2013"].stars;
    expect([s.gate, ...s.levels].map((l) => [l.va, l.tax, l.emp])).toEqual([
      [10, 1.5, 0.4],
      [25, 3.75, 1],
      [50, 7.5, 2],
      [100, 15, 4],
      [200, 30, 8],
      [350, 52.5, 14],
      [500, 75, 20],
    ]);
    expect([s.gate, ...s.levels].every((l) => l.provenance === "inferred")).toBe(true);
  });

  it("ships the service-zone ladder with official gate, 1★ and 6★", () => {
    const s = PRESETS["service-zones-2016"].stars;
    expect([s.gate, ...s.levels].map((l) => [l.va, l.tax, l.emp, l.provenance])).toEqual([
      [2, 0.3, 0.12, "official"],
      [5, 0.75, 0.3, "official"],
      [10, 1.5, 0.4, "inferred"],
      [20, 3, 0.8, "inferred"],
      [40, 6, 1.6, "inferred"],
      [70, 10.5, 2.8, "inferred"],
      [100, 15, 6, "official"],
    ]);
    expect(PRESETS["service-zones-2016"].dimensions).toEqual(PRESETS["henan-2013"].dimensions);
  });

  it("gives the three henan-2013 awards 5,000,000 each, exclusive, in order", () => {
    expect(PRESETS["henan-2013"].awards.map((a) => [a.key, a.nameZh, a.selection, a.prizeYuan, a.exclusive, a.provenance])).toEqual([
      ["strong", "十强", { kind: "top", count: 10, metric: { kind: "composite" } }, 5_000_000, true, "official"],
      ["fast", "十快", { kind: "top", count: 10, metric: { kind: "rankChange" } }, 5_000_000, true, "official"],
      ["advanced", "十先进", { kind: "top", count: 10, metric: { kind: "dimensions", dimensions: ["cluster", "green"] } }, 5_000_000, true, "official"],
    ]);
  });

  it("ships henan-2017 with its six dimensions and two awards", () => {
    const r = PRESETS["henan-2017"];
    expect(r.dimensions.map((d) => [d.key, d.nameZh, d.weight])).toEqual([
      ["economy", "经济总量", 20],
      ["quality", "质量效益", 25],
      ["innovation", "科技创新", 20],
      ["cluster", "集群发展", 15],
      ["green", "绿色环保", 15],
      ["projects", "项目建设", 5],
    ]);
    expect(r.awards.map((a) => [a.key, a.selection, a.prizeYuan, a.exclusive])).toEqual([
      ["excellent", { kind: "top", count: 20, metric: { kind: "composite" } }, 5_000_000, true],
      ["firstStar", { kind: "firstStar" }, 3_000_000, false],
    ]);
  });

  it("hands out copies that callers may edit", () => {
    const copy = preset("henan-2013");
    copy.dimensions[0].weight = 1;
    expect(PRESETS["henan-2013"].dimensions[0].weight).toBe(40);
    expect(getPreset("nope")).toBeUndefined();
    expect(getPreset("toString")).toBeUndefined();
  });
});

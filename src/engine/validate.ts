// Checks a rule set before it is used and reports every problem at once, each with a dotted path
// into the Rules object that the rules-sheet reader maps back to a cell.
import type { AwardRule, DimensionRule, ExitRule, Issue, Rules, StarRules } from "./types";
import { STAR_INDICATORS } from "./types";
import { isIndicatorKey } from "./indicators";
import { MAX_STARS } from "./stars";

const METHODS: ReadonlySet<string> = new Set(["minmax", "p90cap", "zscore", "target"]);
const POLICIES: ReadonlySet<string> = new Set(["zero", "mean"]);
const PROVENANCES: ReadonlySet<string> = new Set(["official", "otherProvince", "inferred"]);

/**
 * Dimension and award keys become property names in the results (points per dimension, the JSON's
 * award lists): "__proto__" would vanish there and an Object.prototype member such as "constructor"
 * or "toString" would collide with what every object inherits, so none of them can be a key.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/**
 * Points are summed in floating point, whose rounding can add a few units in the last place; a
 * weight total within a factor of 2 of the largest double would leave no room for that.
 */
const MAX_WEIGHT_TOTAL = Number.MAX_VALUE / 2;

type Params = Record<string, string | number>;

class RulesIssues {
  readonly list: Issue[] = [];
  add(code: string, path: string, params: Params = {}): void {
    this.list.push({ severity: "error", code, params: { path, ...params } });
  }
}

/** A value as a message can show it: numbers stay numbers, anything odd becomes text. */
function shown(v: unknown): string | number {
  return typeof v === "number" && Number.isFinite(v) ? v : String(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function isInteger(v: unknown): v is number {
  return isFiniteNumber(v) && Number.isInteger(v);
}

/**
 * Rules from a JSON file or a sheet can lack whole parts (no "stars", a null award); an absent part
 * reads as an empty one, so each field it should hold is reported instead of thrown on.
 */
function part<T>(v: T | null | undefined): T {
  return (typeof v === "object" && v !== null ? v : {}) as T;
}

/** The `kind` of a tagged value that failed every known tag (rules read from a sheet can hold anything). */
function kindOf(tagged: unknown): unknown {
  return typeof tagged === "object" && tagged !== null ? (tagged as { kind?: unknown }).kind : tagged;
}

function checkWeight(v: unknown, path: string, out: RulesIssues): void {
  if (!isFiniteNumber(v) || v < 0) out.add("RULES_NEGATIVE_WEIGHT", path, { value: shown(v) });
}

/**
 * Weights that are each valid but whose total no double can hold (two dimensions of 1e308): the
 * largest of them, the likeliest typing error, is reported.
 */
function checkWeightTotal(weights: ReadonlyArray<{ value: unknown; path: string }>, out: RulesIssues): void {
  let total = 0;
  let largest: { value: number; path: string } | undefined;
  for (const { value, path } of weights) {
    if (!isFiniteNumber(value) || value < 0) continue;
    total += value;
    if (largest === undefined || value > largest.value) largest = { value, path };
  }
  if (largest !== undefined && !(total <= MAX_WEIGHT_TOTAL)) out.add("RULES_WEIGHT_TOO_LARGE", largest.path, { value: largest.value });
}

/** Names and keys are printed in the sheets and results; a missing one would print as "undefined". */
function checkName(v: unknown, path: string, out: RulesIssues): v is string {
  if (typeof v === "string" && v.trim() !== "") return true;
  out.add("RULES_MISSING_NAME", path, v === undefined ? {} : { value: shown(v) });
  return false;
}

function checkKey(v: unknown, path: string, out: RulesIssues): void {
  if (checkName(v, path, out) && RESERVED_KEYS.has(v)) out.add("RULES_RESERVED_KEY", path, { value: v });
}

/** A key that is not text at all is checkKey's to report, not a duplicate. */
function checkDuplicate(key: unknown, path: string, seen: Set<string>, out: RulesIssues): void {
  if (typeof key !== "string") return;
  if (seen.has(key)) out.add("RULES_DUPLICATE_KEY", path, { value: key });
  seen.add(key);
}

function checkProvenance(v: unknown, path: string, out: RulesIssues): void {
  if (typeof v !== "string" || !PROVENANCES.has(v)) out.add("RULES_BAD_PROVENANCE", path, { value: shown(v) });
}

function checkDimension(given: DimensionRule, d: number, out: RulesIssues): void {
  const dim = part(given);
  const path = `dimensions.${d}`;
  checkKey(dim.key, `${path}.key`, out);
  checkName(dim.nameZh, `${path}.nameZh`, out);
  checkName(dim.nameEn, `${path}.nameEn`, out);
  checkWeight(dim.weight, `${path}.weight`, out);
  checkProvenance(dim.provenance, `${path}.provenance`, out);
  const indicators = Array.isArray(dim.indicators) ? dim.indicators : [];
  if (indicators.length === 0) out.add("RULES_EMPTY_DIMENSION", `${path}.indicators`, { value: String(dim.key) });
  indicators.forEach((given, i) => {
    const ind = part(given);
    const ip = `${path}.indicators.${i}`;
    if (!isIndicatorKey(ind.key)) out.add("RULES_UNKNOWN_INDICATOR", `${ip}.key`, { value: String(ind.key) });
    checkWeight(ind.weight, `${ip}.weight`, out);
    if (!METHODS.has(ind.method)) out.add("RULES_UNKNOWN_METHOD", `${ip}.method`, { value: String(ind.method) });
    else if (ind.method === "target" && !(isFiniteNumber(ind.target) && ind.target > 0)) {
      const params: Params = { indicator: String(ind.key) };
      if (ind.target !== undefined) params.value = shown(ind.target);
      out.add("RULES_TARGET_MISSING", `${ip}.target`, params);
    }
    checkProvenance(ind.provenance, `${ip}.provenance`, out);
  });
  checkWeightTotal(
    indicators.map((ind, i) => ({ value: part(ind).weight, path: `${path}.indicators.${i}.weight` })),
    out,
  );
}

function checkDimensions(rules: Rules, out: RulesIssues): void {
  const dims = Array.isArray(rules.dimensions) ? rules.dimensions : [];
  if (dims.length === 0) out.add("RULES_NO_DIMENSIONS", "dimensions");
  const seen = new Set<string>();
  dims.forEach((dim, d) => {
    checkDuplicate(part(dim).key, `dimensions.${d}.key`, seen, out);
    checkDimension(dim, d, out);
  });
  checkWeightTotal([...dims.map((dim, d) => ({ value: part(dim).weight, path: `dimensions.${d}.weight` })), { value: rules.bonusCap, path: "bonusCap" }], out);
}

function checkStars(rules: Rules, out: RulesIssues): void {
  const stars = part(rules.stars);
  const levels = (Array.isArray(stars.levels) ? stars.levels : []).map((l) => part(l));
  if (levels.length !== MAX_STARS) out.add("RULES_BAD_LEVELS", "stars.levels", { value: levels.length, expected: MAX_STARS });
  const ladder: { path: string; level: number; t: StarRules["gate"] }[] = [{ path: "stars.gate", level: 0, t: part(stars.gate) }];
  levels.forEach((l, i) => {
    if (l.level !== i + 1) out.add("RULES_BAD_LEVELS", `stars.levels.${i}.level`, { value: shown(l.level), expected: i + 1 });
    ladder.push({ path: `stars.levels.${i}`, level: i + 1, t: l });
  });
  for (const step of ladder) checkProvenance(step.t.provenance, `${step.path}.provenance`, out);
  for (const key of STAR_INDICATORS) {
    let previous: { level: number; value: number } | null = null;
    for (const step of ladder) {
      const value = step.t[key];
      if (!isFiniteNumber(value) || value < 0) {
        out.add("RULES_BAD_THRESHOLD", `${step.path}.${key}`, { value: shown(value) });
        continue;
      }
      if (previous !== null && value < previous.value) {
        out.add("RULES_THRESHOLD_DECREASING", `${step.path}.${key}`, { indicator: key, value, previous: previous.value, level: step.level, previousLevel: previous.level });
      }
      previous = { level: step.level, value };
    }
  }
  if (!isInteger(stars.minIndicatorsMet) || stars.minIndicatorsMet < 1 || stars.minIndicatorsMet > 3) {
    out.add("RULES_BAD_OPTION", "stars.minIndicatorsMet", { value: shown(stars.minIndicatorsMet), min: 1, max: 3 });
  }
  if (stars.maxStepPerYear !== null && !(isInteger(stars.maxStepPerYear) && stars.maxStepPerYear >= 1)) {
    out.add("RULES_BAD_OPTION", "stars.maxStepPerYear", { value: shown(stars.maxStepPerYear), min: 1 });
  }
  if (typeof stars.vetoBlocksPromotion !== "boolean") out.add("RULES_BAD_OPTION", "stars.vetoBlocksPromotion", { value: shown(stars.vetoBlocksPromotion) });
  checkProvenance(stars.provenance, "stars.provenance", out);
}

function checkAward(given: AwardRule, a: number, dimensionKeys: ReadonlySet<string>, out: RulesIssues): void {
  const award = part(given);
  const path = `awards.${a}`;
  checkKey(award.key, `${path}.key`, out);
  checkName(award.nameZh, `${path}.nameZh`, out);
  checkName(award.nameEn, `${path}.nameEn`, out);
  checkProvenance(award.provenance, `${path}.provenance`, out);
  if (!isFiniteNumber(award.prizeYuan) || award.prizeYuan < 0) out.add("RULES_BAD_OPTION", `${path}.prizeYuan`, { value: shown(award.prizeYuan), min: 0 });
  if (typeof award.exclusive !== "boolean") out.add("RULES_BAD_OPTION", `${path}.exclusive`, { value: shown(award.exclusive) });
  const selection = award.selection;
  if (selection?.kind === "firstStar") return;
  if (selection?.kind !== "top") {
    out.add("RULES_BAD_OPTION", `${path}.selection.kind`, { value: shown(kindOf(selection)) });
    return;
  }
  if (!isInteger(selection.count) || selection.count < 1) out.add("RULES_BAD_OPTION", `${path}.selection.count`, { value: shown(selection.count), min: 1 });
  const metric = selection.metric;
  if (metric?.kind === "composite" || metric?.kind === "rankChange") return;
  if (metric?.kind !== "dimensions") {
    out.add("RULES_BAD_OPTION", `${path}.selection.metric.kind`, { value: shown(kindOf(metric)) });
    return;
  }
  const keys = Array.isArray(metric.dimensions) ? metric.dimensions : [];
  if (keys.length === 0) out.add("RULES_UNKNOWN_DIMENSION", `${path}.selection.metric.dimensions`, { value: "" });
  keys.forEach((key, k) => {
    if (!dimensionKeys.has(key)) out.add("RULES_UNKNOWN_DIMENSION", `${path}.selection.metric.dimensions.${k}`, { value: String(key) });
  });
}

function checkAwards(rules: Rules, out: RulesIssues): void {
  const dimensionKeys = new Set((Array.isArray(rules.dimensions) ? rules.dimensions : []).map((d) => part(d).key));
  const seen = new Set<string>();
  (Array.isArray(rules.awards) ? rules.awards : []).forEach((award, a) => {
    checkDuplicate(part(award).key, `awards.${a}.key`, seen, out);
    checkAward(award, a, dimensionKeys, out);
  });
}

function checkExit(exit: ExitRule, out: RulesIssues): void {
  if (typeof exit !== "object" || exit === null) {
    out.add("RULES_BAD_OPTION", "exit", { value: shown(exit) });
    return;
  }
  if (!isInteger(exit.bottomN) || exit.bottomN < 1) out.add("RULES_BAD_OPTION", "exit.bottomN", { value: shown(exit.bottomN), min: 1 });
  if (!isInteger(exit.window) || exit.window < 1) out.add("RULES_BAD_OPTION", "exit.window", { value: shown(exit.window), min: 1 });
  else if (!isInteger(exit.times) || exit.times < 1 || exit.times > exit.window) out.add("RULES_BAD_OPTION", "exit.times", { value: shown(exit.times), min: 1, max: exit.window });
  if (!PROVENANCES.has(exit.provenance)) out.add("RULES_BAD_PROVENANCE", "exit.provenance", { value: String(exit.provenance) });
}

/** The year-cycle parts of a rule set: the exit rule and the interim targets, both optional. */
function checkYearCycle(rules: Rules, out: RulesIssues): void {
  if (rules.exit !== undefined) checkExit(rules.exit, out);
  if (rules.interimTargets === undefined) return;
  if (!Array.isArray(rules.interimTargets)) {
    out.add("RULES_BAD_OPTION", "interimTargets", { value: shown(rules.interimTargets) });
    return;
  }
  rules.interimTargets.forEach((t, i) => {
    const path = `interimTargets.${i}`;
    if (typeof t !== "object" || t === null) {
      out.add("RULES_BAD_OPTION", path, { value: shown(t) });
      return;
    }
    if (!isIndicatorKey(t.key)) out.add("RULES_UNKNOWN_INDICATOR", `${path}.key`, { value: String(t.key) });
    if (!isInteger(t.year) || t.year < 1900) out.add("RULES_BAD_OPTION", `${path}.year`, { value: shown(t.year), min: 1900 });
    if (!(isFiniteNumber(t.value) && t.value > 0)) out.add("RULES_TARGET_MISSING", `${path}.value`, { indicator: String(t.key), value: String(t.value) });
    if (!PROVENANCES.has(t.provenance)) out.add("RULES_BAD_PROVENANCE", `${path}.provenance`, { value: String(t.provenance) });
  });
}

/** What a rules file holds instead of an object, as its JSON text (shortened), the same in every language. */
function asJson(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Every problem of `rules` as an error Issue (empty when the rules are usable). */
export function validateRules(rules: Rules): Issue[] {
  const out = new RulesIssues();
  // A file holding null, a list or a number is not a rule set with parts missing: one issue says so.
  if (typeof rules !== "object" || rules === null || Array.isArray(rules)) {
    out.add("RULES_NOT_AN_OBJECT", "", { value: asJson(rules) });
    return out.list;
  }
  checkDimensions(rules, out);
  checkStars(rules, out);
  checkAwards(rules, out);
  checkName(rules.id, "id", out);
  checkName(rules.nameZh, "nameZh", out);
  checkName(rules.nameEn, "nameEn", out);
  checkProvenance(rules.bonusCapProvenance, "bonusCapProvenance", out);
  if (!isFiniteNumber(rules.bonusCap) || rules.bonusCap < 0) out.add("RULES_BAD_OPTION", "bonusCap", { value: shown(rules.bonusCap), min: 0 });
  if (!POLICIES.has(rules.missingPolicy)) out.add("RULES_BAD_OPTION", "missingPolicy", { value: shown(rules.missingPolicy) });
  if (!isInteger(rules.plaqueMinStars) || rules.plaqueMinStars < 0 || rules.plaqueMinStars > MAX_STARS) {
    out.add("RULES_BAD_OPTION", "plaqueMinStars", { value: shown(rules.plaqueMinStars), min: 0, max: MAX_STARS });
  }
  checkYearCycle(rules, out);
  return out.list;
}

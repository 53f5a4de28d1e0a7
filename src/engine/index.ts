// The rating engine's public surface: pure functions over the types in ./types.
export * from "./types";
export { rate } from "./rate";
export { validateRules } from "./validate";
export { PRESETS, PRESET_IDS, DEFAULT_PRESET_ID, getPreset } from "./presets";
export { ENGINE_ISSUE_CODES, MAX_MISSING_WARNINGS_PER_INDICATOR, type EngineIssueCode } from "./issueCodes";
export { LOWER_IS_BETTER, DERIVED_INPUTS, deriveIndicators, isIndicatorKey } from "./indicators";
export { percentileInc } from "./stats";
export { MAX_STARS } from "./stars";
export { analyseRobustness, ROBUSTNESS_DEFAULTS, ALTERNATIVE_METHODS } from "./robustness";
export type { RobustnessOptions, RobustnessResult, RobustnessSettings, ZoneRobustness, AwardRobustness, AwardChance, IndicatorMethods } from "./robustness";
export { seededRandom } from "./random";

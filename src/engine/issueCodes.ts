// The engine's issue codes in one place, so the room that writes messages can cover every one.

/**
 * Every issue code the engine emits, with its params. Rules problems are errors from
 * `validateRules`; the rest are warnings from `rate`.
 *
 * Rules (severity "error"; no sheet/cell: `params.path` is a dotted path into the Rules object,
 * e.g. "dimensions.2.indicators.0.weight", "stars.levels.3.tax", "awards.1.selection.count"):
 * - RULES_NO_DIMENSIONS        {path}                        the rules have no dimension
 * - RULES_EMPTY_DIMENSION      {path, value: dimension key}  a dimension has no indicator
 * - RULES_NEGATIVE_WEIGHT      {path, value}                 a weight is negative or not a finite number (value as text then)
 * - RULES_UNKNOWN_INDICATOR    {path, value}                 not an IndicatorKey
 * - RULES_UNKNOWN_METHOD       {path, value}                 not minmax / p90cap / zscore / target
 * - RULES_TARGET_MISSING       {path, indicator, value?}     method "target" without a finite target > 0
 * - RULES_BAD_THRESHOLD        {path, value}                 a star threshold is negative or not a finite number
 * - RULES_THRESHOLD_DECREASING {path, indicator, value, previous, level, previousLevel}
 *                                                            a level's threshold is below the level under it
 *                                                            (level/previousLevel: 0 = gate, 1..6 = stars)
 * - RULES_BAD_LEVELS           {path, value, expected}       not exactly 6 levels (path "stars.levels"), or a
 *                                                            level numbered out of order (path "stars.levels.N.level")
 * - RULES_BAD_OPTION           {path, value, min?, max?}     an option out of range: minIndicatorsMet (1..3),
 *                                                            maxStepPerYear (null or integer ≥ 1), bonusCap (≥ 0),
 *                                                            missingPolicy (zero|mean), vetoBlocksPromotion,
 *                                                            plaqueMinStars (0..6), award count (integer ≥ 1),
 *                                                            award prize (≥ 0), award selection / metric kind
 * - RULES_DUPLICATE_KEY        {path, value}                 a dimension key or award key used twice
 * - RULES_UNKNOWN_DIMENSION    {path, value}                 an award metric names a dimension the rules lack
 * - RULES_NOT_AN_OBJECT        {path: "", value}             the rules are not an object at all (a rules file holding
 *                                                            null, a list, a number); value: null, array, number, …
 * - RULES_MISSING_NAME         {path, value?}                id, nameZh, nameEn, or a dimension's / award's key, nameZh
 *                                                            or nameEn is missing, blank or not text
 * - RULES_RESERVED_KEY         {path, value}                 a dimension or award key is an Object.prototype name
 *                                                            (__proto__, constructor, toString, …) or "prototype"
 * - RULES_BAD_PROVENANCE       {path, value}                 a provenance is not official / otherProvince / inferred
 * - RULES_WEIGHT_TOO_LARGE     {path, value}                 valid weights whose total exceeds half the largest double:
 *                                                            a dimension's indicator weights, or the dimension weights
 *                                                            with the bonus cap; path names the largest of them
 *
 * Rating (severity "warning"; sheet/cell from ZoneInput.source where known, zone set where one zone is concerned):
 * - MISSING_VALUE              {indicator, policy, input}    a zone lacks a value the rules score; cell = the
 *                                                            missing input's cell (for a derived indicator, the
 *                                                            input that is blank, or the divisor that is 0)
 * - DERIVED_OUT_OF_RANGE       {indicator, policy, input, value}
 *                                                            both inputs of a derived indicator are there but the
 *                                                            result is beyond the double range (a vaPrev of 1e-320):
 *                                                            missing, scored per policy; cell = the input farther from
 *                                                            1 in orders of magnitude, value = that input's value
 * - MISSING_VALUE_MORE         {indicator, policy, count}    further MISSING_VALUE warnings for that indicator,
 *                                                            summed up after the first MAX_MISSING_WARNINGS_PER_INDICATOR
 * - MISSING_COLUMN             {indicator, policy, columns}  the rules score an indicator whose input column(s)
 *                                                            (comma-joined) are absent from the table; once per indicator
 * - FAST_FALLBACK_GROWTH       {award, awardZh, awardEn}     no prevRank column: the rank-change award ranks by vaGrowth
 * - AWARD_TIE_LAST_PLACE       {award, awardZh, awardEn, zones}
 *                                                            the tie-break chain cannot split the last place; every
 *                                                            tied zone (comma-joined names) is taken in: 需人工确认
 *   (award is the rule's key; awardZh / awardEn its names, which messages show)
 */
export const ENGINE_ISSUE_CODES = [
  "RULES_NO_DIMENSIONS",
  "RULES_EMPTY_DIMENSION",
  "RULES_NEGATIVE_WEIGHT",
  "RULES_UNKNOWN_INDICATOR",
  "RULES_UNKNOWN_METHOD",
  "RULES_TARGET_MISSING",
  "RULES_BAD_THRESHOLD",
  "RULES_THRESHOLD_DECREASING",
  "RULES_BAD_LEVELS",
  "RULES_BAD_OPTION",
  "RULES_DUPLICATE_KEY",
  "RULES_UNKNOWN_DIMENSION",
  "RULES_NOT_AN_OBJECT",
  "RULES_MISSING_NAME",
  "RULES_RESERVED_KEY",
  "RULES_BAD_PROVENANCE",
  "RULES_WEIGHT_TOO_LARGE",
  "MISSING_VALUE",
  "DERIVED_OUT_OF_RANGE",
  "MISSING_VALUE_MORE",
  "MISSING_COLUMN",
  "FAST_FALLBACK_GROWTH",
  "AWARD_TIE_LAST_PLACE",
] as const;

export type EngineIssueCode = (typeof ENGINE_ISSUE_CODES)[number];

/** MISSING_VALUE warnings listed per indicator before the rest are summed up in one MISSING_VALUE_MORE. */
export const MAX_MISSING_WARNINGS_PER_INDICATOR = 50;

// Unit conversion for headers that state a unit other than the column's canonical one (SPEC §2).
import type { CanonicalUnit, ColumnSpec } from "./columns";

/** Factor that turns a value in the given unit into the canonical unit. */
const FACTORS: Record<CanonicalUnit, Record<string, number>> = {
  亿元: { 亿元: 1, 亿: 1, 万元: 1 / 10_000, 元: 1 / 100_000_000, "100myuan": 1, "100mcny": 1, "10kyuan": 1 / 10_000, "10kcny": 1 / 10_000, yuan: 1 / 100_000_000, cny: 1 / 100_000_000 },
  万人: { 万人: 1, 人: 1 / 10_000, "10kpersons": 1, "10kpeople": 1, persons: 1 / 10_000, people: 1 / 10_000 },
  亩: { 亩: 1, 公顷: 15, 平方公里: 1_500, mu: 1, ha: 15, hectares: 15, km2: 1_500, sqkm: 1_500 },
  "%": { "%": 1, 百分比: 1, percent: 1 },
  "吨标准煤/万元": { "吨标准煤/万元": 1, "吨标煤/万元": 1, "tce/万元": 1, "tce/10kyuan": 1 },
  分: { 分: 1, points: 1, pts: 1 },
  "": {},
};

/** Units that only label a unitless column (counts, levels, ranks). */
const LABEL_ONLY = new Set(["名", "位", "名次", "位次", "星", "级", "星级", "个", "rank", "stars", "level"]);

/**
 * The factor to apply for a header's unit, or undefined when the unit is unknown for this column.
 * A header with no unit is taken to be in the canonical unit.
 */
export function unitFactor(spec: ColumnSpec, unit: string | undefined): number | undefined {
  if (unit === undefined || unit === "") return 1;
  const u = unit.toLowerCase();
  if (spec.kind === "text") return 1;
  if (spec.unit === "") return LABEL_ONLY.has(u) ? 1 : undefined;
  // The unit is user text: only the table's own entries count, not "constructor" or "__proto__" from Object.prototype.
  const factors = FACTORS[spec.unit];
  return Object.prototype.hasOwnProperty.call(factors, u) ? factors[u] : undefined;
}

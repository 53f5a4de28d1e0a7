// Table and rule builders for the engine tests: small, explicit, every number visible in the test.
import type { AwardRule, DimensionRule, IndicatorKey, IndicatorRule, NormMethod, RatingResult, RawIndicatorKey, Rules, StarRules, ZoneInput, ZoneResult, ZoneTable } from "../../src/engine/types";
import { RAW_INDICATOR_KEYS } from "../../src/engine/types";

export type ZoneExtras = Omit<Partial<ZoneInput>, "zone" | "values">;

export function zone(name: string, values: Partial<Record<RawIndicatorKey, number>>, extras: ZoneExtras = {}): ZoneInput {
  return { zone: name, city: extras.city ?? "郑州", values, ...extras };
}

/** A table whose columns are every raw indicator some zone has, plus the optional columns some zone uses. */
export function table(zones: ZoneInput[], columns: Partial<ZoneTable["columns"]> = {}): ZoneTable {
  const has = (pick: (z: ZoneInput) => unknown): boolean => zones.some((z) => pick(z) !== undefined);
  return {
    year: 2013,
    zones,
    columns: {
      indicators: RAW_INDICATOR_KEYS.filter((k) => zones.some((z) => z.values[k] !== undefined)),
      prevRank: has((z) => z.prevRank),
      prevStars: has((z) => z.prevStars),
      maxStars: has((z) => z.maxStars),
      bonus: has((z) => z.bonus),
      penalty: has((z) => z.penalty),
      veto: has((z) => z.veto),
      group: has((z) => z.group),
      ...columns,
    },
  };
}

export function ind(key: IndicatorKey, weight: number, method: NormMethod, target?: number): IndicatorRule {
  const rule: IndicatorRule = { key, weight, method, provenance: "inferred" };
  if (target !== undefined) rule.target = target;
  return rule;
}

export function dim(key: string, weight: number, indicators: IndicatorRule[]): DimensionRule {
  return { key, nameZh: key, nameEn: key, weight, indicators, provenance: "inferred" };
}

/** A simple ladder: gate 1/1/1, level L needs 10·L on each of va, tax, emp. */
export function simpleStars(overrides: Partial<StarRules> = {}): StarRules {
  return {
    gate: { va: 1, tax: 1, emp: 1, provenance: "inferred" },
    levels: [1, 2, 3, 4, 5, 6].map((level) => ({ va: 10 * level, tax: 10 * level, emp: 10 * level, level, provenance: "inferred" as const })),
    minIndicatorsMet: 3,
    maxStepPerYear: null,
    vetoBlocksPromotion: true,
    provenance: "inferred",
    ...overrides,
  };
}

export function topAward(key: string, count: number, metric: AwardRule["selection"] extends infer S ? (S extends { kind: "top"; metric: infer M } ? M : never) : never, prizeYuan = 100, exclusive = true): AwardRule {
  return { key, nameZh: key, nameEn: key, selection: { kind: "top", count, metric }, prizeYuan, exclusive, provenance: "inferred" };
}

/** One dimension "d" worth 100 points scoring the given indicators; no awards unless given. */
export function rules(dimensions: DimensionRule[], overrides: Partial<Rules> = {}): Rules {
  return {
    id: "test",
    nameZh: "测试",
    nameEn: "test",
    dimensions,
    bonusCap: 5,
    bonusCapProvenance: "inferred",
    missingPolicy: "zero",
    stars: simpleStars(),
    awards: [],
    plaqueMinStars: 2,
    ...overrides,
  };
}

/** Fields a zone needs to exist in a star-free scoring test: on the gate, no stars. */
export const ON_GATE = { va: 1, tax: 1, emp: 1 } as const;

/** Results by zone name. */
export function byZone(result: RatingResult): Record<string, ZoneResult> {
  return Object.fromEntries(result.zones.map((z) => [z.zone, z]));
}

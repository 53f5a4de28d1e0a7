// Which way each indicator points, and the derived indicators of SPEC §2.
import type { DerivedIndicatorKey, IndicatorKey, RawIndicatorKey, ZoneInput } from "./types";
import { DERIVED_INDICATOR_KEYS, RAW_INDICATOR_KEYS } from "./types";

/** Indicators where a smaller value is the better one (normalisation is reversed for them). */
export const LOWER_IS_BETTER: ReadonlySet<IndicatorKey> = new Set<IndicatorKey>(["energy"]);

export const INDICATOR_KEYS: ReadonlySet<string> = new Set<string>([...RAW_INDICATOR_KEYS, ...DERIVED_INDICATOR_KEYS]);

export function isIndicatorKey(key: unknown): key is IndicatorKey {
  return typeof key === "string" && INDICATOR_KEYS.has(key);
}

export function isDerivedKey(key: IndicatorKey): key is DerivedIndicatorKey {
  return (DERIVED_INDICATOR_KEYS as readonly string[]).includes(key);
}

/** The raw inputs of each derived indicator; `divisor` is the one that must not be 0. */
export const DERIVED_INPUTS: Readonly<Record<DerivedIndicatorKey, { inputs: readonly RawIndicatorKey[]; divisor: RawIndicatorKey }>> = {
  vaGrowth: { inputs: ["va", "vaPrev"], divisor: "vaPrev" },
  taxPerMu: { inputs: ["tax", "landMu"], divisor: "landMu" },
  rdIntensity: { inputs: ["rd", "va"], divisor: "va" },
  energyDrop: { inputs: ["energy", "energyPrev"], divisor: "energyPrev" },
};

/** The raw columns an indicator is read or computed from. */
export function inputsOf(key: IndicatorKey): readonly RawIndicatorKey[] {
  return isDerivedKey(key) ? DERIVED_INPUTS[key].inputs : [key];
}

/** A raw value, or undefined when absent or not a finite number. */
export function rawValue(zone: ZoneInput, key: RawIndicatorKey): number | undefined {
  const v = zone.values[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function ratio(numerator: number | undefined, divisor: number | undefined): number | undefined {
  if (numerator === undefined || divisor === undefined || divisor === 0) return undefined;
  return numerator / divisor;
}

/** vaGrowth %, taxPerMu 万元/亩, rdIntensity %, energyDrop %; a key is left out when it cannot be computed. */
export function deriveIndicators(zone: ZoneInput): Partial<Record<DerivedIndicatorKey, number>> {
  const va = rawValue(zone, "va");
  const vaPrev = rawValue(zone, "vaPrev");
  const tax = rawValue(zone, "tax");
  const energy = rawValue(zone, "energy");
  const energyPrev = rawValue(zone, "energyPrev");
  const derived: Partial<Record<DerivedIndicatorKey, number>> = {};
  const growth = ratio(va === undefined || vaPrev === undefined ? undefined : va - vaPrev, vaPrev);
  if (growth !== undefined) derived.vaGrowth = growth * 100;
  const perMu = ratio(tax === undefined ? undefined : tax * 10000, rawValue(zone, "landMu"));
  if (perMu !== undefined) derived.taxPerMu = perMu;
  const rd = ratio(rawValue(zone, "rd"), va);
  if (rd !== undefined) derived.rdIntensity = rd * 100;
  const drop = ratio(energy === undefined || energyPrev === undefined ? undefined : energyPrev - energy, energyPrev);
  if (drop !== undefined) derived.energyDrop = drop * 100;
  return derived;
}

/** Value of any indicator for a zone, given its derived record. */
export function indicatorValue(zone: ZoneInput, derived: Partial<Record<DerivedIndicatorKey, number>>, key: IndicatorKey): number | undefined {
  return isDerivedKey(key) ? derived[key] : rawValue(zone, key);
}

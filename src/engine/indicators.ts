// Which way each indicator points, and the derived indicators of SPEC §2.
import type { DerivedIndicatorKey, IndicatorKey, RawIndicatorKey, ZoneInput } from "./types";
import { DERIVED_INDICATOR_KEYS, RAW_INDICATOR_KEYS } from "./types";

/** Indicators where a smaller value is the better one (normalisation is reversed for them). */
export const LOWER_IS_BETTER: ReadonlySet<IndicatorKey> = new Set<IndicatorKey>(["energy"]);

export const INDICATOR_KEYS: ReadonlySet<string> = new Set<string>([...RAW_INDICATOR_KEYS, ...DERIVED_INDICATOR_KEYS]);

const DERIVED_KEYS: ReadonlySet<string> = new Set<string>(DERIVED_INDICATOR_KEYS);

export function isIndicatorKey(key: unknown): key is IndicatorKey {
  return typeof key === "string" && INDICATOR_KEYS.has(key);
}

export function isDerivedKey(key: IndicatorKey): key is DerivedIndicatorKey {
  return DERIVED_KEYS.has(key);
}

/**
 * Each derived indicator from its two raw inputs; the second input is the divisor, and where it is
 * 0 (or either input is missing) the indicator has no value.
 */
export const DERIVED_INPUTS: Readonly<Record<DerivedIndicatorKey, { inputs: readonly [RawIndicatorKey, RawIndicatorKey]; formula: (a: number, b: number) => number }>> = {
  vaGrowth: { inputs: ["va", "vaPrev"], formula: (va, vaPrev) => ((va - vaPrev) / vaPrev) * 100 },
  taxPerMu: { inputs: ["tax", "landMu"], formula: (tax, landMu) => (tax * 10000) / landMu },
  rdIntensity: { inputs: ["rd", "va"], formula: (rd, va) => (rd / va) * 100 },
  energyDrop: { inputs: ["energy", "energyPrev"], formula: (energy, energyPrev) => ((energyPrev - energy) / energyPrev) * 100 },
};

/** The raw columns an indicator is read or computed from. */
export function inputsOf(key: IndicatorKey): readonly RawIndicatorKey[] {
  return isDerivedKey(key) ? DERIVED_INPUTS[key].inputs : [key];
}

/** The input that must not be 0. */
export function divisorOf(key: DerivedIndicatorKey): RawIndicatorKey {
  return DERIVED_INPUTS[key].inputs[1];
}

/** A raw value, or undefined when absent or not a finite number. */
export function rawValue(zone: ZoneInput, key: RawIndicatorKey): number | undefined {
  const v = zone.values[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * A derived value from its inputs, or undefined (NaN inputs count as missing). A result beyond the
 * double range (100 over a vaPrev of 1e-320) is no figure at all, so it is missing too, never ±∞;
 * the caller tells the user which input was out of range (extremeInput).
 */
export function deriveValue(key: DerivedIndicatorKey, a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0) return undefined;
  const v = DERIVED_INPUTS[key].formula(a, b);
  return Number.isFinite(v) ? v : undefined;
}

/** How many orders of magnitude a value lies from 1 (0 for 0, which makes no quotient overflow). */
function ordersFromOne(v: number): number {
  return v === 0 ? 0 : Math.abs(Math.log10(Math.abs(v)));
}

/**
 * The input to point at when a derived value left the double range though both inputs are there:
 * the one farther from 1 in orders of magnitude (a vaPrev of 1e-320, a tax of 1e306), the divisor
 * on a tie. That is the figure a user most likely mistyped.
 */
export function extremeInput(key: DerivedIndicatorKey, a: number, b: number): RawIndicatorKey {
  const [first, second] = DERIVED_INPUTS[key].inputs;
  return ordersFromOne(a) > ordersFromOne(b) ? first : second;
}

/** vaGrowth %, taxPerMu 万元/亩, rdIntensity %, energyDrop %; a key is left out when it cannot be computed. */
export function deriveIndicators(zone: ZoneInput): Partial<Record<DerivedIndicatorKey, number>> {
  const derived: Partial<Record<DerivedIndicatorKey, number>> = {};
  for (const key of DERIVED_INDICATOR_KEYS) {
    const [a, b] = DERIVED_INPUTS[key].inputs;
    const v = deriveValue(key, rawValue(zone, a), rawValue(zone, b));
    if (v !== undefined) derived[key] = v;
  }
  return derived;
}

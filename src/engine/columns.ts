// Indicator values by column (one Float64Array per indicator, NaN = missing), read from the zones
// once, so scoring, stars and awards do not look values up zone by zone.
import type { DerivedIndicatorKey, IndicatorKey, RawIndicatorKey, ZoneInput } from "./types";
import { DERIVED_INDICATOR_KEYS } from "./types";
import { DERIVED_INPUTS, deriveValue, isDerivedKey } from "./indicators";

export class IndicatorColumns {
  private readonly cache = new Map<IndicatorKey, Float64Array>();

  constructor(private readonly zones: readonly ZoneInput[]) {}

  get size(): number {
    return this.zones.length;
  }

  of(key: IndicatorKey): Float64Array {
    let column = this.cache.get(key);
    if (!column) {
      column = isDerivedKey(key) ? this.derive(key) : this.read(key);
      this.cache.set(key, column);
    }
    return column;
  }

  /** Each zone's derived values, keys left out where they cannot be computed (ZoneResult.derived). */
  derivedRecords(): Partial<Record<DerivedIndicatorKey, number>>[] {
    const columns = DERIVED_INDICATOR_KEYS.map((key) => this.of(key));
    const records: Partial<Record<DerivedIndicatorKey, number>>[] = new Array(this.zones.length);
    for (let i = 0; i < records.length; i++) {
      const record: Partial<Record<DerivedIndicatorKey, number>> = {};
      for (let k = 0; k < columns.length; k++) if (!Number.isNaN(columns[k][i])) record[DERIVED_INDICATOR_KEYS[k]] = columns[k][i];
      records[i] = record;
    }
    return records;
  }

  private read(key: RawIndicatorKey): Float64Array {
    const column = new Float64Array(this.zones.length);
    for (let i = 0; i < column.length; i++) {
      const v = this.zones[i].values[key];
      column[i] = typeof v === "number" && Number.isFinite(v) ? v : NaN;
    }
    return column;
  }

  private derive(key: DerivedIndicatorKey): Float64Array {
    const [a, b] = DERIVED_INPUTS[key].inputs;
    const first = this.of(a);
    const second = this.of(b);
    const column = new Float64Array(first.length);
    for (let i = 0; i < column.length; i++) column[i] = deriveValue(key, first[i], second[i]) ?? NaN;
    return column;
  }
}

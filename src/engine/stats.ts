// Descriptive statistics the normalisation methods need (SPEC §4.1).

/** Excel PERCENTILE.INC on values sorted ascending: linear between the closest ranks; p in [0, 1]. */
export function percentileInc(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return NaN;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  const low = sortedAscending[lo];
  const high = sortedAscending[hi];
  const gap = high - low;
  // Excel's form, except where the gap between values of opposite sign overflows (−1e308 to 1e308):
  // the weighted mean of the two never leaves the range between them.
  return Number.isFinite(gap) ? low + frac * gap : low * (1 - frac) + high * frac;
}

/** Sum taken in ascending order, so it is the same float whatever the table's row order. */
export function sortedSum(sortedAscending: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < sortedAscending.length; i++) sum += sortedAscending[i];
  return sum;
}

export interface Summary {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (Excel STDEV.P): the zones of a run are the whole population. */
  sd: number;
  p10: number;
  p90: number;
}

/**
 * The power of two at or just below the largest magnitude. Dividing by it is exact, so mean and
 * standard deviation come out bit for bit as the direct formulas give them wherever those work;
 * where they do not, where a square overflows (1e155² = ∞) or underflows (1e-170² = 0: a standard
 * deviation of 0 for values that differ), the scaled values stay within ±2 and the results between
 * −largest and largest, so the summary of finite values is always finite.
 */
function scaleOf(largest: number): number {
  return largest > 0 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}

/** Summary of the finite values; NaN entries are the zones that lack the value. */
export function summarise(values: Float64Array): Summary {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const present = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[k++] = values[i];
  present.sort();
  if (count === 0) return { count, min: NaN, max: NaN, mean: NaN, sd: NaN, p10: NaN, p90: NaN };
  const scale = scaleOf(Math.max(Math.abs(present[0]), Math.abs(present[count - 1])));
  const scaled = present.map((v) => v / scale);
  const scaledMean = sortedSum(scaled) / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (scaled[i] - scaledMean) ** 2;
  return {
    count,
    min: present[0],
    max: present[count - 1],
    mean: scaledMean * scale,
    sd: Math.sqrt(squares / count) * scale,
    p10: percentileInc(present, 0.1),
    p90: percentileInc(present, 0.9),
  };
}

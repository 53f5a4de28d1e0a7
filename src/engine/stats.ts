// Descriptive statistics the normalisation methods need (SPEC §4.1).

/** Excel PERCENTILE.INC on values sorted ascending: linear between the closest ranks; p in [0, 1]. */
export function percentileInc(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return NaN;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  return sortedAscending[lo] + frac * (sortedAscending[hi] - sortedAscending[lo]);
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

/** Summary of the finite values; NaN entries are the zones that lack the value. */
export function summarise(values: Float64Array): Summary {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const present = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[k++] = values[i];
  present.sort();
  const mean = count > 0 ? sortedSum(present) / count : NaN;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (present[i] - mean) ** 2;
  return {
    count,
    min: count > 0 ? present[0] : NaN,
    max: count > 0 ? present[count - 1] : NaN,
    mean,
    sd: count > 0 ? Math.sqrt(squares / count) : NaN,
    p10: percentileInc(present, 0.1),
    p90: percentileInc(present, 0.9),
  };
}

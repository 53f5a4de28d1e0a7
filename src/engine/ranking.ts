// Competition ranking by composite (SPEC §4.4): ties within 1e-9 share a rank (1, 2, 2, 4) and are
// listed by zone name code point, so the order never depends on the input's row order.

export const TIE_EPSILON = 1e-9;

export interface Ranking {
  /** Indices into the input, best first. */
  order: number[];
  /** Per input index. */
  rank: Int32Array;
  tied: Uint8Array;
}

/** A UTF-16 unit moved so that units compare in code-point order: surrogates (characters above U+FFFF) after U+E000–U+FFFF. */
function codePointOrderUnit(unit: number): number {
  return unit < 0xd800 ? unit : unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * Code-point order (not locale order): the same on every machine. JavaScript's `<` compares UTF-16
 * units, which puts a rare character above U+FFFF (CJK extension B, …) before full-width forms.
 */
export function byName(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrderUnit(x) - codePointOrderUnit(y) < 0 ? -1 : 1;
  }
  return a.length - b.length < 0 ? -1 : 1;
}

/** Ranks the subset `indices` (already deterministic in order) by score, descending. */
export function rankBy(scores: ArrayLike<number>, names: readonly string[], indices: number[], rank: Int32Array, tied: Uint8Array): number[] {
  return rankByOrder(scores, (a, b) => byName(names[a], names[b]), indices, rank, tied);
}

/**
 * rankBy with the name order given as a comparator of indices, so a caller that ranks the same
 * zones many times (the robustness analysis) can compare precomputed positions instead of strings.
 */
export function rankByOrder(scores: ArrayLike<number>, nameOrder: (a: number, b: number) => number, indices: number[], rank: Int32Array, tied: Uint8Array): number[] {
  const order = indices.slice().sort((a, b) => scores[b] - scores[a] || nameOrder(a, b));
  let start = 0;
  while (start < order.length) {
    // A tie group is every zone within epsilon of the group's best, so it cannot drift down a chain of near values.
    const lead = scores[order[start]];
    let end = start + 1;
    while (end < order.length && lead - scores[order[end]] <= TIE_EPSILON) end++;
    if (end - start > 1) {
      const group = order.slice(start, end).sort(nameOrder);
      for (let k = 0; k < group.length; k++) order[start + k] = group[k];
    }
    for (let k = start; k < end; k++) {
      rank[order[k]] = start + 1;
      tied[order[k]] = end - start > 1 ? 1 : 0;
    }
    start = end;
  }
  return order;
}

export function rankAll(scores: ArrayLike<number>, names: readonly string[]): Ranking {
  const n = names.length;
  const rank = new Int32Array(n);
  const tied = new Uint8Array(n);
  const all = new Array<number>(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return { order: rankBy(scores, names, all, rank, tied), rank, tied };
}

/** Rank within each city, walking the overall order so each city's ranking uses the same tie groups rule. */
export function rankWithinCities(scores: ArrayLike<number>, names: readonly string[], cities: readonly string[], order: readonly number[]): { rank: Int32Array; tied: Uint8Array } {
  const n = names.length;
  const rank = new Int32Array(n);
  const tied = new Uint8Array(n);
  const byCity = new Map<string, number[]>();
  for (const i of order) {
    const list = byCity.get(cities[i]);
    if (list) list.push(i);
    else byCity.set(cities[i], [i]);
  }
  for (const members of byCity.values()) rankBy(scores, names, members, rank, tied);
  return { rank, tied };
}

// The order cities are listed in: the province's customary order (the order of Henan's official
// documents, by administrative code), then any city it does not know in the order the input gives.

/** Henan's 17 cities and 济源 in the order the province's documents list them. */
export const HENAN_CITY_ORDER: readonly string[] = ["郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "济源"];

/** Where a city's name sits in the customary order ("郑州市" and "郑州" alike; "济源示范区" as 济源); -1 when it is not a city of the list. */
function customaryPlace(city: string): number {
  const name = city.normalize("NFKC").replace(/\s+/g, "");
  return HENAN_CITY_ORDER.findIndex((c) => name.startsWith(c));
}

/**
 * The cities, each once, in the customary order; cities it does not know follow in the order of
 * `inInputOrder` (every city, as the input lists them).
 */
export function orderCities(inInputOrder: readonly string[]): string[] {
  const unique = [...new Set(inInputOrder)];
  const known = unique.filter((c) => customaryPlace(c) >= 0).sort((a, b) => customaryPlace(a) - customaryPlace(b));
  return [...known, ...unique.filter((c) => customaryPlace(c) < 0)];
}

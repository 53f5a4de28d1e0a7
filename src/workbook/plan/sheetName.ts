// Where a plan's sheet name is already taken, the name it gets instead: the same rule in every host.

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/** The name, or "name (2)", "name (3)" … when `taken` (lower-cased names) holds it, as Excel compares names. */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

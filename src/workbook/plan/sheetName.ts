// Where a plan's sheet name is already taken, the name it gets instead: the same rule in every host.

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/** Names Excel keeps for itself (History: the change-tracking sheet); adding a sheet so named fails. */
const RESERVED_SHEET_NAMES: ReadonlySet<string> = new Set(["history"]);

/** Whether Excel refuses a sheet of this name, whatever its case. */
export function isReservedSheetName(name: string): boolean {
  return RESERVED_SHEET_NAMES.has(name.trim().toLowerCase());
}

/** The name, or "name (2)", "name (3)" … when `taken` (lower-cased names) holds it, as Excel compares names, or Excel reserves it. */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  const free = (candidate: string): boolean => !taken.has(candidate.toLowerCase()) && !isReservedSheetName(candidate);
  if (free(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (free(candidate)) return candidate;
  }
}

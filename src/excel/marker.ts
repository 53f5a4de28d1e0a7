// How the add-in recognises its own sheets without trusting their names: a worksheet custom
// property (ExcelApi 1.12) on each sheet, and a very hidden registry sheet of sheet ids, which also
// works on older Excel and lets a run skip reading its own (large) result sheets.
import type { SheetKind } from "../workbook/plan/types";

/** Custom property key; its value is the sheet's kind. */
export const MARKER_KEY = "ZoneRatingAddin.kind";

/** The very hidden sheet listing [sheet id, kind] of every sheet the add-in made. */
export const REGISTRY_SHEET = "ZoneRatingAddin.registry";

/** The registry row ["preset", id] keeps the rule preset of the last run (sheet ids never read "preset"). */
export const PRESET_ROW = "preset";

export const RESULT_KINDS: readonly SheetKind[] = ["stars", "ranking", "byCity", "awards", "promotions", "profile", "details", "validation", "robustness", "carry", "trend", "targets"];

/** 历年评定 is the add-in's, rewritten by runs that keep the history, but read back like the rules: no result. */
const KINDS = new Set<string>([...RESULT_KINDS, "rules", "history"]);

export function isOwnKind(value: unknown): value is SheetKind {
  return typeof value === "string" && KINDS.has(value);
}

export function isResultKind(kind: SheetKind | undefined): boolean {
  return kind !== undefined && RESULT_KINDS.includes(kind);
}

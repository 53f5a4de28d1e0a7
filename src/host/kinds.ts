// The kinds of sheet the add-in writes into an open workbook, as every live host (Excel, WPS)
// treats them: result sheets, replaced by each run, and the sheets it writes but reads back.
import type { SheetKind } from "../workbook/plan/types";

export const RESULT_KINDS: readonly SheetKind[] = ["stars", "ranking", "byCity", "awards", "promotions", "profile", "details", "validation", "robustness", "carry", "trend", "targets"];

/** 历年评定 is the add-in's, rewritten by runs that keep the history, but read back like the rules: no result. */
const KINDS = new Set<string>([...RESULT_KINDS, "rules", "history"]);

export function isOwnKind(value: unknown): value is SheetKind {
  return typeof value === "string" && KINDS.has(value);
}

export function isResultKind(kind: SheetKind | undefined): boolean {
  return kind !== undefined && RESULT_KINDS.includes(kind);
}

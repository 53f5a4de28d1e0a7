// How a rated .xlsx remembers which sheets the CLI wrote: one hidden workbook-level defined name
// per result sheet, pointing at that sheet's A1. Excel rewrites a defined name's reference when
// the sheet is renamed, so a user's rename keeps the mark, and a user's own sheet that only
// shares a name carries none.
import type { SheetKind } from "../workbook/plan/types";
import { MARKER_PATTERN, sheetOfRef } from "../workbook/markers";
import type { DefinedName } from "./package";

export { markerName, quotedSheet, sheetRef } from "../workbook/markers";

/** Sheets the add-in writes for the user to fill in or edit: input, never replaced by a run. */
const INPUT_KINDS: ReadonlySet<string> = new Set<SheetKind>(["rules", "template"]);

/** A result sheet: a run writes it and the next run replaces it. */
export function isResultSheetKind(kind: SheetKind): boolean {
  return !INPUT_KINDS.has(kind);
}

export function isMarker(name: DefinedName): boolean {
  return MARKER_PATTERN.test(name.name);
}

/** Sheet name → kind, for every sheet a marker points at. */
export function ownSheetKinds(names: readonly DefinedName[]): Map<string, SheetKind> {
  const kinds = new Map<string, SheetKind>();
  for (const n of names) {
    const m = MARKER_PATTERN.exec(n.name);
    // Any kind a marker names is the add-in's, including kinds a newer version writes.
    if (!m || n.localSheetId !== undefined) continue;
    const sheet = sheetOfRef(n.text);
    if (sheet !== undefined) kinds.set(sheet, m[1] as SheetKind);
  }
  return kinds;
}

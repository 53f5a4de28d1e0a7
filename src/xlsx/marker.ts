// How a rated .xlsx remembers which sheets the CLI wrote: one hidden workbook-level defined name
// per result sheet, pointing at that sheet's A1. Excel rewrites a defined name's reference when
// the sheet is renamed, so a user's rename keeps the mark, and a user's own sheet that only
// shares a name carries none.
import type { SheetKind } from "../workbook/plan/types";
import type { DefinedName } from "./package";

const PREFIX = "_ZoneRating_";
const MARKER = /^_ZoneRating_([A-Za-z]+)(?:_(\d+))?$/;
/** Sheets the add-in writes for the user to fill in or edit: input, never replaced by a run. */
const INPUT_KINDS: ReadonlySet<string> = new Set<SheetKind>(["rules", "template"]);

/** A result sheet: a run writes it and the next run replaces it. */
export function isResultSheetKind(kind: SheetKind): boolean {
  return !INPUT_KINDS.has(kind);
}

/** The marker's name for the n-th sheet of a kind (a plan too long for one sheet continues on more). */
export function markerName(kind: SheetKind, n: number): string {
  return n === 1 ? `${PREFIX}${kind}` : `${PREFIX}${kind}_${n}`;
}

/** A sheet's name as a formula writes it: quoted, with quotes doubled. */
export function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A reference to the sheet's A1, as a marker holds it. */
export function sheetRef(sheet: string): string {
  return `${quotedSheet(sheet)}!$A$1`;
}

/** The sheet a reference names ("'a''b'!$A$1" → "a'b", "Sheet1!A1" → "Sheet1"), or undefined. */
export function sheetOfRef(ref: string): string | undefined {
  const t = ref.trim().replace(/^=/, "");
  if (t.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'!/.exec(t);
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
  const bang = t.indexOf("!");
  return bang > 0 ? t.slice(0, bang) : undefined;
}

export function isMarker(name: DefinedName): boolean {
  return MARKER.test(name.name);
}

/** Sheet name → kind, for every sheet a marker points at. */
export function ownSheetKinds(names: readonly DefinedName[]): Map<string, SheetKind> {
  const kinds = new Map<string, SheetKind>();
  for (const n of names) {
    const m = MARKER.exec(n.name);
    // Any kind a marker names is the add-in's, including kinds a newer version writes.
    if (!m || n.localSheetId !== undefined) continue;
    const sheet = sheetOfRef(n.text);
    if (sheet !== undefined) kinds.set(sheet, m[1] as SheetKind);
  }
  return kinds;
}

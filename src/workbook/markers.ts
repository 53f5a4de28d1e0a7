// How a workbook remembers which sheets the add-in wrote, where the host keeps defined names (the
// .xlsx writer, WPS 表格): one hidden workbook-level name per sheet, pointing at that sheet's A1.
// Excel (and WPS, which follows its object model) rewrites a defined name's reference when the
// sheet is renamed, so a user's rename keeps the mark, and a user's own sheet that only shares a
// name carries none.
import type { SheetKind } from "./plan/types";

const PREFIX = "_ZoneRating_";
/** A marker's name: the prefix, the kind, and for a continued sheet its number ("_ZoneRating_details_2"). */
export const MARKER_PATTERN = /^_ZoneRating_([A-Za-z]+)(?:_(\d+))?$/;

/** The marker's name for the n-th sheet of a kind (a plan too long for one sheet continues on more). */
export function markerName(kind: SheetKind, n: number): string {
  return n === 1 ? `${PREFIX}${kind}` : `${PREFIX}${kind}_${n}`;
}

/** The kind a defined name marks, or undefined when it is no marker. Any kind counts, including kinds a newer version writes. */
export function markerKind(name: string): string | undefined {
  return MARKER_PATTERN.exec(name)?.[1];
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

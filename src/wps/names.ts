// The workbook's defined names the add-in keeps: one hidden marker per sheet it made (the same
// `_ZoneRating_<kind>` names the .xlsx writer adds, src/workbook/markers.ts), and hidden values
// (the last run's rule preset, the pane's recompute-after-edits switch). Names live inside the
// workbook file, so they come back when it is reopened, in WPS or Excel, and touch no sheet.
import { markerKind, sheetOfRef } from "../workbook/markers";

/** Workbook-level names that are not markers (no "_" after the prefix): the rule preset of the last run. */
export const PRESET_NAME = "_ZoneRatingPreset";

export interface Marker {
  /** The defined name, e.g. "_ZoneRating_ranking". */
  name: string;
  kind: string;
  /** The sheet it points at; undefined once that sheet was deleted (#REF!). */
  sheet?: string;
}

export interface WorkbookNames {
  markers: Marker[];
  /** Hidden values by name, as strings or booleans. */
  values: Map<string, string | boolean>;
}

/** A constant as RefersTo writes it: ="text" (quotes doubled) or =TRUE / =FALSE. */
function constantFormula(value: string | boolean): string {
  return typeof value === "boolean" ? (value ? "=TRUE" : "=FALSE") : `="${value.replace(/"/g, '""')}"`;
}

function constantOf(refersTo: unknown): string | boolean | undefined {
  if (typeof refersTo !== "string") return undefined;
  const text = /^="((?:[^"]|"")*)"$/.exec(refersTo.trim());
  if (text) return text[1].replace(/""/g, '"');
  const flag = /^=(TRUE|FALSE)$/i.exec(refersTo.trim());
  return flag ? flag[1].toUpperCase() === "TRUE" : undefined;
}

function isOurs(name: string): boolean {
  return markerKind(name) !== undefined || name === PRESET_NAME;
}

/** Reads the add-in's names: each name's text, and the reference of ours only. */
export function readNames(wb: Et.Workbook): WorkbookNames {
  const names = wb.Names;
  const count = names.Count;
  const out: WorkbookNames = { markers: [], values: new Map() };
  for (let i = 1; i <= count; i++) {
    const item = names.Item(i);
    const name = item.Name;
    if (!isOurs(name)) continue;
    const refersTo = item.RefersTo;
    const kind = markerKind(name);
    if (kind === undefined) {
      const value = constantOf(refersTo);
      if (value !== undefined) out.values.set(name, value);
      continue;
    }
    const sheet = typeof refersTo === "string" ? sheetOfRef(refersTo) : undefined;
    out.markers.push(sheet === undefined || sheet.startsWith("#REF") ? { name, kind } : { name, kind, sheet });
  }
  return out;
}

/** One hidden value by name; undefined where the workbook has none. */
export function readHiddenValue(wb: Et.Workbook, name: string): string | boolean | undefined {
  let item: Et.Name | undefined;
  try {
    item = wb.Names.Item(name);
  } catch {
    // Names.Item raises an error for a name the workbook does not have, as in Excel.
    return undefined;
  }
  return item ? constantOf(item.RefersTo) : undefined;
}

/** Keeps a value in a hidden name: where the name `exists`, its reference is changed, else it is added. */
export function writeHiddenValue(wb: Et.Workbook, name: string, value: string | boolean, exists: boolean): void {
  const formula = constantFormula(value);
  const names = wb.Names;
  if (exists) names.Item(name).RefersTo = formula;
  else names.Add(name, formula, false);
}

// The names the new sheets of an apply take, the same in every host: the add-in's sheets of the
// replaced kinds give up their names; a name a user's sheet holds gets a suffix and a notice; the
// new sheets are first written under temporary names no sheet holds, so a failure part-way can be
// cleaned up without touching a user's sheet.
import { freeSheetName } from "../workbook/plan/sheetName";
import type { SheetPlan } from "../workbook/plan/types";
import { HOST_NOTICES } from "./notices";
import type { ApplyOptions, ListedSheet } from "./workbook";

export const TEMP_SHEET_PREFIX = "zr~tmp~";

export interface ApplyNames {
  /** The add-in's sheets the new ones replace. */
  replaced: ListedSheet[];
  /** Final names, in plan order. */
  finalNames: string[];
  /** Names to write the new sheets under until all are complete. */
  tempNames: string[];
  notices: string[];
}

export function applyNames(sheets: readonly ListedSheet[], plans: readonly SheetPlan[], opts: Pick<ApplyOptions, "locale" | "replaceKinds">): ApplyNames {
  const replaced = sheets.filter((s) => s.kind !== undefined && opts.replaceKinds.includes(s.kind));
  const taken = new Set(sheets.filter((s) => !replaced.includes(s)).map((s) => s.name.toLowerCase()));
  const notices: string[] = [];
  const finalNames = plans.map((p) => {
    const name = freeSheetName(p.name, taken);
    taken.add(name.toLowerCase());
    if (name !== p.name) notices.push(HOST_NOTICES.renamed(opts.locale, p.name, name));
    return name;
  });
  const allNames = new Set(sheets.map((s) => s.name.toLowerCase()));
  let n = 0;
  const tempNames = plans.map(() => {
    while (allNames.has(`${TEMP_SHEET_PREFIX}${n}`)) n++;
    return `${TEMP_SHEET_PREFIX}${n++}`;
  });
  return { replaced, finalNames, tempNames, notices };
}

export function isTemporarySheet(name: string): boolean {
  return name.startsWith(TEMP_SHEET_PREFIX);
}

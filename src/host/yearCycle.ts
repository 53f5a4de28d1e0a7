// The yearly cycle in an open workbook: the sheets a run reads besides the indicator table (历年评定,
// 名称对照), the sheets it replaces, and 导入上年结果, which joins last year's results into the
// workbook's 历年评定 so that every later run (the button, the ribbon, a recompute on edit) carries
// them forward.
import type { Issue } from "../engine/types";
import type { Locale } from "../i18n/locale";
import { buildHistoryPlan } from "../workbook/plan/history";
import { isSheetNamed } from "../workbook/plan/labels";
import type { SheetKind } from "../workbook/plan/types";
import { hasErrors } from "../workbook/read/prepare";
import type { KindedGrid, PreviousRating } from "../workbook/read/previous";
import { isRulesSheetName } from "../workbook/read/rulesSheet";
import { historyWithImport } from "../workbook/yearCycle";
import type { HistoryImport } from "./host";
import { isResultKind } from "./kinds";
import type { ReadOptions, WorkbookSession, WorkbookState } from "./workbook";

/** Sheets a run reads along with the indicator sheet: by the add-in's kind, or by name for the user's 名称对照. */
export function isYearCycleInput(name: string, kind: SheetKind | undefined): boolean {
  return kind === "history" || isSheetNamed(name, "history") || isSheetNamed(name, "nameMap");
}

/** Whether a read takes a sheet's cells: never a result sheet's; with `sheet`, that one and the sheets every run reads besides. */
export function readsCells(opts: ReadOptions, name: string, kind: SheetKind | undefined): boolean {
  return opts.values && !isResultKind(kind) && (opts.sheet === undefined || name === opts.sheet || isRulesSheetName(name) || isYearCycleInput(name, kind));
}

/** The grids read, each with the kind the add-in knows it by. */
export function kindedGrids(state: WorkbookState): KindedGrid[] {
  const kinds = new Map(state.sheets.map((s) => [s.name, s.kind]));
  return state.grids.map((grid) => {
    const kind = kinds.get(grid.sheet);
    return kind ? { grid, kind } : { grid };
  });
}

/** The add-in's sheets a run replaces: 历年评定 only when this run joined the history. */
export function replacedKinds(resultKinds: readonly SheetKind[], keepsHistory: boolean): SheetKind[] {
  return keepsHistory ? [...resultKinds, "history"] : [...resultKinds];
}

/** Writes the workbook's 历年评定 with last year's results joined in (or, without them, as it stands: an empty one starts it). */
export async function importPreviousInto<S extends WorkbookState>(wb: WorkbookSession<S>, state: S, previous: PreviousRating | undefined, locale: Locale): Promise<HistoryImport> {
  const { history, issues } = historyWithImport(kindedGrids(state), previous, locale);
  const years = [...new Set(history.map((r) => r.year))].sort((a, b) => a - b);
  if (hasErrors(issues)) return { ok: false, years, issues };
  const applied = await wb.apply(state, [buildHistoryPlan(history, locale)], { locale, replaceKinds: ["history"], mark: true, activate: false });
  const out: HistoryImport = { ok: true, sheet: applied.written[0], years, issues: issues.filter((i: Issue) => i.severity === "warning") };
  if (previous?.year !== undefined) out.zones = previous.rows.length;
  return out;
}

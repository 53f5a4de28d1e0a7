// The yearly cycle in the open workbook: the sheets a run reads besides the indicator table (历年评定,
// 名称对照), the sheets it replaces, and 导入上年结果, which joins last year's results into the
// workbook's 历年评定 so that every later run (the button, the ribbon, a recompute on edit) carries
// them forward.
import type { Issue } from "../engine/types";
import type { Locale } from "../i18n/locale";
import { buildHistoryPlan } from "../workbook/plan/history";
import { planLabels } from "../workbook/plan/labels";
import type { SheetKind } from "../workbook/plan/types";
import { hasErrors } from "../workbook/read/prepare";
import type { KindedGrid, PreviousRating } from "../workbook/read/previous";
import { sameWord } from "../workbook/read/rulesLabels";
import { historyWithImport } from "../workbook/yearCycle";
import { applyPlans } from "./apply";
import type { Capabilities } from "./capabilities";
import type { HistoryImport } from "./host";
import type { WorkbookState } from "./read";

/** Sheets a run reads along with the indicator sheet: by the add-in's kind, or by name for the user's 名称对照. */
export function isYearCycleInput(name: string, kind: SheetKind | undefined): boolean {
  const names = (k: SheetKind) => ({ zh: planLabels("zh-CN").sheetNames[k], en: planLabels("en-US").sheetNames[k] });
  return kind === "history" || sameWord(name, names("history")) || sameWord(name, names("nameMap"));
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
export async function importPreviousInto(context: Excel.RequestContext, state: WorkbookState, previous: PreviousRating | undefined, locale: Locale, caps: Capabilities): Promise<HistoryImport> {
  const { history, issues } = historyWithImport(kindedGrids(state), previous, locale);
  const years = [...new Set(history.map((r) => r.year))].sort((a, b) => a - b);
  if (hasErrors(issues)) return { ok: false, years, issues };
  const applied = await applyPlans(context, state, [buildHistoryPlan(history, locale)], { locale, caps, replaceKinds: ["history"], mark: true, activate: false });
  const out: HistoryImport = { ok: true, sheet: applied.written[0], years, issues: issues.filter((i: Issue) => i.severity === "warning") };
  if (previous?.year !== undefined) out.zones = previous.rows.length;
  return out;
}

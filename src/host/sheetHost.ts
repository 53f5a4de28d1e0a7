// RatingHost for any live workbook (Excel through Office.js, WPS 表格 through its JS API):
// read → prepareRun → rate → buildResultPlans → apply, over the host's WorkbookAccess. This is the
// one place a live host's run is put together; a host adds only how to read a grid and apply a plan.
import { DEFAULT_PRESET_ID, getPreset, rate } from "../engine";
import type { Rules } from "../engine/types";
import type { RobustnessResult } from "../engine/robustness";
import { localizeIssues } from "../i18n/issues";
import type { Locale } from "../i18n/locale";
import { parseA1 } from "../workbook/grid";
import { buildResultPlans } from "../workbook/plan/results";
import { buildRobustnessPlan } from "../workbook/plan/robustness";
import { buildRulesSheetPlan, buildTemplateSheetPlan } from "../workbook/plan/rules";
import { findHeader } from "../workbook/read/header";
import { hasErrors, prepareRun } from "../workbook/read/prepare";
import type { PreviousRating } from "../workbook/read/previous";
import { isRulesSheetName } from "../workbook/read/rulesSheet";
import { finishYearCycle, startYearCycle, yearCycleOutcome } from "../workbook/yearCycle";
import type { HistoryImport, RatingHost, RatingInput, RunOptions, RunOutcome, SheetInfo, SheetWritten, WorkbookOverview } from "./host";
import { isResultKind, RESULT_KINDS } from "./kinds";
import { HOST_NOTICES } from "./notices";
import type { WorkbookAccess, WorkbookSession, WorkbookState } from "./workbook";
import { importPreviousInto, kindedGrids, replacedKinds } from "./yearCycle";

function unknownPreset(presetId: string): Error {
  return new Error(`Unknown rule preset: ${presetId}`);
}

/** What the pane shows of a workbook before a run: its sheets, the sheet and rules a run would take, and its zones. */
export function workbookOverview(state: WorkbookState, locale: Locale, asked?: string): WorkbookOverview {
  const presetId = asked ?? state.presetId ?? DEFAULT_PRESET_ID;
  const prepared = prepareRun(state.grids, { presetId, locale });
  const gridOf = new Map(state.grids.map((g) => [g.sheet, g]));
  const fromSheet = prepared.rulesSource === "sheet";
  // An invalid rules sheet has no rules to show: a preset's would pass for the sheet's.
  const rules: Rules | undefined = fromSheet ? prepared.rules : (prepared.rules ?? getPreset(DEFAULT_PRESET_ID));
  if (!rules && !fromSheet) throw unknownPreset(presetId);
  const out: WorkbookOverview = {
    sheets: state.sheets.map((s) => {
      const grid = gridOf.get(s.name);
      const info: SheetInfo = { name: s.name, id: s.id, ownedByAddin: s.kind !== undefined, hasIndicatorTable: grid !== undefined && s.kind === undefined && findHeader(grid) !== undefined, tables: s.tables };
      if (isResultKind(s.kind)) info.role = "result";
      else if (isRulesSheetName(s.name)) info.role = "rules";
      return info;
    }),
    zoneCount: prepared.table?.zones.length ?? 0,
    rulesSource: fromSheet ? "sheet" : "preset",
    presetId,
    issues: prepared.issues,
  };
  if (prepared.sheet !== undefined && prepared.table) out.indicatorSheet = prepared.sheet;
  if (rules) out.rules = rules;
  return out;
}

export function createSheetHost<S extends WorkbookState>(access: WorkbookAccess<S>): RatingHost {
  const session = access.session.bind(access);

  async function overview(locale: Locale, asked?: string): Promise<WorkbookOverview> {
    return session(async (wb) => workbookOverview(await wb.read({ values: true }), locale, asked));
  }

  /**
   * The workbook and what a run of it would rate, last year's figures carried forward from 历年评定:
   * the one reading a rating and the robustness analysis both start from.
   */
  async function readInputOf(wb: WorkbookSession<S>, options: Omit<RunOptions, "onProgress">) {
    const state = await wb.read({ values: true, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    const presetId = options.presetId ?? state.presetId ?? DEFAULT_PRESET_ID;
    const prepared = prepareRun(state.grids, { locale: options.locale, presetId, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    const { table, rules } = prepared;
    if (hasErrors(prepared.issues) || !table || !rules) return { ok: false as const, issues: prepared.issues };
    const cycle = startYearCycle(table, { sheets: kindedGrids(state), locale: options.locale });
    const issues = [...prepared.issues, ...cycle.issues];
    if (hasErrors(cycle.issues)) return { ok: false as const, issues };
    return { ok: true as const, state, presetId, prepared, rules, cycle, issues };
  }

  async function readInput(options: Omit<RunOptions, "onProgress">): Promise<RatingInput> {
    return session(async (wb) => {
      const input = await readInputOf(wb, options);
      return input.ok ? { ok: true, table: input.cycle.table, rules: input.rules, issues: input.issues } : { ok: false, issues: input.issues };
    });
  }

  async function writeRobustnessSheet(result: RobustnessResult, locale: Locale): Promise<SheetWritten> {
    return session(async (wb) => {
      const state = await wb.read({ values: false });
      const applied = await wb.apply(state, [buildRobustnessPlan(result, locale)], { locale, replaceKinds: ["robustness"], mark: true, activate: true });
      return { sheet: applied.written[0], notices: applied.notices };
    });
  }

  async function run(options: RunOptions): Promise<RunOutcome> {
    const { locale } = options;
    const progress = options.onProgress ?? (() => undefined);
    return session(async (wb) => {
      progress(0, HOST_NOTICES.progressRead(locale));
      const input = await readInputOf(wb, options);
      if (!input.ok) return { ok: false, issues: input.issues, sheetsWritten: [], notices: [] };
      const { state, presetId, prepared, rules, cycle } = input;
      progress(0.3, HOST_NOTICES.progressRate(locale));
      const result = rate(cycle.table, rules);
      const cycleEnd = finishYearCycle(cycle, result, locale);
      const issues = [...input.issues, ...localizeIssues(result.issues, locale), ...cycleEnd.issues];
      const plans = [...buildResultPlans({ ...result, issues: [] }, issues, locale, { zonePages: "picker" }), ...cycleEnd.plans];
      progress(0.5, HOST_NOTICES.progressWrite(locale));
      const applied = await wb.apply(state, plans, {
        locale,
        replaceKinds: replacedKinds(RESULT_KINDS, cycle.keepsHistory),
        mark: true,
        activate: options.activate ?? true,
        ...(prepared.rulesSource === "preset" ? { presetId } : {}),
      });
      progress(1, HOST_NOTICES.progressDone(locale));
      return { ok: true, result, issues, sheetsWritten: applied.written, notices: applied.notices, ...yearCycleOutcome(cycle, cycleEnd) };
    });
  }

  async function insertRulesSheet(presetId: string, locale: Locale): Promise<string> {
    const rules = getPreset(presetId);
    if (!rules) throw unknownPreset(presetId);
    return session(async (wb) => {
      const state = await wb.read({ values: false });
      const applied = await wb.apply(state, [buildRulesSheetPlan(rules, locale)], { locale, replaceKinds: ["rules"], mark: true, activate: true });
      return applied.written[0];
    });
  }

  async function insertSampleSheet(locale: Locale): Promise<string> {
    return session(async (wb) => {
      const state = await wb.read({ values: false });
      const applied = await wb.apply(state, [buildTemplateSheetPlan(locale)], { locale, replaceKinds: [], mark: false, activate: true });
      return applied.written[0];
    });
  }

  async function removeResultSheets(): Promise<number> {
    return session(async (wb) => {
      const state = await wb.read({ values: false });
      const results = state.sheets.filter((s) => isResultKind(s.kind));
      if (results.length > 0) await wb.removeSheets(state, results);
      return results.length;
    });
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    parseA1(cell);
    await session((wb) => wb.select(sheet, cell));
  }

  async function importPrevious(previous: PreviousRating | undefined, locale: Locale): Promise<HistoryImport> {
    return session(async (wb) => importPreviousInto(wb, await wb.read({ values: true }), previous, locale));
  }

  return { importPrevious, overview, run, insertRulesSheet, insertSampleSheet, removeResultSheets, selectCell, readInput, writeRobustnessSheet, watchSheets: (listener) => access.watch(listener) };
}

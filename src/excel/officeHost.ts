// RatingHost on Office.js: prepareRun → rate → buildResultPlans → applyPlans, in as few requests as
// the data allows (four for a full recompute of normal size: list, sizes and cells, write, registry;
// five below ExcelApi 1.4, where the cells come after the sizes).
import { DEFAULT_PRESET_ID, getPreset, rate } from "../engine";
import type { Rules } from "../engine/types";
import type { RobustnessResult } from "../engine/robustness";
import { localizeIssues } from "../i18n/issues";
import type { Locale } from "../i18n/locale";
import { parseA1 } from "../workbook/grid";
import { buildResultPlans } from "../workbook/plan/results";
import { buildRulesSheetPlan, buildTemplateSheetPlan } from "../workbook/plan/rules";
import { buildRobustnessPlan } from "../workbook/plan/robustness";
import { findHeader } from "../workbook/read/header";
import { isRulesSheetName } from "../workbook/read/rulesSheet";
import { hasErrors, prepareRun } from "../workbook/read/prepare";
import type { HistoryImport, RatingHost, RatingInput, RunOptions, RunOutcome, SheetInfo, SheetWritten, WorkbookOverview } from "./host";
import { applyPlans } from "./apply";
import { capabilities, type IsSetSupported } from "./capabilities";
import { watchSheets } from "./events";
import { isResultKind, RESULT_KINDS } from "./marker";
import { NOTICES } from "./notices";
import { readWorkbook, type ReadOptions } from "./read";
import { importPreviousInto, kindedGrids, replacedKinds } from "./yearCycle";
import type { PreviousRating } from "../workbook/read/previous";
import { finishYearCycle, startYearCycle, yearCycleOutcome } from "../workbook/yearCycle";

export interface OfficeHostDeps {
  run: typeof Excel.run;
  /** Office.context.requirements.isSetSupported in production; the fake's answer in tests and the demo. */
  isSetSupported: IsSetSupported;
}

function unknownPreset(presetId: string): Error {
  return new Error(`Unknown rule preset: ${presetId}`);
}

export function createOfficeRatingHost(deps: OfficeHostDeps): RatingHost {
  const caps = capabilities(deps.isSetSupported);
  const readOpts = (values: boolean, sheet?: string): ReadOptions => ({ caps, values, ...(sheet !== undefined ? { sheet } : {}) });

  async function overview(locale: Locale, asked?: string): Promise<WorkbookOverview> {
    return deps.run(async (context) => {
      const state = await readWorkbook(context, readOpts(true));
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
    });
  }

  /**
   * The workbook and what a run of it would rate, last year's figures carried forward from 历年评定:
   * the one reading a rating and the robustness analysis both start from.
   */
  async function readInputOf(context: Excel.RequestContext, options: Omit<RunOptions, "onProgress">) {
    const state = await readWorkbook(context, readOpts(true, options.sheet));
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
    return deps.run(async (context) => {
      const input = await readInputOf(context, options);
      return input.ok ? { ok: true, table: input.cycle.table, rules: input.rules, issues: input.issues } : { ok: false, issues: input.issues };
    });
  }

  async function writeRobustnessSheet(result: RobustnessResult, locale: Locale): Promise<SheetWritten> {
    return deps.run(async (context) => {
      const state = await readWorkbook(context, readOpts(false));
      const applied = await applyPlans(context, state, [buildRobustnessPlan(result, locale)], { locale, caps, replaceKinds: ["robustness"], mark: true, activate: true });
      return { sheet: applied.written[0], notices: applied.notices };
    });
  }

  async function run(options: RunOptions): Promise<RunOutcome> {
    const { locale } = options;
    const progress = options.onProgress ?? (() => undefined);
    return deps.run(async (context) => {
      progress(0, NOTICES.progressRead(locale));
      const input = await readInputOf(context, options);
      if (!input.ok) return { ok: false, issues: input.issues, sheetsWritten: [], notices: [] };
      const { state, presetId, prepared, rules, cycle } = input;
      progress(0.3, NOTICES.progressRate(locale));
      const result = rate(cycle.table, rules);
      const cycleEnd = finishYearCycle(cycle, result, locale);
      const issues = [...input.issues, ...localizeIssues(result.issues, locale), ...cycleEnd.issues];
      const plans = [...buildResultPlans({ ...result, issues: [] }, issues, locale, { zonePages: "picker" }), ...cycleEnd.plans];
      progress(0.5, NOTICES.progressWrite(locale));
      const applied = await applyPlans(context, state, plans, {
        locale,
        caps,
        replaceKinds: replacedKinds(RESULT_KINDS, cycle.keepsHistory),
        mark: true,
        activate: options.activate ?? true,
        ...(prepared.rulesSource === "preset" ? { presetId } : {}),
      });
      progress(1, NOTICES.progressDone(locale));
      return { ok: true, result, issues, sheetsWritten: applied.written, notices: applied.notices, ...yearCycleOutcome(cycle, cycleEnd) };
    });
  }

  async function insertRulesSheet(presetId: string, locale: Locale): Promise<string> {
    const rules = getPreset(presetId);
    if (!rules) throw unknownPreset(presetId);
    return deps.run(async (context) => {
      const state = await readWorkbook(context, readOpts(false));
      const applied = await applyPlans(context, state, [buildRulesSheetPlan(rules, locale)], { locale, caps, replaceKinds: ["rules"], mark: true, activate: true });
      return applied.written[0];
    });
  }

  async function insertSampleSheet(locale: Locale): Promise<string> {
    return deps.run(async (context) => {
      const state = await readWorkbook(context, readOpts(false));
      const applied = await applyPlans(context, state, [buildTemplateSheetPlan(locale)], { locale, caps, replaceKinds: [], mark: false, activate: true });
      return applied.written[0];
    });
  }

  async function removeResultSheets(): Promise<number> {
    return deps.run(async (context) => {
      const state = await readWorkbook(context, readOpts(false));
      const results = state.sheets.filter((s) => isResultKind(s.kind));
      if (results.length === 0) return 0;
      const visibleLeft = state.sheets.filter((s) => !results.includes(s) && s.visibility === "Visible").length;
      // Excel keeps at least one visible sheet: add an empty one before the last results go.
      if (visibleLeft === 0) context.workbook.worksheets.add();
      for (const s of results) context.workbook.worksheets.getItem(s.name).delete();
      await context.sync();
      return results.length;
    });
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    parseA1(cell);
    await deps.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async function importPrevious(previous: PreviousRating | undefined, locale: Locale): Promise<HistoryImport> {
    return deps.run(async (context) => importPreviousInto(context, await readWorkbook(context, readOpts(true)), previous, locale, caps));
  }

  return { importPrevious, overview, run, insertRulesSheet, insertSampleSheet, removeResultSheets, selectCell, readInput, writeRobustnessSheet, watchSheets: (listener) => watchSheets(deps.run, caps, listener) };
}

// The rating of a workbook file, from its bytes to the sheet plans of the rated workbook: the
// command line (`npm run rate`) and the offline page's worker both run this, so the same input and
// options give the same sheets. Plain bytes in, plain values out: no files, no Node, no DOM; each
// caller only gets the bytes, writes the plans and tells the user.
import { rate } from "../engine";
import { analyseRobustness, type RobustnessOptions, type RobustnessResult } from "../engine/robustness";
import type { Issue, RatingResult, Rules, ZoneTable } from "../engine/types";
import { localizeIssues } from "../i18n/issues";
import type { Locale } from "../i18n/locale";
import { buildResultPlans, buildValidationPlan } from "../workbook/plan/results";
import { buildRobustnessPlan } from "../workbook/plan/robustness";
import type { SheetKind, SheetPlan } from "../workbook/plan/types";
import { hasErrors, prepareRun } from "../workbook/read/prepare";
import { readPreviousRating, type PreviousRating } from "../workbook/read/previous";
import { finishYearCycle, startYearCycle, type YearCycle, type YearCycleEnd } from "../workbook/yearCycle";
import { readKindedSheets, readXlsxBytes, type XlsxWorkbook } from "./sheets";
import { readWorkbookBytes } from "./sniff";
import { measured } from "./timeline";
import { takenSheetNames } from "./write";

/** The input workbook as read: its bytes (copied into the rated workbook) and its sheets. */
export interface InputWorkbook {
  bytes: Uint8Array;
  book: XlsxWorkbook;
  /** The most zones the run rates (the command line's limit); unset: as many as the reader takes. */
  maxZones?: number;
}

export interface RateWorkbookOptions {
  locale: Locale;
  /** Rate this sheet instead of the first with an indicator header (--sheet). */
  sheet?: string;
  /** The preset used where the workbook has no 评定规则 sheet (--rules PRESET). */
  presetId?: string;
  /** Rules from a file, used where the workbook has no 评定规则 sheet (--rules rules.json). */
  rules?: Rules;
  /** Last year's rated workbook, read (--prev). */
  previous?: PreviousRating;
  /** Start 历年评定 even where the workbook keeps none and nothing is imported (--history). */
  history?: boolean;
  /** Run the robustness analysis with these settings (--robustness N --seed S …). */
  robustness?: Omit<RobustnessOptions, "onProgress">;
  /** Called now and then during the robustness analysis with the draws done so far. */
  onRobustnessProgress?: (done: number, total: number) => void;
  /** Called once the table is read and checked, before it is rated, with its number of zones. */
  onRating?: (zones: number) => void;
}

/** A run stopped by its input: the errors (and warnings) found, and what was known by then. */
export interface RatingStopped {
  ok: false;
  issues: Issue[];
  rules?: Rules;
  year?: number;
}

/** What a run would rate: the table (last year's figures carried in) and rules, read and checked. */
export interface PreparedWorkbook {
  ok: true;
  sheet: string;
  rulesSource: "sheet" | "preset" | "file";
  rules: Rules;
  cycle: YearCycle;
  /** Localised: the input's warnings and the year cycle's. */
  issues: Issue[];
}

export interface RatedWorkbook {
  ok: true;
  sheet: string;
  rulesSource: "sheet" | "preset" | "file";
  result: RatingResult;
  cycle: YearCycle;
  cycleEnd: YearCycleEnd;
  robustness?: RobustnessResult;
  /** Localised: every problem of the run, a result sheet's name taken by a user's sheet included. */
  issues: Issue[];
  /** The result sheets, in the order they are written after the input's own. */
  plans: SheetPlan[];
  /** The problems before the plans' names were checked against the input's sheets. */
  ratingIssues: Issue[];
  /** The input's sheets, whose names the result sheets must not take. */
  inputSheets: ReadonlyArray<{ name: string; kind?: SheetKind }>;
  locale: Locale;
}

/**
 * Reads the input workbook from its bytes; a file that is no .xlsx (or a damaged one, or one past
 * a reading limit) gives the issue that stops the run. With `maxZones`, a longer table stops the
 * read as soon as its rows pass the limit.
 */
export async function readInputWorkbook(bytes: Uint8Array, file: string, locale: Locale, maxZones?: number): Promise<{ input: InputWorkbook } | RatingStopped> {
  const read = await readWorkbookBytes(bytes, file, (b) => readXlsxBytes(b, maxZones === undefined ? {} : { limits: { tableRows: maxZones } }), locale);
  if ("issues" in read) return { ok: false, issues: read.issues };
  return { input: maxZones === undefined ? { bytes, book: read.workbook } : { bytes, book: read.workbook, maxZones } };
}

/** Last year's results from its rated workbook's bytes; a file that is no .xlsx gives the issue that stops the run. */
export async function readPreviousWorkbook(bytes: Uint8Array, file: string, locale: Locale): Promise<PreviousRating> {
  const read = await readWorkbookBytes(bytes, file, (b) => readKindedSheets(b), locale);
  return "issues" in read ? { rows: [], history: [], issues: read.issues } : readPreviousRating(read.workbook, file);
}

/** Kinds of the input's own sheets the cycle reads, though the reader leaves them out as an earlier run's results. */
const READ_BACK: ReadonlySet<SheetKind | undefined> = new Set<SheetKind | undefined>(["history", "nameMap"]);

/**
 * The run's year cycle: the input's history and name map, and last year's results where given. An
 * input rated before holds its 历年评定 as a result sheet, read here once more.
 */
async function startFileYearCycle(table: ZoneTable, input: InputWorkbook, opts: RateWorkbookOptions): Promise<YearCycle> {
  const { book } = input;
  const own = book.sheets.some((s) => READ_BACK.has(s.kind)) ? (await readKindedSheets(input.bytes)).filter((s) => READ_BACK.has(s.kind)) : [];
  const sheets = [...own, ...book.grids.map((grid) => ({ grid }))];
  return startYearCycle(table, { sheets, locale: opts.locale, keepHistory: opts.history === true, ...(opts.previous ? { previous: opts.previous } : {}) });
}

/** Everything before the rating: which sheet and rules, the table, last year carried forward; or the errors that stop the run. */
export async function prepareWorkbook(input: InputWorkbook, opts: RateWorkbookOptions): Promise<PreparedWorkbook | RatingStopped> {
  const { book } = input;
  const prepared = measured("read the table", () => prepareRun(book.grids, {
    locale: opts.locale,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.presetId !== undefined ? { presetId: opts.presetId } : {}),
    ...(opts.rules !== undefined ? { rules: opts.rules } : {}),
  }));
  // Cells the reader left out (far from the data) are reported with the input's other problems.
  prepared.issues.unshift(...localizeIssues(book.issues, opts.locale));
  // The reader stops past the limit and a few header rows; a table just over it stops here.
  if (prepared.table && input.maxZones !== undefined && prepared.table.zones.length > input.maxZones) {
    const sheet = prepared.sheet ?? "";
    prepared.issues.push(...localizeIssues([{ severity: "error", code: "TABLE_TOO_LARGE", sheet, params: { sheet, limit: input.maxZones } }], opts.locale));
  }
  if (hasErrors(prepared.issues) || !prepared.table || !prepared.rules) {
    const stopped: RatingStopped = { ok: false, issues: prepared.issues };
    if (prepared.rules) stopped.rules = prepared.rules;
    if (prepared.table?.year !== undefined) stopped.year = prepared.table.year;
    return stopped;
  }
  const cycle = await startFileYearCycle(prepared.table, input, opts);
  const issues = [...prepared.issues, ...cycle.issues];
  if (hasErrors(cycle.issues)) {
    const stopped: RatingStopped = { ok: false, issues, rules: prepared.rules };
    if (prepared.table.year !== undefined) stopped.year = prepared.table.year;
    return stopped;
  }
  return { ok: true, sheet: prepared.sheet ?? "", rulesSource: prepared.rulesSource, rules: prepared.rules, cycle, issues };
}

/**
 * The result sheets' plans with this robustness analysis (or none); a result sheet that must take
 * another name because a user's sheet holds its own is said in 校验报告 too.
 */
export function withRobustness(rated: RatedWorkbook, robustness: RobustnessResult | undefined): RatedWorkbook {
  const { result, cycleEnd, locale } = rated;
  const issues = [...rated.ratingIssues];
  const plans = measured("plan the sheets", () => [...buildResultPlans(result, issues, locale), ...cycleEnd.plans, ...(robustness ? [buildRobustnessPlan(robustness, locale)] : [])]);
  const taken = takenSheetNames(plans, rated.inputSheets);
  if (taken.length > 0) {
    issues.push(...localizeIssues(taken.map((t) => ({ severity: "warning" as const, code: "SHEET_NAME_TAKEN", params: { wanted: t.wanted, name: t.name } })), locale));
    plans[plans.findIndex((p) => p.kind === "validation")] = buildValidationPlan(result, issues, locale);
  }
  const out: RatedWorkbook = { ...rated, issues, plans };
  if (robustness) out.robustness = robustness;
  else delete out.robustness;
  return out;
}

/** Rates the input workbook and plans its result sheets, or stops on its input's errors. */
export async function rateWorkbook(input: InputWorkbook, opts: RateWorkbookOptions): Promise<RatedWorkbook | RatingStopped> {
  const rated = await rateInput(input, opts);
  return rated.ok ? withRobustness(rated, rated.robustness) : rated;
}

/**
 * Rates the input workbook, its result sheets not planned yet (`withRobustness` plans them), or
 * stops on its input's errors. The rating holds nothing of the input's grids: a caller done with
 * the input lets them go before planning, when a large table's grids are much of its memory.
 */
export async function rateInput(input: InputWorkbook, opts: RateWorkbookOptions): Promise<RatedWorkbook | RatingStopped> {
  const prepared = await prepareWorkbook(input, opts);
  if (!prepared.ok) return prepared;
  const { cycle, rules } = prepared;
  const { locale, robustness: settings } = opts;
  opts.onRating?.(cycle.table.zones.length);
  const result = measured("rate", () => rate(cycle.table, rules));
  const cycleEnd = finishYearCycle(cycle, result, locale);
  const ratingIssues: Issue[] = [...prepared.issues, ...localizeIssues(result.issues, locale), ...cycleEnd.issues];
  const robustness = settings ? measured("robustness analysis", () => analyseRobustness(cycle.table, rules, { ...settings, ...(opts.onRobustnessProgress ? { onProgress: opts.onRobustnessProgress } : {}) })) : undefined;
  const rated: RatedWorkbook = { ok: true, sheet: prepared.sheet, rulesSource: prepared.rulesSource, result, cycle, cycleEnd, issues: ratingIssues, plans: [], ratingIssues, inputSheets: input.book.sheets, locale };
  if (robustness) rated.robustness = robustness;
  return rated;
}

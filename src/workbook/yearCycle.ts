// The yearly cycle around one rating run (年度结转): before it, last year's results and the
// history are read, names matched, and 上年综合排名 / 上年星级 / 历史最高星级 filled in where the
// user's table leaves them out; after it, this year joins the history and the year-cycle sheets
// are planned. Pure: the CLI and the task pane hand in grids and get plans, as for the rating.
import { analyseHistory, carryForward, DEFAULT_EXIT_RULE, exitWarningIssues, HistoryIndex, historyRowsOf, replaceYear, type HistoryRow, type ZoneTrack } from "../engine/history";
import { targetAttainment, type TargetAttainment } from "../engine/targets";
import type { Issue, RatingResult, ZoneInput, ZoneTable } from "../engine/types";
import { localizeYearCycleIssues } from "../i18n/yearCycle";
import type { Locale } from "../i18n/locale";
import { buildCarryPlan, buildHistoryPlan, buildNameMapPlan, buildTargetsPlan, buildTrendPlan, type CarriedRow } from "./plan/history";
import type { ValueSource } from "./plan/historyLabels";
import type { SheetPlan } from "./plan/types";
import { findKindedSheet, readHistorySheet, readNameMap, type KindedGrid, type PreviousRating } from "./read/previous";
import { matchZoneNames, type NameMappingRow, type NameMatch, type Unmatched } from "./read/zoneNames";

export interface YearCycleOptions {
  /** The sheets of the workbook being rated: its 历年评定 and 名称对照 are read from here. */
  sheets: readonly KindedGrid[];
  /** Last year's rated workbook, read (CLI --prev, the pane's 导入上年结果). */
  previous?: PreviousRating;
  /** Start a history even where the workbook keeps none and nothing is imported. */
  keepHistory?: boolean;
  locale: Locale;
}

export interface YearCycle {
  /** The table to rate: the user's, with last year's figures where it had none. */
  table: ZoneTable;
  /** The year rated: the table's title year, else the year after last year's results. */
  year?: number;
  prevYear?: number;
  /** This year's row joins the history (there is one, an import, or it was asked for). */
  keepsHistory: boolean;
  /** Every year known before this run. */
  history: HistoryRow[];
  match?: NameMatch;
  /** This year's zones → their names last year. */
  links: Map<string, string[]>;
  carried: CarriedRow[];
  /** The workbook has a 名称对照 of the user's: it is read, never written over. */
  hasNameMap: boolean;
  /** The 名称对照 entries read (from the user's sheet, or from one an earlier run wrote, which this run writes again). */
  nameMapRows: NameMappingRow[];
  /** Localised. */
  issues: Issue[];
}

export interface YearCycleEnd {
  /** The history with this year in it. */
  history: HistoryRow[];
  tracks: Map<string, ZoneTrack>;
  targets: TargetAttainment;
  /** Localised: 退出预警. */
  issues: Issue[];
  /** The year-cycle sheets, after the result sheets. */
  plans: SheetPlan[];
}

type CarriedKey = "prevRank" | "prevStars" | "maxStars";
const CARRIED_KEYS: readonly CarriedKey[] = ["prevRank", "prevStars", "maxStars"];

function suggestionList(u: Unmatched): string {
  return u.suggestions.map((s) => s.name).join("、");
}

/** Fills the carried figures into one zone; a figure the user typed stays, and a different one is warned at its cell. */
function applyCarried(zone: ZoneInput, imported: Record<CarriedKey, number | null>, prevYear: number | undefined, issues: Issue[]): { zone: ZoneInput; source: ValueSource } {
  const out: ZoneInput = { ...zone };
  let source: ValueSource = "none";
  for (const key of CARRIED_KEYS) {
    const value = imported[key];
    if (value === null) continue;
    const typed = zone[key];
    if (typed === undefined || !Number.isFinite(typed)) {
      out[key] = value;
      if (source === "none" || source === "user") source = "imported";
    } else if (typed !== value) {
      const issue: Issue = { severity: "warning", code: "PREV_VALUE_CONFLICT", zone: zone.zone, params: { column: key, user: typed, imported: value, prevYear: prevYear ?? "" } };
      if (zone.source) {
        issue.sheet = zone.source.sheet;
        issue.cell = zone.source.cells[key] ?? zone.source.zoneCell;
      }
      issues.push(issue);
      source = "conflict";
    } else if (source === "none") source = "user";
  }
  return { zone: out, source };
}

/** Every year of the imported workbook the workbook's own history lacks, and last year's results over their year. */
function joinHistories(own: readonly HistoryRow[], previous: PreviousRating, prevYear: number | undefined): HistoryRow[] {
  const ownYears = new Set(own.map((r) => r.year));
  const joined = [...own, ...previous.history.filter((r) => !ownYears.has(r.year))];
  if (prevYear === undefined || previous.rows.length === 0) return joined;
  return replaceYear(
    joined,
    prevYear,
    previous.rows.map((r) => ({ ...r, year: prevYear })),
  );
}

/** Reads the history and last year's results, matches names, and fills last year's figures into the table. */
export function startYearCycle(table: ZoneTable, opts: YearCycleOptions): YearCycle {
  const issues: Issue[] = [];
  const historyGrid = findKindedSheet(opts.sheets, "history");
  const nameMapGrid = findKindedSheet(opts.sheets, "nameMap");
  const own = historyGrid ? readHistorySheet(historyGrid) : { rows: [], issues: [] };
  issues.push(...own.issues);
  const mapping = nameMapGrid ? readNameMap(nameMapGrid) : [];
  const prev = opts.previous;
  let year = table.year;
  let history = own.rows;
  if (prev) {
    issues.push(...prev.issues);
    const prevYear = prev.year ?? (year !== undefined ? year - 1 : undefined);
    year ??= prevYear === undefined ? undefined : prevYear + 1;
    if (prevYear !== undefined && year !== undefined && prevYear >= year) issues.push({ severity: "error", code: "PREV_YEAR_NOT_BEFORE", params: { prevYear, year } });
    // Without a year anywhere, last year's results still give last year's figures, under a stand-in year that no sheet shows.
    history = year === undefined ? prev.rows.map((r) => ({ ...r, year: 0 })) : joinHistories(own.rows, prev, prevYear);
  }
  const cycleYear = year ?? (prev ? 1 : undefined);
  // A history sheet, even an empty one (the pane's 开始记录历年评定), asks for this year to join it.
  const wanted = prev !== undefined || historyGrid !== undefined || opts.keepHistory === true;
  const keepsHistory = year !== undefined && wanted;
  if (year === undefined && wanted) issues.push({ severity: "warning", code: "HISTORY_NO_YEAR" });

  const index = new HistoryIndex(history);
  const prevYear = cycleYear === undefined ? undefined : index.yearBefore(cycleYear);
  // A 名称对照 an earlier run wrote is written again with its entries; one the user made is left alone.
  const ownNameMap = opts.sheets.some((s) => s.kind === "nameMap");
  const cycle: YearCycle = { table, keepsHistory, history, links: new Map(), carried: [], hasNameMap: nameMapGrid !== undefined && !ownNameMap, nameMapRows: mapping, issues };
  if (year !== undefined) cycle.year = year;
  if (prevYear === undefined || cycleYear === undefined) {
    cycle.issues = localizeYearCycleIssues(issues, opts.locale);
    return cycle;
  }
  const shownPrevYear = year === undefined ? undefined : prevYear;
  if (shownPrevYear !== undefined) cycle.prevYear = shownPrevYear;
  const prevRows = index.rowsOf(prevYear);
  const match = matchZoneNames(
    table.zones.map((z) => z.zone),
    prevRows.map((r) => r.zone),
    mapping,
  );
  cycle.match = match;
  for (const l of match.links) cycle.links.set(l.zone, l.from);
  const carried = carryForward(index, cycleYear, cycle.links);
  const linkOf = new Map(match.links.map((l) => [l.zone, l]));

  const zones = table.zones.map((z) => {
    const c = carried.get(z.zone);
    const link = linkOf.get(z.zone);
    const applied = c ? applyCarried(z, { prevRank: c.prevRank, prevStars: c.prevStars, maxStars: c.maxStars }, shownPrevYear, issues) : { zone: z, source: "none" as const };
    const row: CarriedRow = {
      zone: z.zone,
      city: z.city,
      from: link?.from ?? [],
      kind: link?.kind ?? "none",
      prevRank: c?.prevRank ?? null,
      prevStars: c?.prevStars ?? null,
      maxStars: c?.maxStars ?? null,
      source: applied.source,
    };
    if (link?.rename) row.rename = link.rename;
    cycle.carried.push(row);
    return applied.zone;
  });
  const some = (key: CarriedKey) => zones.some((z) => z[key] !== undefined);
  // New zones (no match) get no 上年星级, and a column that now exists makes them 新评 rather than leaving the status unknown.
  cycle.table = { ...table, zones, columns: { ...table.columns, prevRank: table.columns.prevRank || some("prevRank"), prevStars: table.columns.prevStars || some("prevStars"), maxStars: table.columns.maxStars || some("maxStars") } };

  const zoneCell = new Map(table.zones.map((z) => [z.zone, z.source]));
  for (const u of match.added) {
    const src = zoneCell.get(u.name);
    const issue: Issue = { severity: "warning", code: "ZONE_NOT_IN_PREVIOUS", zone: u.name, params: { prevYear: shownPrevYear ?? "", suggestions: suggestionList(u) } };
    if (src) {
      issue.sheet = src.sheet;
      issue.cell = src.zoneCell;
    }
    issues.push(issue);
  }
  for (const u of match.dropped) {
    const p = index.row(prevYear, u.name);
    issues.push({ severity: "warning", code: "ZONE_DROPPED", zone: u.name, params: { prevYear: shownPrevYear ?? "", stars: p?.stars ?? "", rank: p?.rank ?? "", suggestions: suggestionList(u) } });
  }
  for (const { row, side } of match.unknownInMapping) {
    const issue: Issue = { severity: "warning", code: "NAME_MAP_UNKNOWN", params: { name: side === "prev" ? row.prevName : (row.zone ?? ""), side, prevYear: shownPrevYear ?? "" } };
    if (row.sheet !== undefined) issue.sheet = row.sheet;
    if (row.cell !== undefined) issue.cell = row.cell;
    issues.push(issue);
  }
  cycle.issues = localizeYearCycleIssues(issues, opts.locale);
  return cycle;
}

/** Adds this year to the history, reads streaks and 退出预警 from it, and plans the year-cycle sheets. */
export function finishYearCycle(cycle: YearCycle, result: RatingResult, locale: Locale): YearCycleEnd {
  const targets = targetAttainment(result);
  const plans: SheetPlan[] = [];
  let history = cycle.history;
  let tracks = new Map<string, ZoneTrack>();
  let issues: Issue[] = [];
  if (cycle.match) {
    const prevYear = cycle.prevYear;
    const index = new HistoryIndex(cycle.history);
    const before = prevYear ?? index.years[index.years.length - 1];
    plans.push(buildCarryPlan({ year: cycle.year, prevYear, rows: cycle.carried, match: cycle.match, prevRow: (name) => (before === undefined ? undefined : index.row(before, name)) }, locale));
  }
  if (cycle.keepsHistory && cycle.year !== undefined) {
    const awardName = new Map(result.rules.awards.map((a) => [a.key, locale === "en-US" ? a.nameEn : a.nameZh]));
    history = replaceYear(cycle.history, cycle.year, historyRowsOf(result, cycle.year, cycle.links, (key) => awardName.get(key) ?? key));
    tracks = analyseHistory(history, cycle.year, result.rules.exit ?? DEFAULT_EXIT_RULE);
    issues = localizeYearCycleIssues(exitWarningIssues(result, tracks), locale);
    plans.push(buildHistoryPlan(history, locale), buildTrendPlan(history, tracks, result, locale));
  }
  if (cycle.match && !cycle.hasNameMap && (cycle.match.dropped.length > 0 || cycle.nameMapRows.length > 0)) plans.push(buildNameMapPlan(cycle.match, locale, cycle.nameMapRows));
  if (targets.targets.length > 0) plans.push(buildTargetsPlan(targets, result, locale));
  return { history, tracks, targets, issues, plans };
}

/**
 * The workbook's history with last year's results joined in (their year replaced, earlier years the
 * workbook lacks added): what the pane's 导入上年结果 writes, so every later run carries it forward.
 * Without `previous`, the history as it stands: an empty one starts it.
 */
export function historyWithImport(sheets: readonly KindedGrid[], previous: PreviousRating | undefined, locale: Locale): { history: HistoryRow[]; issues: Issue[] } {
  const grid = findKindedSheet(sheets, "history");
  const own = grid ? readHistorySheet(grid) : { rows: [], issues: [] };
  const issues = [...own.issues, ...(previous?.issues ?? [])];
  if (previous && previous.year === undefined && previous.rows.length > 0) issues.push({ severity: "error", code: "PREV_NO_YEAR" });
  const history = previous ? joinHistories(own.rows, previous, previous.year) : own.rows;
  return { history, issues: localizeYearCycleIssues(issues, locale) };
}

/** What a host tells the pane about the years behind a run: for the trend view and the summary. */
export interface YearCycleOutcome {
  year?: number;
  /** Every year, this one included. */
  history: HistoryRow[];
  targets: TargetAttainment;
  /** Zones with 退出预警. */
  exitWarnings: string[];
}

/** The outcome's year-cycle part, where the run kept a history or checked targets. */
export function yearCycleOutcome(cycle: YearCycle, end: YearCycleEnd): { yearCycle?: YearCycleOutcome } {
  if (!cycle.keepsHistory && end.targets.targets.length === 0) return {};
  const out: YearCycleOutcome = { history: end.history, targets: end.targets, exitWarnings: [...end.tracks.values()].filter((t) => t.exitWarning).map((t) => t.zone) };
  if (cycle.year !== undefined) out.year = cycle.year;
  return { yearCycle: out };
}

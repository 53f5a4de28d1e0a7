// The year-cycle sheets as plans: 历年评定 (the history the next run reads back), 历年趋势 (star
// counts by year with a native chart, and each zone's track), 年度结转 (what was carried forward
// from last year and how each name was matched), 名称对照 (the table the user edits) and 达标情况.
import { starCountsByYear, type HistoryRow, type ZoneTrack } from "../../engine/history";
import type { TargetAttainment } from "../../engine/targets";
import type { Provenance, RatingResult } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import type { NameMappingRow, NameMatch, Unmatched } from "../read/zoneNames";
import { PROVENANCE, word, type Words } from "../read/rulesLabels";
import { addChartRows, addTitle, addHeaderRow, addRow, addSpanningRow, borderRows, centre, finishPlan, fitWidth, formatColumns, KEEP_ROWS, keepWithNext, newDraft, SECTION, type Draft } from "./draft";
import { HISTORY_COLUMNS, HISTORY_NOTE, MATCH_KINDS, NAME_MAP_COLUMNS, NAME_MAP_NOTE, VALUE_SOURCES, type ValueSource } from "./historyLabels";
import { planLabels, sheetTitle, starText, type PlanLabels } from "./labels";
import { indicatorQuantity, numberFormat } from "./quantities";
import type { SheetPlan } from "./types";

const INTEGER = numberFormat("whole");
/** What 名称对照 says for a zone that was closed: one of the words the reader takes as such. */
const DROPPED_WORD: Words = { zh: "撤销", en: "dropped" };
const POINTS = numberFormat("points");
/** Rows a star-count chart is drawn over, and their height: a chart about 250 pt tall. */
const CHART_ROWS = 16;
const CHART_ROW_HEIGHT = 16;
/** Years the trend sheet shows per zone: a decade prints one page wide. */
const TREND_YEARS = 8;

const W = {
  yearsSpan: { zh: "（{from}—{to}年）", en: " ({from}–{to})" },
  countsTitle: { zh: "各年度星级集聚区数量", en: "Star-rated zones by year" },
  countsSection: { zh: "一、各年度星级集聚区数量", en: "1. Star-rated zones by year" },
  zonesSection: { zh: "二、各集聚区历年星级与排名", en: "2. Each zone's stars and rank by year" },
  yearsAtLevel: { zh: "本星级连续年数", en: "Years at this level" },
  maxStars: { zh: "历史最高星级", en: "Highest level" },
  exitWarning: { zh: "退出预警", en: "Exit warning" },
  exitText: { zh: "{years}年居后{n}名或未达门槛", en: "bottom {n} or below the gate in {years}" },
  exitRule: { zh: "退出预警：近{window}年中有{times}年居全省后{n}名或未达门槛（{source}）。", en: "Exit warning: in the bottom {n} of the province or below the gate in {times} of the last {window} years ({source})." },
  starsOf: { zh: "{year}星级", en: "{year} stars" },
  rankOf: { zh: "{year}排名", en: "{year} rank" },
  carryFrom: { zh: "（{year}年结果结转）", en: " (from {year})" },
  prevName: { zh: "上年名称", en: "Last year's name" },
  matchKind: { zh: "对应方式", en: "Matched by" },
  prevRank: { zh: "上年综合排名", en: "Last year's rank" },
  prevStars: { zh: "上年星级", en: "Last year's stars" },
  source: { zh: "来源", en: "Source" },
  renamedNote: { zh: "（{from}→{to}，{year}年）", en: " ({from} → {to}, {year})" },
  droppedTitle: { zh: "一、上年有、本年表中没有的集聚区（如是改名或合并，请在“名称对照”表中填写）", en: "1. Zones of last year missing this year (if renamed or merged, fill in the name map)" },
  carriedTitle: { zh: "二、本年各集聚区的上年结果与名称对应", en: "2. Each zone's results last year and how its name was matched" },
  droppedByMap: { zh: "名称对照表注明已撤销", en: "marked dropped in the name map" },
  suggestions: { zh: "可能对应", en: "Likely matches" },
  none: { zh: "（无）", en: "(none)" },
  target: { zh: "目标", en: "Target" },
  value: { zh: "数值", en: "Value" },
  met: { zh: "达标", en: "Met" },
  margin: { zh: "差距", en: "Margin" },
  metCount: { zh: "达标项数", en: "Targets met" },
  yes: { zh: "是", en: "yes" },
  no: { zh: "否", en: "no" },
  noValue: { zh: "缺数据", en: "no data" },
  targetsSummary: { zh: "目标与达标个数", en: "Targets and zones meeting them" },
  targetRow: { zh: "{name}：目标 {target} {unit}{interim}（{source}）——达标 {met} 个，未达标 {notMet} 个，缺数据 {missing} 个", en: "{name}: target {target} {unit}{interim} ({source}) — met {met}, not met {notMet}, no data {missing}" },
  interim: { zh: "（{year}年阶段目标）", en: " ({year} interim)" },
  allMet: { zh: "全部目标达标的集聚区：{count} 个", en: "Zones meeting every target: {count}" },
  lowerBetter: { zh: "（不高于）", en: " (at most)" },
} satisfies Record<string, Words>;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

class Say {
  readonly l: PlanLabels;
  constructor(readonly locale: Locale) {
    this.l = planLabels(locale);
  }
  w(words: Words, params: Record<string, string | number> = {}): string {
    return fill(word(words, this.locale), params);
  }
  provenance(p: Provenance): string {
    return word(PROVENANCE[p], this.locale);
  }
  join(items: readonly string[]): string {
    return items.join(this.l.listJoin);
  }
}

function yearsTitle(s: Say, kind: SheetPlan["kind"], years: readonly number[]): string {
  if (years.length === 0) return s.l.titles[kind];
  return `${s.l.titles[kind]}${s.w(W.yearsSpan, { from: years[0], to: years[years.length - 1] })}`;
}

const HISTORY_ORDER = Object.keys(HISTORY_COLUMNS) as Array<keyof typeof HISTORY_COLUMNS>;

/** 历年评定: one row per zone and year, in the columns readHistorySheet reads back. */
export function buildHistoryPlan(history: readonly HistoryRow[], locale: Locale): SheetPlan {
  const s = new Say(locale);
  const years = [...new Set(history.map((r) => r.year))].sort((a, b) => a - b);
  const d = newDraft(HISTORY_ORDER.length);
  const title = yearsTitle(s, "history", years);
  addTitle(d, title);
  addSpanningRow(d, s.w(HISTORY_NOTE), { wrap: true });
  const header = addHeaderRow(d, HISTORY_ORDER.map((k) => s.w(HISTORY_COLUMNS[k])));
  for (const r of history) {
    addRow(d, [r.year, r.zone, s.join(r.prevNames), r.city, r.stars, r.status === null ? "" : s.l.statusNames[r.status], r.rank, r.cityRank, r.composite, s.join(r.awards)]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0, 4, 6, 7], header + 1, last, INTEGER);
  formatColumns(d, [8], header + 1, last, POINTS);
  borderRows(d, header + 1, last, true);
  return finishPlan(d, {
    kind: "history",
    labels: s.l,
    title,
    headerRow: header,
    columnWidths: [7, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 12, 30, header + 1), fitWidth(d, 3, 10, 16, header + 1), 8, 10, 9, 9, 9, fitWidth(d, 9, 10, 30, header + 1)],
    orientation: "landscape",
    freezeCols: 2,
  });
}

function exitText(s: Say, track: ZoneTrack | undefined): string {
  const w = track?.exitWarning;
  return w ? s.w(W.exitText, { years: s.join(w.years.map(String)), n: w.rule.bottomN }) : "";
}

/** 历年趋势: star counts by year with their chart, then each zone of this year over the years (on a page of its own, under its header). */
export function buildTrendPlan(history: readonly HistoryRow[], tracks: ReadonlyMap<string, ZoneTrack>, result: RatingResult, locale: Locale): SheetPlan {
  const s = new Say(locale);
  const counts = starCountsByYear(history);
  const years = counts.map((c) => c.year).slice(-TREND_YEARS);
  const width = Math.max(9, 7 + years.length * 2);
  const d = newDraft(width);
  const title = yearsTitle(s, "trend", counts.map((c) => c.year));
  addTitle(d, title);

  if (counts.length > 0) {
    keepWithNext(d, addSpanningRow(d, s.w(W.countsSection), SECTION), 1 + KEEP_ROWS);
    const levels = [0, 1, 2, 3, 4, 5, 6];
    const countsHeader = addHeaderRow(d, [s.w(HISTORY_COLUMNS.year), ...levels.map((l) => s.l.starLevelName(l)), s.l.total]);
    // The year is the chart's category, so it is text: a number there would become a series of its own.
    for (const c of counts) addRow(d, [String(c.year), ...c.counts, c.counts.reduce((a, b) => a + b, 0)]);
    const countsLast = d.rows.length - 1;
    formatColumns(d, [1, 2, 3, 4, 5, 6, 7, 8], countsHeader + 1, countsLast, INTEGER);
    borderRows(d, countsHeader + 1, countsLast);
    addRow(d, []);
    const top = addChartRows(d, CHART_ROWS, CHART_ROW_HEIGHT);
    const bottom = top + CHART_ROWS - 1;
    d.keep.push({ r0: top, r1: bottom });
    d.charts.push({ type: "stackedColumn", title: s.w(W.countsTitle), source: { r0: countsHeader, c0: 0, r1: countsLast, c1: 7 }, anchor: { r0: top, c0: 0, r1: bottom, c1: 8 }, valueAxisTitle: s.l.zoneCountAxis, dataLabels: true });
    d.breaks.push(addSpanningRow(d, s.w(W.zonesSection), SECTION));
    keepWithNext(d, d.rows.length - 1, 1 + KEEP_ROWS);
  }
  const header = addHeaderRow(d, [
    s.l.rank,
    s.l.zone,
    s.l.city,
    s.l.stars,
    s.w(W.yearsAtLevel),
    s.w(W.maxStars),
    s.w(W.exitWarning),
    ...years.flatMap((y) => [s.w(W.starsOf, { year: y }), s.w(W.rankOf, { year: y })]),
  ]);
  for (const z of result.zones) {
    const track = tracks.get(z.zone);
    const byYear = new Map(track?.series.map((p) => [p.year, p]) ?? []);
    addRow(d, [
      z.rank,
      z.zone,
      z.city,
      starText(z.stars, s.l),
      track?.yearsAtLevel ?? 1,
      track?.maxStars ?? z.stars,
      exitText(s, track),
      ...years.flatMap((y) => {
        const p = byYear.get(y);
        return [p?.stars ?? null, p?.rank ?? null];
      }),
    ]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0, 4, 5, ...years.flatMap((_, i) => [7 + 2 * i, 8 + 2 * i])], header + 1, last, INTEGER);
  borderRows(d, header + 1, last, true);
  centre(d, [0, 3], header + 1, last);
  const rule = [...tracks.values()].find((t) => t.exitWarning)?.exitWarning?.rule;
  if (rule) addSpanningRow(d, s.w(W.exitRule, { window: rule.window, times: rule.times, n: rule.bottomN, source: s.provenance(rule.provenance) }), { wrap: true });
  return finishPlan(d, {
    kind: "trend",
    labels: s.l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 16, header + 1), 12, 9, 9, fitWidth(d, 6, 10, 24, header + 1), ...Array<number>(width - 7).fill(8)],
    orientation: "landscape",
    freezeCols: 2,
    freezeRows: counts.length > 0 ? 0 : header + 1,
    titleRows: [header, header],
  });
}

export interface CarriedRow {
  zone: string;
  city: string;
  from: string[];
  kind: keyof typeof MATCH_KINDS;
  /** The administrative change behind a rename, e.g. 许昌县 → 建安区 in 2017. */
  rename?: { from: string; to: string; year: number };
  prevRank: number | null;
  prevStars: number | null;
  maxStars: number | null;
  /** Where the rated figures came from: imported, or the user's own (same or different). */
  source: ValueSource;
}

export interface CarrySummary {
  year?: number;
  prevYear?: number;
  rows: CarriedRow[];
  match: NameMatch;
  /** Last year's level and rank of each zone of last year, for the dropped list. */
  prevRow: (name: string) => HistoryRow | undefined;
}

function suggestionText(s: Say, u: Unmatched): string {
  return u.suggestions.length === 0 ? s.w(W.none) : s.join(u.suggestions.map((x) => x.name));
}

/** 年度结转: last year's zones gone missing (what the user must act on) first, then each zone's figures from last year and how its name was matched. */
export function buildCarryPlan(c: CarrySummary, locale: Locale): SheetPlan {
  const s = new Say(locale);
  const d = newDraft(8);
  const title = `${sheetTitle(s.l, "carry", c.year)}${c.prevYear === undefined ? "" : s.w(W.carryFrom, { year: c.prevYear })}`;
  addTitle(d, title);
  const gone = [...c.match.dropped.map((u) => ({ name: u.name, note: suggestionText(s, u) })), ...c.match.droppedByMapping.map((name) => ({ name, note: s.w(W.droppedByMap) }))];
  if (gone.length > 0) {
    keepWithNext(d, addSpanningRow(d, s.w(W.droppedTitle), { ...SECTION, wrap: true }), 1 + KEEP_ROWS);
    // Likely matches take the rest of the row, merged, and wrap there.
    const spanSuggestions = (r: number): void => {
      d.merges.push({ r0: r, c0: 4, r1: r, c1: 7 });
    };
    const droppedHeader = addHeaderRow(d, [s.w(W.prevName), s.l.city, s.w(W.prevRank), s.w(W.prevStars), s.w(W.suggestions)]);
    spanSuggestions(droppedHeader);
    for (const g of gone) {
      const p = c.prevRow(g.name);
      spanSuggestions(addRow(d, [g.name, p?.city ?? "", p?.rank ?? null, p?.stars ?? null, g.note]));
    }
    const last = d.rows.length - 1;
    formatColumns(d, [2, 3], droppedHeader + 1, last, INTEGER);
    borderRows(d, droppedHeader + 1, last, true);
    addRow(d, []);
    keepWithNext(d, addSpanningRow(d, s.w(W.carriedTitle), SECTION), 1 + KEEP_ROWS);
  }
  const header = addHeaderRow(d, [s.l.zone, s.l.city, s.w(W.prevName), s.w(W.matchKind), s.w(W.prevRank), s.w(W.prevStars), s.w(W.maxStars), s.w(W.source)]);
  for (const r of c.rows) {
    const kind = s.w(MATCH_KINDS[r.kind]) + (r.rename ? s.w(W.renamedNote, r.rename) : "");
    addRow(d, [r.zone, r.city, s.join(r.from), kind, r.prevRank, r.prevStars, r.maxStars, s.w(VALUE_SOURCES[r.source])]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [4, 5, 6], header + 1, last, INTEGER);
  borderRows(d, header + 1, last, true);
  centre(d, [4, 5, 6], header + 1, last);
  return finishPlan(d, {
    kind: "carry",
    labels: s.l,
    title,
    headerRow: header,
    columnWidths: [fitWidth(d, 0, 16, 30, header + 1), fitWidth(d, 1, 10, 16, header + 1), fitWidth(d, 2, 16, 30, header + 1), fitWidth(d, 3, 10, 30, header + 1), 10, 10, 10, fitWidth(d, 7, 10, 30, header + 1)],
    orientation: "landscape",
    freezeCols: 1,
    freezeRows: gone.length > 0 ? 0 : header + 1,
    titleRows: [header, header],
  });
}

/**
 * 名称对照, for the user to fill in: the entries the user already made, then one row per zone of
 * last year still without a match, its likely matches beside it. Never written over a 名称对照 the
 * user made; one this product wrote is written again with the user's entries in it.
 */
export function buildNameMapPlan(match: NameMatch, locale: Locale, decided: readonly NameMappingRow[] = []): SheetPlan {
  const s = new Say(locale);
  const d = newDraft(3);
  addTitle(d, s.l.titles.nameMap);
  addSpanningRow(d, s.w(NAME_MAP_NOTE), { wrap: true });
  const header = addHeaderRow(d, [s.w(NAME_MAP_COLUMNS.prevName), s.w(NAME_MAP_COLUMNS.zone), s.w(NAME_MAP_COLUMNS.suggestions)]);
  for (const r of decided) addRow(d, [r.prevName, r.zone ?? s.w(DROPPED_WORD), ""]);
  for (const u of match.dropped) addRow(d, [u.name, null, suggestionText(s, u)]);
  borderRows(d, header + 1, d.rows.length - 1, true);
  return finishPlan(d, {
    kind: "nameMap",
    labels: s.l,
    title: s.l.titles.nameMap,
    headerRow: header,
    columnWidths: [fitWidth(d, 0, 20, 36, header + 1), 24, fitWidth(d, 2, 20, 60, header + 1)],
    orientation: "portrait",
    freezeCols: 1,
  });
}

/** "亩均税收：目标 15 万元/亩（省文件）——达标 12 个，…", one line per target: the counts the summary and the print show. */
export function targetSummaryLines(t: TargetAttainment, locale: Locale): string[] {
  const s = new Say(locale);
  const lines = t.targets.map((def, i) =>
    s.w(W.targetRow, {
      name: s.l.indicatorNames[def.key] ?? def.key,
      target: def.value,
      unit: (s.l.units[def.key] ?? "") + (def.lowerIsBetter ? s.w(W.lowerBetter) : ""),
      interim: def.interim && t.year !== undefined ? s.w(W.interim, { year: t.year }) : "",
      source: s.provenance(def.provenance),
      met: t.counts[i].met,
      notMet: t.counts[i].notMet,
      missing: t.counts[i].missing,
    }),
  );
  if (t.targets.length > 0) lines.push(s.w(W.allMet, { count: t.allMet }));
  return lines;
}

function targetHeader(d: Draft, s: Say, t: TargetAttainment): number {
  return addHeaderRow(d, [
    s.l.rank,
    s.l.zone,
    s.l.city,
    ...t.targets.flatMap((def) => {
      const name = s.l.indicatorNames[def.key] ?? def.key;
      return [`${name}${s.w(W.value)}`, `${s.w(W.target)}（${s.l.units[def.key] ?? ""}）`, s.w(W.met), s.w(W.margin)];
    }),
    s.w(W.metCount),
  ]);
}

/** 达标情况: the counts per target on top, then each zone against each target. */
export function buildTargetsPlan(t: TargetAttainment, result: RatingResult, locale: Locale): SheetPlan {
  const s = new Say(locale);
  const width = 4 + t.targets.length * 4;
  const d = newDraft(width);
  const title = sheetTitle(s.l, "targets", result.year);
  addTitle(d, title);
  const header = targetHeader(d, s, t);
  for (const z of t.zones) {
    addRow(d, [
      z.rank,
      z.zone,
      z.city,
      ...z.checks.flatMap((c) => [c.value, c.target, c.met === null ? s.w(W.noValue) : s.w(c.met ? W.yes : W.no), c.margin]),
      z.metCount,
    ]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0, width - 1], header + 1, last, INTEGER);
  t.targets.forEach((def, i) => formatColumns(d, [3 + 4 * i, 4 + 4 * i, 6 + 4 * i], header + 1, last, numberFormat(indicatorQuantity(def.key))));
  borderRows(d, header + 1, last);
  addRow(d, []);
  addSpanningRow(d, s.w(W.targetsSummary), SECTION);
  for (const line of targetSummaryLines(t, locale)) addSpanningRow(d, line, {});
  return finishPlan(d, {
    kind: "targets",
    labels: s.l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 16, header + 1), ...t.targets.flatMap(() => [10, 10, 6, 9]), 8],
    orientation: "landscape",
    freezeCols: 2,
  });
}

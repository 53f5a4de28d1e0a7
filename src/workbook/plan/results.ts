// The seven result sheets of SPEC §5 as plans, built from a rating result alone. A sheet with a
// summary (a count table, a chart) opens with it and lists its zones after, on a page of their own:
// the programs repeat a table's header only from the page it first prints on, so no page carries a
// header above a table it does not head.
import type { AwardList, Issue, RatingResult, StarStatus, ZoneResult } from "../../engine/types";
import { formatIssue, issueKindName } from "../../i18n/issues";
import type { Locale } from "../../i18n/locale";
import { orderCities } from "./cities";
import { addChartRows, addHeaderRow, addRow, addSpanningRow, addTitle, borderRows, centre, fitWidth, finishPlan, formatColumns, HEADER_FILL, KEEP_ROWS, keepWithNext, newDraft, SECTION, type Draft } from "./draft";
import { planLabels, sheetTitle, shortfallText, starText, type PlanLabels } from "./labels";
import { buildDetails } from "./details";
import { buildZonePages, type ZonePageForm } from "./zonePage";
import { awardMetric } from "../../engine/explain";
import { formatQuantity, numberFormat } from "./quantities";
import type { SheetPlan } from "./types";

const POINTS = numberFormat("points");
const WHOLE = numberFormat("whole");
const WAN_YUAN = numberFormat("wanYuan");
/** Zones the ranking's chart shows. */
const TOP_ZONES = 20;
/** Rows a star-count chart is drawn over, and their height: a chart about 250 pt tall. */
const CHART_ROWS = 16;
const CHART_ROW_HEIGHT = 16;

function rankChangeText(change: number | null): string {
  if (change === null) return "";
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return "—";
}

/** A section heading across the sheet, kept on the page of the rows it heads. */
function addSection(d: Draft, text: string, rowsKept = KEEP_ROWS): number {
  const r = addSpanningRow(d, text, SECTION);
  keepWithNext(d, r, rowsKept);
  return r;
}

/** The cities in the order lists print them: the province's customary order, then any other in the input's order. */
function citiesInOrder(result: RatingResult): string[] {
  const byInput = [...result.zones].sort((a, b) => (a.source?.row ?? Infinity) - (b.source?.row ?? Infinity));
  return orderCities(byInput.map((z) => z.city));
}

function buildStars(result: RatingResult, l: PlanLabels): SheetPlan {
  const d = newDraft(9);
  const title = sheetTitle(l, "stars", result.year);
  addTitle(d, title);

  // Star counts by city, the chart's source block: one series per star level.
  addSection(d, l.starCountsTitle);
  const levels = [1, 2, 3, 4, 5, 6];
  const countsHeader = addHeaderRow(d, [l.city, ...levels.map((s) => l.starLevelName(s)), l.total]);
  const byCity = new Map<string, number[]>();
  for (const z of result.zones) {
    const counts = byCity.get(z.city) ?? levels.map(() => 0);
    if (z.stars > 0) counts[z.stars - 1]++;
    byCity.set(z.city, counts);
  }
  for (const city of citiesInOrder(result)) {
    const counts = byCity.get(city)!;
    addRow(d, [city, ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  const totals = levels.map((s) => result.starCounts[String(s)] ?? 0);
  const totalRow = addRow(d, [l.total, ...totals, totals.reduce((a, b) => a + b, 0)]);
  d.styles.push({ range: { r0: totalRow, c0: 0, r1: totalRow, c1: 7 }, bold: true });
  formatColumns(d, [1, 2, 3, 4, 5, 6, 7], countsHeader + 1, totalRow, WHOLE);
  borderRows(d, countsHeader + 1, totalRow);
  addRow(d, []);
  const chartTop = addChartRows(d, CHART_ROWS, CHART_ROW_HEIGHT);
  const chartEnd = chartTop + CHART_ROWS - 1;
  d.keep.push({ r0: chartTop, r1: chartEnd });
  d.charts.push({
    type: "stackedColumn",
    title: l.chartTitle,
    source: { r0: countsHeader, c0: 0, r1: totalRow - 1, c1: 6 },
    anchor: { r0: chartTop, c0: 0, r1: chartEnd, c1: 8 },
    valueAxisTitle: l.zoneCountAxis,
    dataLabels: true,
  });

  d.breaks.push(addSection(d, l.starsListTitle, 1 + KEEP_ROWS));
  const header = addHeaderRow(d, [l.rank, l.zone, l.city, l.stars, l.starCount, l.prevStars, l.status, l.nextLevel, l.shortfall]);
  for (const z of result.zones) {
    addRow(d, [z.rank, z.zone, z.city, starText(z.stars, l), z.stars, z.prevStars, l.statusNames[z.starStatus], z.nextStar ? l.starLevelName(z.nextStar.level) : "", shortfallText(z, l)]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0, 4, 5], header + 1, last, WHOLE);
  borderRows(d, header + 1, last, true);
  centre(d, [0, 3, 4, 5, 6, 7], header + 1, last);
  return finishPlan(d, {
    kind: "stars",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [fitWidth(d, 0, 8, 16, countsHeader), fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 20, header + 1), 14, 8, 9, 11, 11, fitWidth(d, 8, 20, 64, header + 1)],
    orientation: "landscape",
    freezeCols: 2,
    freezeRows: 0,
    titleRows: [header, header],
  });
}

function buildRanking(result: RatingResult, l: PlanLabels, locale: Locale): SheetPlan {
  const dims = result.rules.dimensions;
  const dimNames = dims.map((dm) => (locale === "en-US" ? dm.nameEn : dm.nameZh));
  const width = 4 + 1 + dims.length + 4;
  const d = newDraft(width);
  const title = sheetTitle(l, "ranking", result.year);
  addTitle(d, title);

  // The leaders' figures (rank, zone, composite in the columns A–D) with their bar chart beside them.
  const top = result.zones.slice(0, TOP_ZONES);
  if (top.length > 0) {
    const heading = addSpanningRow(d, l.topSection(top.length), SECTION);
    const blockHeader = addRow(d, [l.rank, l.tied, l.zone, l.composite]);
    d.styles.push({ range: { r0: blockHeader, c0: 0, r1: blockHeader, c1: 3 }, bold: true, fill: HEADER_FILL, border: true, align: "center", wrap: true });
    for (const z of top) addRow(d, [z.rank, z.tied ? l.tied : "", z.zone, z.composite]);
    const last = d.rows.length - 1;
    formatColumns(d, [0], blockHeader + 1, last, WHOLE);
    formatColumns(d, [3], blockHeader + 1, last, POINTS);
    d.styles.push({ range: { r0: blockHeader + 1, c0: 0, r1: last, c1: 3 }, border: true });
    centre(d, [0, 1], blockHeader + 1, last);
    d.keep.push({ r0: heading, r1: last });
    d.charts.push({
      type: "clusteredBar",
      title: l.topTitle(top.length),
      source: { r0: blockHeader, c0: 2, r1: last, c1: 3 },
      anchor: { r0: blockHeader, c0: 5, r1: last, c1: width - 1 },
      valueAxisTitle: l.compositeAxis,
      dataLabels: true,
    });
    d.breaks.push(addSection(d, l.rankingListTitle, 1 + KEEP_ROWS));
  }

  const header = addHeaderRow(d, [l.rank, l.tied, l.zone, l.city, l.composite, ...dimNames, l.bonus, l.penalty, l.rankChange, l.veto]);
  for (const z of result.zones) {
    addRow(d, [z.rank, z.tied ? l.tied : "", z.zone, z.city, z.composite, ...dims.map((dm) => z.dimensions[dm.key] ?? 0), z.bonus, z.penalty, rankChangeText(z.rankChange), z.veto ?? (z.vetoed ? l.veto : "")]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0], header + 1, last, WHOLE);
  const pointCols = Array.from({ length: dims.length + 3 }, (_, i) => 4 + i);
  formatColumns(d, pointCols, header + 1, last, POINTS);
  borderRows(d, header + 1, last, true);
  centre(d, [0, 1, width - 2], header + 1, last);
  return finishPlan(d, {
    kind: "ranking",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, 6, fitWidth(d, 2, 16, 36, header + 1), fitWidth(d, 3, 10, 20, header + 1), 9, ...dims.map(() => 9), 7, 7, 9, fitWidth(d, width - 1, 10, 24, header + 1)],
    orientation: "landscape",
    freezeCols: 3,
    freezeRows: 0,
    titleRows: [header, header],
  });
}

function buildByCity(result: RatingResult, l: PlanLabels): SheetPlan {
  const d = newDraft(6);
  const title = sheetTitle(l, "byCity", result.year);
  addTitle(d, title);
  const header = addHeaderRow(d, [l.cityRank, l.tied, l.zone, l.composite, l.provinceRank, l.stars]);
  const byCity = new Map<string, ZoneResult[]>();
  for (const z of result.zones) {
    const zones = byCity.get(z.city);
    if (zones) zones.push(z);
    else byCity.set(z.city, [z]);
  }
  for (const city of citiesInOrder(result)) {
    const zones = byCity.get(city)!.sort((a, b) => a.cityRank - b.cityRank || cmp(a.zone, b.zone));
    addSection(d, l.citySection(city, zones.length));
    const first = d.rows.length;
    for (const z of zones) addRow(d, [z.cityRank, z.cityTied ? l.tied : "", z.zone, z.composite, z.rank, starText(z.stars, l)]);
    const last = d.rows.length - 1;
    formatColumns(d, [0, 4], first, last, WHOLE);
    formatColumns(d, [3], first, last, POINTS);
    borderRows(d, first, last);
    centre(d, [0, 1, 4, 5], first, last);
  }
  return finishPlan(d, {
    kind: "byCity",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [9, 6, fitWidth(d, 2, 16, 36, header + 1), 10, 9, 14],
    orientation: "portrait",
    freezeCols: 0,
    titleRows: [header, header],
  });
}

/** Code-point order, so the output never depends on the machine's collation. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the winner was chosen by, with its figure written as its quantity is everywhere: "综合得分 90.41". */
function awardBasis(result: RatingResult, award: AwardList, z: ZoneResult, l: PlanLabels, locale: Locale): string {
  const figure = awardMetric(result, award, z);
  if (figure === null) return "";
  const rule = result.rules.awards.find((a) => a.key === award.key);
  const keys = rule && rule.selection.kind === "top" && rule.selection.metric.kind === "dimensions" ? rule.selection.metric.dimensions : [];
  const dims = keys.map((k) => result.rules.dimensions.find((dm) => dm.key === k)).map((dm) => (dm ? (locale === "en-US" ? dm.nameEn : dm.nameZh) : ""));
  const quantity = award.metricUsed === "vaGrowth" ? "percent" : award.metricUsed === "rankChange" || award.metricUsed === "firstStar" ? "whole" : "points";
  return l.awardBasis(award.metricUsed, figure, formatQuantity(figure, quantity, locale), dims.join(locale === "en-US" ? " + " : "、"));
}

function buildAwards(result: RatingResult, l: PlanLabels, locale: Locale): SheetPlan {
  const d = newDraft(6);
  const byZone = new Map(result.zones.map((z) => [z.zone, z]));
  const title = sheetTitle(l, "awards", result.year);
  addTitle(d, title);
  // The award lists and the plaque list share one header, which repeats on every page.
  const header = addHeaderRow(d, [l.serial, l.award, l.zone, l.city, l.basis, l.prizeWan]);
  result.awards.forEach((award, i) => {
    const name = locale === "en-US" ? award.nameEn : award.nameZh;
    addSection(d, l.awardSection(i, name, award.prizeYuan / 10_000, award.zones.length));
    const first = d.rows.length;
    award.zones.forEach((zone, n) => {
      const z = byZone.get(zone);
      addRow(d, [n + 1, name, zone, z?.city ?? "", z ? awardBasis(result, award, z, l, locale) : "", award.prizeYuan / 10_000]);
    });
    if (award.zones.length === 0) addRow(d, ["", l.noWinners]);
    const sub = addRow(d, ["", l.subtotal, "", "", "", (award.prizeYuan * award.zones.length) / 10_000]);
    d.styles.push({ range: { r0: sub, c0: 0, r1: sub, c1: 5 }, bold: true });
    formatColumns(d, [0], first, sub, WHOLE);
    formatColumns(d, [5], first, sub, WAN_YUAN);
    borderRows(d, first, sub, true);
    centre(d, [0], first, sub);
    if (award.tieAtLastPlace) addSpanningRow(d, l.awardTieNote, { bold: true });
  });
  const total = addRow(d, [l.prizeTotal(result.prizeTotalYuan / 10_000, result.prizeTotalYuan), "", "", "", "", result.prizeTotalYuan / 10_000]);
  d.merges.push({ r0: total, c0: 0, r1: total, c1: 4 });
  d.styles.push({ range: { r0: total, c0: 0, r1: total, c1: 5 }, bold: true, border: true, wrap: true });
  formatColumns(d, [5], total, total, WAN_YUAN);

  addRow(d, []);
  // The section heading stays with its first group's heading and first rows.
  addSection(d, l.plaqueSection(result.awards.length), 1 + KEEP_ROWS);
  const plaque = result.plaque.map((zone) => byZone.get(zone)).filter((z): z is ZoneResult => z !== undefined);
  for (let level = 6; level >= result.rules.plaqueMinStars && level >= 1; level--) {
    const group = plaque.filter((z) => z.stars === level);
    if (group.length === 0) continue;
    keepWithNext(d, addSpanningRow(d, l.plaqueGroup(level, group.length), { bold: true }), KEEP_ROWS);
    const first = d.rows.length;
    group.forEach((z, n) => addRow(d, [n + 1, l.plaque, z.zone, z.city, l.plaqueBasis(level), null]));
    formatColumns(d, [0], first, d.rows.length - 1, WHOLE);
    borderRows(d, first, d.rows.length - 1);
    centre(d, [0], first, d.rows.length - 1);
  }
  if (plaque.length === 0) addRow(d, ["", l.noWinners]);
  return finishPlan(d, {
    kind: "awards",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 10, 20, header + 1), fitWidth(d, 2, 16, 34, header + 1), fitWidth(d, 3, 10, 16, header + 1), fitWidth(d, 4, 12, 30, header + 1), 12],
    orientation: "portrait",
    freezeCols: 0,
    titleRows: [header, header],
  });
}

const PROMOTION_ORDER: StarStatus[] = ["first", "promoted", "demoted", "belowGate"];

function buildPromotions(result: RatingResult, l: PlanLabels): SheetPlan {
  const d = newDraft(7);
  const title = sheetTitle(l, "promotions", result.year);
  addTitle(d, title);
  const header = addHeaderRow(d, [l.serial, l.zone, l.city, l.prevStars, l.stars, l.status, l.provinceRank]);
  const listed = result.zones
    .filter((z) => PROMOTION_ORDER.includes(z.starStatus))
    .sort((a, b) => PROMOTION_ORDER.indexOf(a.starStatus) - PROMOTION_ORDER.indexOf(b.starStatus) || b.stars - a.stars || a.rank - b.rank || cmp(a.zone, b.zone));
  listed.forEach((z, n) => addRow(d, [n + 1, z.zone, z.city, z.prevStars === null ? "" : starText(z.prevStars, l), starText(z.stars, l), l.statusNames[z.starStatus], z.rank]));
  if (listed.length === 0) addRow(d, ["", l.noWinners]);
  const last = d.rows.length - 1;
  formatColumns(d, [0, 6], header + 1, last, WHOLE);
  borderRows(d, header + 1, last);
  centre(d, [0, 3, 4, 5, 6], header + 1, last);
  return finishPlan(d, {
    kind: "promotions",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 20, header + 1), 14, 14, 10, 9],
    orientation: "portrait",
    freezeCols: 2,
    titleRows: [header, header],
  });
}

function issueKey(i: Issue): string {
  return JSON.stringify([i.severity, i.code, i.sheet, i.cell, i.zone, i.params]);
}

function buildValidation(result: RatingResult, issues: Issue[], l: PlanLabels, locale: Locale): SheetPlan {
  const d = newDraft(7);
  const title = sheetTitle(l, "validation", result.year);
  addTitle(d, title);
  const header = addHeaderRow(d, [l.serial, l.severity, l.sheet, l.cell, l.zone, l.issueKind, l.message]);
  const seen = new Set<string>();
  const all = [...issues, ...result.issues].filter((i) => {
    const k = issueKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  all.forEach((i, n) => addRow(d, [n + 1, l.severityNames[i.severity], i.sheet ?? "", i.cell ?? "", i.zone ?? "", issueKindName(i.code, locale), i.message ?? formatIssue(i, locale)]));
  if (all.length === 0) addRow(d, ["", l.noIssues]);
  const last = d.rows.length - 1;
  formatColumns(d, [0], header + 1, last, WHOLE);
  borderRows(d, header + 1, last, true);
  centre(d, [0, 1, 3], header + 1, last);
  return finishPlan(d, {
    kind: "validation",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, 7, fitWidth(d, 2, 10, 16, header + 1), 8, fitWidth(d, 4, 12, 24, header + 1), fitWidth(d, 5, 12, 22, header + 1), 64],
    orientation: "landscape",
    freezeCols: 0,
    titleRows: [header, header],
  });
}

export interface ResultPlanOptions {
  /** 集聚区档案 as a zone picker (a live workbook) or one printed page per zone (a file); default pages. */
  zonePages?: ZonePageForm;
}

/** 校验报告 alone: rebuilt when the CLI learns of a problem only once the other sheets are planned. */
export function buildValidationPlan(result: RatingResult, issues: Issue[], locale: Locale): SheetPlan {
  return buildValidation(result, issues, planLabels(locale), locale);
}

/** SPEC §5's seven result sheets and the zone pages (issue 11), in order, labelled in the report language. */
export function buildResultPlans(result: RatingResult, issues: Issue[], locale: Locale, options: ResultPlanOptions = {}): SheetPlan[] {
  const l = planLabels(locale);
  return [
    buildStars(result, l),
    buildRanking(result, l, locale),
    buildByCity(result, l),
    buildAwards(result, l, locale),
    buildPromotions(result, l),
    buildZonePages(result, locale, options.zonePages ?? "pages"),
    buildDetails(result, l, locale),
    buildValidation(result, issues, l, locale),
  ];
}

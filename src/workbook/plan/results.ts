// The seven result sheets of SPEC §5 as plans, built from a rating result alone.
import type { AwardList, Issue, RatingResult, StarStatus, ZoneResult } from "../../engine/types";
import { formatIssue } from "../../i18n/issues";
import type { Locale } from "../../i18n/locale";
import { addHeaderRow, addRow, addSpanningRow, borderRows, fitWidth, finishPlan, formatColumns, newDraft, SECTION_FILL, titleStyle } from "./draft";
import { planLabels, sheetTitle, shortfallText, starText, type PlanLabels } from "./labels";
import { buildDetails } from "./details";
import { buildZonePages, type ZonePageForm } from "./zonePage";
import { awardMetric } from "../../engine/explain";
import type { SheetPlan } from "./types";

const POINTS = "0.00";
const YUAN_WAN = "#,##0";
const INTEGER = "0";

function rankChangeText(change: number | null): string {
  if (change === null) return "";
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return "—";
}

function buildStars(result: RatingResult, l: PlanLabels): SheetPlan {
  const d = newDraft(9);
  addSpanningRow(d, sheetTitle(l, "stars", result.year), titleStyle());
  const header = addHeaderRow(d, [l.rank, l.zone, l.city, l.stars, l.starCount, l.prevStars, l.status, l.nextLevel, l.shortfall]);
  for (const z of result.zones) {
    addRow(d, [z.rank, z.zone, z.city, starText(z.stars, l), z.stars, z.prevStars, l.statusNames[z.starStatus], z.nextStar ? l.starLevelName(z.nextStar.level) : "", shortfallText(z, l)]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0, 4, 5], header + 1, last, INTEGER);
  borderRows(d, header + 1, last);

  // Star counts by city, the chart's source block: one series per star level.
  addRow(d, []);
  addSpanningRow(d, l.starCountsTitle, { bold: true });
  const levels = [1, 2, 3, 4, 5, 6];
  const countsHeader = addHeaderRow(d, [l.city, ...levels.map((s) => l.starLevelName(s)), l.total]);
  const byCity = new Map<string, number[]>();
  for (const z of result.zones) {
    const counts = byCity.get(z.city) ?? levels.map(() => 0);
    if (z.stars > 0) counts[z.stars - 1]++;
    byCity.set(z.city, counts);
  }
  const cities = [...byCity.keys()].sort();
  for (const city of cities) {
    const counts = byCity.get(city)!;
    addRow(d, [city, ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  const totals = levels.map((s) => result.starCounts[String(s)] ?? 0);
  const totalRow = addRow(d, [l.total, ...totals, totals.reduce((a, b) => a + b, 0)]);
  d.styles.push({ range: { r0: totalRow, c0: 0, r1: totalRow, c1: 7 }, bold: true });
  formatColumns(d, [1, 2, 3, 4, 5, 6, 7], countsHeader + 1, totalRow, INTEGER);
  borderRows(d, countsHeader + 1, totalRow);
  const chartTop = totalRow + 2;
  const plan = finishPlan(d, {
    kind: "stars",
    labels: l,
    title: sheetTitle(l, "stars", result.year),
    headerRow: header,
    columnWidths: [8, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 20, header + 1), 14, 8, 9, 11, 11, fitWidth(d, 8, 20, 60, header + 1)],
    orientation: "landscape",
    freezeCols: 2,
  });
  plan.charts = [
    {
      type: "stackedColumn",
      title: l.chartTitle,
      source: { r0: countsHeader, c0: 0, r1: totalRow - 1, c1: 6 },
      anchor: { r0: chartTop, c0: 0, r1: chartTop + 18, c1: 8 },
    },
  ];
  return plan;
}

function buildRanking(result: RatingResult, l: PlanLabels, locale: Locale): SheetPlan {
  const dims = result.rules.dimensions;
  const dimNames = dims.map((dm) => (locale === "en-US" ? dm.nameEn : dm.nameZh));
  const width = 4 + 1 + dims.length + 4;
  const d = newDraft(width);
  addSpanningRow(d, sheetTitle(l, "ranking", result.year), titleStyle());
  const header = addHeaderRow(d, [l.rank, l.tied, l.zone, l.city, l.composite, ...dimNames, l.bonus, l.penalty, l.rankChange, l.veto]);
  for (const z of result.zones) {
    addRow(d, [z.rank, z.tied ? l.tied : "", z.zone, z.city, z.composite, ...dims.map((dm) => z.dimensions[dm.key] ?? 0), z.bonus, z.penalty, rankChangeText(z.rankChange), z.veto ?? (z.vetoed ? l.veto : "")]);
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0], header + 1, last, INTEGER);
  const pointCols = Array.from({ length: dims.length + 3 }, (_, i) => 4 + i);
  formatColumns(d, pointCols, header + 1, last, POINTS);
  borderRows(d, header + 1, last);
  return finishPlan(d, {
    kind: "ranking",
    labels: l,
    title: sheetTitle(l, "ranking", result.year),
    headerRow: header,
    columnWidths: [6, 6, fitWidth(d, 2, 16, 36, header + 1), fitWidth(d, 3, 10, 20, header + 1), 9, ...dims.map(() => 9), 7, 7, 9, fitWidth(d, width - 1, 10, 30, header + 1)],
    orientation: "landscape",
    freezeCols: 3,
  });
}

function buildByCity(result: RatingResult, l: PlanLabels): SheetPlan {
  const d = newDraft(7);
  addSpanningRow(d, sheetTitle(l, "byCity", result.year), titleStyle());
  const header = addHeaderRow(d, [l.city, l.cityRank, l.tied, l.zone, l.composite, l.provinceRank, l.stars]);
  const zones = [...result.zones].sort((a, b) => cmp(a.city, b.city) || a.cityRank - b.cityRank || cmp(a.zone, b.zone));
  for (const z of zones) addRow(d, [z.city, z.cityRank, z.cityTied ? l.tied : "", z.zone, z.composite, z.rank, starText(z.stars, l)]);
  const last = d.rows.length - 1;
  formatColumns(d, [1, 5], header + 1, last, INTEGER);
  formatColumns(d, [4], header + 1, last, POINTS);
  borderRows(d, header + 1, last);
  return finishPlan(d, {
    kind: "byCity",
    labels: l,
    title: sheetTitle(l, "byCity", result.year),
    headerRow: header,
    columnWidths: [fitWidth(d, 0, 10, 20, header + 1), 8, 6, fitWidth(d, 3, 16, 36, header + 1), 9, 8, 14],
    orientation: "portrait",
    freezeCols: 1,
  });
}

/** Code-point order, so the output never depends on the machine's collation. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Award metrics that are whole numbers (places moved up, star level), shown without decimals. */
const WHOLE_METRICS = new Set<AwardList["metricUsed"]>(["rankChange", "firstStar"]);

function buildAwards(result: RatingResult, l: PlanLabels, locale: Locale): SheetPlan {
  const d = newDraft(6);
  const byZone = new Map(result.zones.map((z) => [z.zone, z]));
  addSpanningRow(d, sheetTitle(l, "awards", result.year), titleStyle());
  const header = addHeaderRow(d, [l.serial, l.award, l.zone, l.city, l.basis, l.prizeWan]);
  const section = { bold: true, fill: SECTION_FILL, border: true };
  result.awards.forEach((award, i) => {
    const name = locale === "en-US" ? award.nameEn : award.nameZh;
    addSpanningRow(d, l.awardSection(i, name, award.prizeYuan / 10_000, award.zones.length), section);
    const first = d.rows.length;
    award.zones.forEach((zone, n) => {
      const z = byZone.get(zone);
      addRow(d, [n + 1, name, zone, z?.city ?? "", z ? awardMetric(result, award, z) : null, award.prizeYuan / 10_000]);
    });
    if (award.zones.length === 0) addRow(d, ["", l.noWinners]);
    const sub = addRow(d, ["", l.subtotal, "", "", "", (award.prizeYuan * award.zones.length) / 10_000]);
    d.styles.push({ range: { r0: sub, c0: 0, r1: sub, c1: 5 }, bold: true });
    formatColumns(d, [0], first, sub, INTEGER);
    formatColumns(d, [4], first, sub, WHOLE_METRICS.has(award.metricUsed) ? INTEGER : POINTS);
    formatColumns(d, [5], first, sub, YUAN_WAN);
    borderRows(d, first, sub);
    if (award.tieAtLastPlace) addSpanningRow(d, l.awardTieNote, { bold: true });
  });
  const total = addRow(d, [l.prizeTotal(result.prizeTotalYuan / 10_000, result.prizeTotalYuan), "", "", "", "", result.prizeTotalYuan / 10_000]);
  d.merges.push({ r0: total, c0: 0, r1: total, c1: 4 });
  d.styles.push({ range: { r0: total, c0: 0, r1: total, c1: 5 }, bold: true, border: true });
  formatColumns(d, [5], total, total, YUAN_WAN);

  addRow(d, []);
  addSpanningRow(d, l.plaqueSection(result.awards.length), section);
  const plaque = result.plaque.map((zone) => byZone.get(zone)).filter((z): z is ZoneResult => z !== undefined);
  for (let level = 6; level >= result.rules.plaqueMinStars && level >= 1; level--) {
    const group = plaque.filter((z) => z.stars === level);
    if (group.length === 0) continue;
    addSpanningRow(d, l.plaqueGroup(level, group.length), { bold: true });
    const first = d.rows.length;
    group.forEach((z, n) => addRow(d, [n + 1, starText(level, l), z.zone, z.city, z.composite, null]));
    formatColumns(d, [0], first, d.rows.length - 1, INTEGER);
    formatColumns(d, [4], first, d.rows.length - 1, POINTS);
    borderRows(d, first, d.rows.length - 1);
  }
  if (plaque.length === 0) addRow(d, ["", l.noWinners]);
  return finishPlan(d, {
    kind: "awards",
    labels: l,
    title: sheetTitle(l, "awards", result.year),
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 12, 24, header + 1), fitWidth(d, 2, 16, 34, header + 1), fitWidth(d, 3, 10, 16, header + 1), 10, 12],
    orientation: "portrait",
    freezeCols: 0,
  });
}

const PROMOTION_ORDER: StarStatus[] = ["first", "promoted", "demoted", "belowGate"];

function buildPromotions(result: RatingResult, l: PlanLabels): SheetPlan {
  const d = newDraft(7);
  addSpanningRow(d, sheetTitle(l, "promotions", result.year), titleStyle());
  const header = addHeaderRow(d, [l.serial, l.zone, l.city, l.prevStars, l.stars, l.status, l.provinceRank]);
  const listed = result.zones
    .filter((z) => PROMOTION_ORDER.includes(z.starStatus))
    .sort((a, b) => PROMOTION_ORDER.indexOf(a.starStatus) - PROMOTION_ORDER.indexOf(b.starStatus) || b.stars - a.stars || a.rank - b.rank || cmp(a.zone, b.zone));
  listed.forEach((z, n) => addRow(d, [n + 1, z.zone, z.city, z.prevStars === null ? "" : starText(z.prevStars, l), starText(z.stars, l), l.statusNames[z.starStatus], z.rank]));
  if (listed.length === 0) addRow(d, ["", l.noWinners]);
  const last = d.rows.length - 1;
  formatColumns(d, [0, 6], header + 1, last, INTEGER);
  borderRows(d, header + 1, last);
  return finishPlan(d, {
    kind: "promotions",
    labels: l,
    title: sheetTitle(l, "promotions", result.year),
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 20, header + 1), 14, 14, 10, 8],
    orientation: "portrait",
    freezeCols: 2,
  });
}

function issueKey(i: Issue): string {
  return JSON.stringify([i.severity, i.code, i.sheet, i.cell, i.zone, i.params]);
}

function buildValidation(result: RatingResult, issues: Issue[], l: PlanLabels, locale: Locale): SheetPlan {
  const d = newDraft(7);
  addSpanningRow(d, sheetTitle(l, "validation", result.year), titleStyle());
  const header = addHeaderRow(d, [l.serial, l.severity, l.sheet, l.cell, l.zone, l.code, l.message]);
  const seen = new Set<string>();
  const all = [...issues, ...result.issues].filter((i) => {
    const k = issueKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  all.forEach((i, n) => addRow(d, [n + 1, l.severityNames[i.severity], i.sheet ?? "", i.cell ?? "", i.zone ?? "", i.code, i.message ?? formatIssue(i, locale)]));
  if (all.length === 0) addRow(d, ["", l.noIssues]);
  const last = d.rows.length - 1;
  formatColumns(d, [0], header + 1, last, INTEGER);
  borderRows(d, header + 1, last);
  d.styles.push({ range: { r0: header + 1, c0: 6, r1: last, c1: 6 }, wrap: true });
  return finishPlan(d, {
    kind: "validation",
    labels: l,
    title: sheetTitle(l, "validation", result.year),
    headerRow: header,
    columnWidths: [6, 7, fitWidth(d, 2, 10, 20, header + 1), 8, fitWidth(d, 4, 10, 24, header + 1), 22, 70],
    orientation: "landscape",
    freezeCols: 0,
  });
}

export interface ResultPlanOptions {
  /** 集聚区档案 as a zone picker (a live workbook) or one printed page per zone (a file); default pages. */
  zonePages?: ZonePageForm;
}

/** SPEC §5's seven result sheets and the zone pages (issue 11), in order, labelled in the report language. */
/** 校验报告 alone: rebuilt when the CLI learns of a problem only once the other sheets are planned. */
export function buildValidationPlan(result: RatingResult, issues: Issue[], locale: Locale): SheetPlan {
  return buildValidation(result, issues, planLabels(locale), locale);
}

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

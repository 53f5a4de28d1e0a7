// The 稳健性分析 sheet: how the ranking and the award lists hold up when the inferred weights (and,
// if asked, the scoring methods) move. One table shape throughout, so the header repeats usefully
// on every printed page: each award's stable, borderline and close zones first, then every zone.
import type { AwardChance, RobustnessResult, ZoneRobustness } from "../../engine/robustness";
import { ALTERNATIVE_METHODS } from "../../engine/robustnessSettings";
import type { Locale } from "../../i18n/locale";
import { addChartRows, addTitle, addHeaderRow, addRow, addSpanningRow, borderRows, centre, finishPlan, fitWidth, formatColumns, KEEP_ROWS, keepWithNext, newDraft, SECTION, type Draft } from "./draft";
import { planLabels, sheetTitle, type PlanLabels } from "./labels";
import { numberFormat } from "./quantities";
import { robustnessLabels, type RobustnessLabels } from "./robustnessLabels";
import type { CellStyle, PlanCell, SheetPlan } from "./types";

const INTEGER = numberFormat("whole");
const PERCENT = numberFormat("probability");
/** Columns before the award probabilities: rank, city, zone, 5 % rank, places in the interval, 95 % rank, median, awards now. */
const LEAD = 8;
/** The chart's source: the zone (category), where its bar starts (the 5 % rank) and how many places it covers. */
const ZONE_COL = 2;
const SPAN_COL = 4;
/** Height of the chart rows per zone drawn, and the least rows a chart gets. */
const CHART_POINTS_PER_ZONE = 13;
const CHART_MIN_ROWS = 10;
const CHART_ROW_HEIGHT = 15;

function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function methodsText(result: RobustnessResult, l: PlanLabels, r: RobustnessLabels): string {
  if (!result.varyMethods) return r.methods(null, null);
  const withTarget = result.indicators.some((i) => i.methods.includes("target"));
  return r.methods(
    ALTERNATIVE_METHODS.map((m) => l.methodNames[m]),
    withTarget ? l.methodNames.target : null,
  );
}

function zoneRow(z: ZoneRobustness, result: RobustnessResult, awardName: Map<string, string>, l: PlanLabels): PlanCell[] {
  return [
    z.rank,
    z.city,
    z.zone,
    z.rankP5,
    z.rankP95 - z.rankP5 + 1,
    z.rankP95,
    z.medianRank,
    z.awards.map((k) => awardName.get(k) ?? k).join(l.listJoin),
    ...result.awards.map((a) => z.awardProbability[a.key]),
    z.anyAwardProbability,
  ];
}

/** Rows of zones with their formats and borders; the no-winners word where there are none. Returns the rows' range. */
function addZoneRows(d: Draft, zones: ZoneRobustness[], result: RobustnessResult, awardName: Map<string, string>, l: PlanLabels): [number, number] {
  if (zones.length === 0) {
    const r = addRow(d, ["", l.noWinners]);
    return [r, r];
  }
  const first = d.rows.length;
  for (const z of zones) addRow(d, zoneRow(z, result, awardName, l));
  const last = d.rows.length - 1;
  formatColumns(d, [0, 3, 4, 5, 6], first, last, INTEGER);
  formatColumns(d, Array.from({ length: result.awards.length + 1 }, (_, k) => LEAD + k), first, last, PERCENT);
  borderRows(d, first, last);
  centre(d, [0, 7], first, last);
  return [first, last];
}

/** A heading kept with the first rows under it. */
function heading(d: Draft, text: string, style: Omit<CellStyle, "range">, next = KEEP_ROWS): void {
  keepWithNext(d, addSpanningRow(d, text, style), next);
}

/**
 * The 稳健性分析 sheet of a robustness result, labelled in the report language: every award winner by
 * rank with the chart of their rank intervals, each award's stable, borderline and close zones, then
 * every zone.
 */
export function buildRobustnessPlan(result: RobustnessResult, locale: Locale): SheetPlan {
  const l = planLabels(locale);
  const r = robustnessLabels(locale);
  const awardName = new Map(result.awards.map((a) => [a.key, locale === "en-US" ? a.nameEn : a.nameZh]));
  const byZone = new Map(result.zones.map((z) => [z.zone, z]));
  const zonesOf = (chances: AwardChance[]): ZoneRobustness[] => chances.map((c) => byZone.get(c.zone)).filter((z): z is ZoneRobustness => z !== undefined);
  const width = LEAD + result.awards.length + 1;
  const d = newDraft(width);
  const title = sheetTitle(l, "robustness", result.year);
  addTitle(d, title);
  const note = { wrap: true };
  addSpanningRow(d, r.draws(result.runs, result.seed, percent(result.weightShare)), note);
  addSpanningRow(d, methodsText(result, l, r), note);
  addSpanningRow(d, r.starsNote, { bold: true, wrap: true });
  // Every winner by rank, right under the header, so the header and their rows are the chart's source block.
  const winners = result.zones.filter((z) => z.awards.length > 0);
  heading(d, r.winnersSection(0, winners.length), SECTION, 1 + KEEP_ROWS);
  const header = addHeaderRow(d, [l.rank, l.city, l.zone, r.rankP5, r.span, r.rankP95, r.medianRank, r.currentAwards, ...result.awards.map((a) => r.probabilityOf(awardName.get(a.key) ?? a.key)), r.anyAward]);
  const [, last] = addZoneRows(d, winners, result, awardName, l);
  if (winners.length > 0) {
    const rows = Math.max(CHART_MIN_ROWS, Math.ceil((winners.length * CHART_POINTS_PER_ZONE + 60) / CHART_ROW_HEIGHT));
    const top = addChartRows(d, rows, CHART_ROW_HEIGHT);
    d.keep.push({ r0: top, r1: top + rows - 1 });
    d.charts.push({
      type: "floatingBar",
      title: r.chartTitle,
      source: { r0: header, c0: ZONE_COL, r1: last, c1: SPAN_COL },
      anchor: { r0: top, c0: 0, r1: top + rows - 1, c1: width - 1 },
      valueAxisTitle: r.rankAxis,
    });
  }

  const stableAt = percent(result.stableAt);
  const closeAt = percent(result.closeAt);
  result.awards.forEach((a, i) => {
    heading(d, r.awardSection(i + 1, awardName.get(a.key) ?? a.key, a.stable.length + a.borderline.length, a.stable.length, a.borderline.length, a.close.length), SECTION, 1 + KEEP_ROWS);
    heading(d, r.stable(stableAt), { bold: true });
    addZoneRows(d, zonesOf(a.stable), result, awardName, l);
    heading(d, r.borderline(stableAt), { bold: true });
    addZoneRows(d, zonesOf(a.borderline), result, awardName, l);
    heading(d, r.close(closeAt), { bold: true });
    addZoneRows(d, zonesOf(a.close), result, awardName, l);
  });
  heading(d, r.allZones(result.awards.length + 1), SECTION);
  addZoneRows(d, result.zones, result, awardName, l);

  return finishPlan(d, {
    kind: "robustness",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 10, 16, header + 1), fitWidth(d, 2, 16, 36, header + 1), 9, 9, 9, 9, fitWidth(d, 7, 10, 20, header + 1), ...result.awards.map(() => 10), 10],
    orientation: "landscape",
    freezeCols: 3,
  });
}

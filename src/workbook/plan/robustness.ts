// The 稳健性分析 sheet: how the ranking and the award lists hold up when the inferred weights (and,
// if asked, the scoring methods) move. One table shape throughout, so the header repeats usefully
// on every printed page: each award's stable, borderline and close zones first, then every zone.
import type { AwardChance, RobustnessResult, ZoneRobustness } from "../../engine/robustness";
import { ALTERNATIVE_METHODS } from "../../engine/robustnessSettings";
import type { Locale } from "../../i18n/locale";
import { addHeaderRow, addRow, addSpanningRow, borderRows, finishPlan, fitWidth, formatColumns, newDraft, SECTION_FILL, titleStyle, type Draft } from "./draft";
import { planLabels, sheetTitle, type PlanLabels } from "./labels";
import { robustnessLabels, type RobustnessLabels } from "./robustnessLabels";
import type { PlanCell, SheetPlan } from "./types";

const INTEGER = "0";
const PERCENT = "0.0%";
/** Columns before the award probabilities: rank, zone, city, median, P5, P95, awards now. */
const LEAD = 7;

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
    z.zone,
    z.city,
    z.medianRank,
    z.rankP5,
    z.rankP95,
    z.awards.map((k) => awardName.get(k) ?? k).join(l.listJoin),
    ...result.awards.map((a) => z.awardProbability[a.key]),
    z.anyAwardProbability,
  ];
}

/** Rows of zones with their formats and borders; the no-winners word where there are none. */
function addZoneRows(d: Draft, zones: ZoneRobustness[], result: RobustnessResult, awardName: Map<string, string>, l: PlanLabels): void {
  if (zones.length === 0) {
    addRow(d, ["", l.noWinners]);
    return;
  }
  const first = d.rows.length;
  for (const z of zones) addRow(d, zoneRow(z, result, awardName, l));
  const last = d.rows.length - 1;
  formatColumns(d, [0, 3, 4, 5], first, last, INTEGER);
  formatColumns(d, Array.from({ length: result.awards.length + 1 }, (_, k) => LEAD + k), first, last, PERCENT);
  borderRows(d, first, last);
}

/** The 稳健性分析 sheet of a robustness result, labelled in the report language. */
export function buildRobustnessPlan(result: RobustnessResult, locale: Locale): SheetPlan {
  const l = planLabels(locale);
  const r = robustnessLabels(locale);
  const awardName = new Map(result.awards.map((a) => [a.key, locale === "en-US" ? a.nameEn : a.nameZh]));
  const byZone = new Map(result.zones.map((z) => [z.zone, z]));
  const zonesOf = (chances: AwardChance[]): ZoneRobustness[] => chances.map((c) => byZone.get(c.zone)).filter((z): z is ZoneRobustness => z !== undefined);
  const width = LEAD + result.awards.length + 1;
  const d = newDraft(width);
  const title = sheetTitle(l, "robustness", result.year);
  addSpanningRow(d, title, titleStyle());
  addSpanningRow(d, r.draws(result.runs, result.seed, percent(result.weightShare)), {});
  addSpanningRow(d, methodsText(result, l, r), {});
  addSpanningRow(d, r.starsNote, { bold: true });
  const header = addHeaderRow(d, [l.rank, l.zone, l.city, r.medianRank, r.rankP5, r.rankP95, r.currentAwards, ...result.awards.map((a) => r.probabilityOf(awardName.get(a.key) ?? a.key)), r.anyAward]);

  const section = { bold: true, fill: SECTION_FILL, border: true };
  const stableAt = percent(result.stableAt);
  const closeAt = percent(result.closeAt);
  result.awards.forEach((a, i) => {
    addSpanningRow(d, r.awardSection(i, awardName.get(a.key) ?? a.key, a.stable.length + a.borderline.length, a.stable.length, a.borderline.length, a.close.length), section);
    addSpanningRow(d, r.stable(stableAt), { bold: true });
    addZoneRows(d, zonesOf(a.stable), result, awardName, l);
    addSpanningRow(d, r.borderline(stableAt), { bold: true });
    addZoneRows(d, zonesOf(a.borderline), result, awardName, l);
    addSpanningRow(d, r.close(closeAt), { bold: true });
    addZoneRows(d, zonesOf(a.close), result, awardName, l);
  });
  addSpanningRow(d, r.allZones(result.awards.length), section);
  addZoneRows(d, result.zones, result, awardName, l);

  return finishPlan(d, {
    kind: "robustness",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 16, 36, header + 1), fitWidth(d, 2, 10, 20, header + 1), 9, 10, 10, fitWidth(d, 6, 10, 24, header + 1), ...result.awards.map(() => 10), 10],
    orientation: "landscape",
    freezeCols: 2,
  });
}

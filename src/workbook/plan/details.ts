// 计算明细: every zone's path from raw value to points, with the references each score was computed
// from (once per indicator at the top, and on every row), and a column of live Excel formulas that
// recompute each contribution from them, next to the engine's figure.
import type { IndicatorReference, NormMethod, RatingResult } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { addTitle, addHeaderRow, addRow, borderRows, centre, finishPlan, fitWidth, formatColumns, KEEP_ROWS, keepWithNext, newDraft, SECTION_FILL } from "./draft";
import { explainLabels } from "./explainLabels";
import { cellRef, clip100, textLiteral } from "./formulas";
import { sheetTitle, type PlanLabels } from "./labels";
import { indicatorQuantity, numberFormat } from "./quantities";
import type { PlanFormula, SheetPlan } from "./types";

const INTEGER = numberFormat("whole");
const POINTS = numberFormat("points");
const CONTRIBUTION = numberFormat("contribution");
const SCORE = numberFormat("score");
/** Raw values and references take their indicator's format; most indicators are amounts, the rest get their rows' own. */
const FIGURE = numberFormat("amount");
/** A difference of 1e-15 must show as such, not as 0.000. */
const DIFFERENCE = "General";
/** Total |difference| under which the recomputation counts as equal (float noise of thousands of rows). */
const CHECK_TOLERANCE = "1E-6";

const WIDTH = 15;
/** Columns of the main table. */
// The check (references, recomputation, difference) follows the figures, which keep the columns they always had.
const COL = { rank: 0, zone: 1, dimension: 2, indicator: 3, raw: 4, unit: 5, method: 6, score: 7, weight: 8, contribution: 9, refNames: 10, ref1: 11, ref2: 12, recomputed: 13, difference: 14 } as const;

/** The two references a method scores from, in the order its formula reads them. */
function referenceValues(ref: IndicatorReference): [number | null, number | null] {
  switch (ref.method) {
    case "minmax":
      return [ref.min, ref.max];
    case "p90cap":
      return [ref.lowerIsBetter ? ref.p10 : ref.p90, null];
    case "zscore":
      return [ref.mean, ref.sd];
    case "target":
      return [ref.target, null];
  }
}

/**
 * The normalised score as an Excel formula over the raw value x and references a, b: the same
 * operations in the same order as src/engine/normalise.ts, so it gives the same double.
 */
function scoreExpression(method: NormMethod, lower: boolean, x: string, a: string, b: string): string {
  switch (method) {
    case "minmax":
      return `IF(${b}>${a},${clip100(lower ? `(${b}-${x})/(${b}-${a})*100` : `(${x}-${a})/(${b}-${a})*100`)},100)`;
    case "p90cap":
      return lower ? `IF(${x}<=0,100,${clip100(`${a}/${x}*100`)})` : `IF(${a}>0,${clip100(`${x}/${a}*100`)},IF(${x}>=${a},100,0))`;
    case "zscore":
      return `IF(${b}>0,${clip100(lower ? `50+10*(-((${x}-${a})/${b}))` : `50+10*((${x}-${a})/${b})`)},50)`;
    case "target":
      return `IF(${a}>0,${lower ? `IF(${x}<=0,100,${clip100(`${a}/${x}*100`)})` : clip100(`${x}/${a}*100`)},0)`;
  }
}

/**
 * The contribution of the row `row` recomputed from its own raw value, references and weight; a
 * zone without the value takes the missing score from the reference block (`missingCell`).
 */
function contributionFormula(ref: IndicatorReference, row: number, missingCell: string): string {
  const x = cellRef(row, COL.raw);
  const score = scoreExpression(ref.method, ref.lowerIsBetter, x, cellRef(row, COL.ref1), cellRef(row, COL.ref2));
  const filled = ref.missingScore === null ? score : `IF(ISNUMBER(${x}),${score},${missingCell})`;
  return `=${filled}/100*${cellRef(row, COL.weight)}`;
}

/**
 * Detail rows up to which every row gets its recomputing formula: about 22,000 zones of 11
 * indicators. Past it the file would carry millions of formulas that Excel recalculates on opening.
 */
export const MAX_FORMULA_ROWS = 250_000;

function figureFormat(key: string): string {
  return numberFormat(indicatorQuantity(key));
}

export function buildDetails(result: RatingResult, l: PlanLabels, locale: Locale): SheetPlan {
  const x = explainLabels(locale);
  const dimName = new Map(result.rules.dimensions.map((dm) => [dm.key, locale === "en-US" ? dm.nameEn : dm.nameZh]));
  const title = sheetTitle(l, "details", result.year);
  const references = result.references ?? [];
  const d = newDraft(WIDTH);
  const formulas: PlanFormula[] = [];
  addTitle(d, title);

  // One row per indicator: what its scores were computed from.
  const missingCells: string[] = [];
  if (references.length > 0) {
    const section = addRow(d, [x.referenceSection]);
    d.merges.push({ r0: section, c0: 0, r1: section, c1: COL.ref2 });
    d.styles.push({ range: { r0: section, c0: 0, r1: section, c1: COL.ref2 }, bold: true, fill: SECTION_FILL, wrap: true });
    // Aligned with the table below: the missing score under the scores, the weight under the weights, the references under theirs.
    const blockHeader = addRow(d, [l.serial, x.formulaText, l.dimension, l.indicator, x.zonesWithValue, x.direction, l.method, x.missingScore, l.weight, null, x.referenceItems, x.reference1, x.reference2]);
    d.styles.push({ range: { r0: blockHeader, c0: 0, r1: blockHeader, c1: COL.ref2 }, bold: true, fill: SECTION_FILL, border: true, align: "center", wrap: true });
    references.forEach((ref, k) => {
      const [a, b] = referenceValues(ref);
      const r = addRow(d, [
        k + 1,
        x.methodFormula(ref.method, ref.lowerIsBetter),
        dimName.get(ref.dimension) ?? ref.dimension,
        l.indicatorNames[ref.key] ?? ref.key,
        ref.count,
        ref.lowerIsBetter ? x.directions.lower : x.directions.higher,
        l.methodNames[ref.method],
        ref.missingScore,
        ref.weight,
        null,
        x.referenceNames(ref.method, ref.lowerIsBetter),
        a,
        b,
      ]);
      missingCells.push(cellRef(r, COL.score, true));
    });
    const first = blockHeader + 1;
    const last = d.rows.length - 1;
    formatColumns(d, [0, 4], first, last, INTEGER);
    formatColumns(d, [COL.score], first, last, SCORE);
    references.forEach((ref, k) => formatColumns(d, [COL.ref1, COL.ref2], first + k, first + k, figureFormat(ref.key)));
    formatColumns(d, [COL.weight], first, last, POINTS);
    d.styles.push({ range: { r0: first, c0: 0, r1: last, c1: COL.ref2 }, border: true, wrap: true });
    d.keep.push({ r0: section, r1: last });
    centre(d, [0, COL.unit, COL.refNames], first, last);
  }
  const detailRows = result.zones.reduce((n, z) => n + z.indicators.length, 0);
  const withFormulas = detailRows <= MAX_FORMULA_ROWS;
  const checkRow = references.length > 0 ? addRow(d, [withFormulas ? x.checkRow : x.checkOmitted(detailRows, MAX_FORMULA_ROWS)]) : -1;
  if (checkRow >= 0) keepWithNext(d, checkRow, 1 + KEEP_ROWS);

  const header = addHeaderRow(d, [l.rank, l.zone, l.dimension, l.indicator, l.raw, l.unit, l.method, l.score, l.weight, l.contribution, x.referenceItems, x.reference1, x.reference2, x.recomputed, x.difference]);
  const first = header + 1;
  // The column's format is the amounts'; an indicator of another quantity (亩, 吨标准煤/万元) formats its rows.
  const ownFormats = new Map(references.map((ref, j): [number, string] => [j, figureFormat(ref.key)]).filter(([, f]) => f !== FIGURE));
  formatColumns(d, [COL.raw, COL.ref1, COL.ref2], first, first + detailRows - 1, FIGURE);
  for (const z of result.zones) {
    z.indicators.forEach((s, j) => {
      const ref = references[j];
      const [a, b] = ref ? referenceValues(ref) : [null, null];
      const r = addRow(d, [
        z.rank,
        z.zone,
        dimName.get(s.dimension) ?? s.dimension,
        l.indicatorNames[s.key] ?? s.key,
        s.raw === null ? l.missing : s.raw,
        l.units[s.key] ?? "",
        l.methodNames[s.method],
        s.score,
        s.weight,
        s.contribution,
        ref ? x.referenceNames(ref.method, ref.lowerIsBetter) : "",
        a,
        b,
      ]);
      const own = ownFormats.get(j);
      if (own !== undefined) formatColumns(d, [COL.raw, COL.ref1, COL.ref2], r, r, own);
      if (!ref || !withFormulas) return;
      formulas.push({ row: r, col: COL.recomputed, formula: contributionFormula(ref, r, missingCells[j]), result: s.contribution, format: CONTRIBUTION });
      formulas.push({ row: r, col: COL.difference, formula: `=${cellRef(r, COL.recomputed)}-${cellRef(r, COL.contribution)}`, result: 0, format: DIFFERENCE });
    });
  }
  const last = d.rows.length - 1;
  formatColumns(d, [0], first, last, INTEGER);
  formatColumns(d, [COL.score], first, last, SCORE);
  formatColumns(d, [COL.weight], first, last, POINTS);
  formatColumns(d, [COL.contribution], first, last, CONTRIBUTION);
  borderRows(d, first, last);
  centre(d, [0, COL.unit, COL.refNames], first, last);

  if (checkRow >= 0) {
    d.merges.push({ r0: checkRow, c0: 0, r1: checkRow, c1: COL.ref2 });
    d.styles.push({ range: { r0: checkRow, c0: 0, r1: checkRow, c1: WIDTH - 1 }, bold: true, wrap: true, border: true });
    if (last >= first && withFormulas) {
      const total = `SUMPRODUCT(ABS(${cellRef(first, COL.difference, true)}:${cellRef(last, COL.difference, true)}))`;
      formulas.push({ row: checkRow, col: COL.recomputed, formula: `=${total}`, result: 0, format: DIFFERENCE });
      formulas.push({ row: checkRow, col: COL.difference, formula: `=IF(${cellRef(checkRow, COL.recomputed)}<=${CHECK_TOLERANCE},${textLiteral(x.checkOk)},${textLiteral(x.checkBad)})`, result: x.checkOk });
    }
  }

  const plan = finishPlan(d, {
    kind: "details",
    labels: l,
    title,
    headerRow: header,
    columnWidths: [6, fitWidth(d, 1, 16, 24, header + 1), 10, 16, 10, 12, 10, 10, 9, 10, 17, 10, 10, 10, 10],
    orientation: "landscape",
    freezeCols: 2,
    // The reference block would fill the screen if frozen and half of every printed page if repeated:
    // every row carries its own references, so only the table's header row repeats on paper.
    freezeRows: 0,
    titleRows: [header, header],
  });
  if (formulas.length > 0) plan.formulas = formulas;
  return plan;
}

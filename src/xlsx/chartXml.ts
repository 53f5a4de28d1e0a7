// A plan's charts as DrawingML: one drawing part per sheet (a cell-anchored frame per chart) and
// one chart part per chart. Every series refers to the sheet's own cells and carries their values
// as a cache, so a reader that does not recalculate still draws it. Each series has a pattern of
// its own besides its colour, and its bars a black outline, so a page printed in black and white
// still tells the series apart.
import { cellRef } from "../workbook/plan/formulas";
import type { ChartSpec, PlanCell, SheetPlan } from "../workbook/plan/types";
import { quotedSheet } from "./marker";
import { xmlText } from "./sheetXml";
import { escapeXml } from "./xmlEdit";

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CAT_AXIS = 500_000_001;
const VAL_AXIS = 500_000_002;

/** Per series: a colour for the screen and a pattern (ST_PresetPatternVal) that survives a black-and-white print. */
const SERIES_LOOKS: ReadonlyArray<readonly [colour: string, pattern: string]> = [
  ["4472C4", "pct20"],
  ["ED7D31", "dkUpDiag"],
  ["A5A5A5", "smCheck"],
  ["FFC000", "dkHorz"],
  ["5B9BD5", "openDmnd"],
  ["70AD47", "dkVert"],
  ["264478", "lgGrid"],
  ["9E480E", "wdDnDiag"],
  ["636363", "pct75"],
  ["997300", "horzBrick"],
];

const BLACK_LINE = '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>';
const BLACK_AXIS = `<c:spPr>${BLACK_LINE}</c:spPr>`;

function seriesFill(index: number): string {
  const [colour, pattern] = SERIES_LOOKS[index % SERIES_LOOKS.length];
  return `<c:spPr><a:pattFill prst="${pattern}"><a:fgClr><a:srgbClr val="${colour}"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>${BLACK_LINE}</c:spPr>`;
}

/** Rich text of a title, bold at `size` hundredths of a point. */
function richText(text: string, size: number): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string, size: number): string {
  return `<c:title>${richText(text, size)}<c:overlay val="0"/></c:title>`;
}

function cacheText(v: PlanCell): string {
  return v === null ? "" : xmlText(String(v));
}

/** A column of the source block as a reference to the sheet's cells, with their values cached. */
function columnSource(kind: "cat" | "val", sheet: string, plan: SheetPlan, spec: ChartSpec, col: number): string {
  const { r0, r1 } = spec.source;
  const ref = `${quotedSheet(sheet)}!${cellRef(r0 + 1, col, true)}:${cellRef(r1, col, true)}`;
  const cells = plan.values.slice(r0 + 1, r1 + 1).map((row) => row[col] ?? null);
  const count = `<c:ptCount val="${cells.length}"/>`;
  const numeric = kind === "val" || cells.every((v) => typeof v === "number");
  if (!numeric) {
    const points = cells.map((v, i) => `<c:pt idx="${i}"><c:v>${cacheText(v)}</c:v></c:pt>`).join("");
    return `<c:${kind}><c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache>${count}${points}</c:strCache></c:strRef></c:${kind}>`;
  }
  // A blank or text cell has no point: the chart leaves a gap, as Excel does for the same cells.
  const points = cells.map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:${kind}><c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${count}${points}</c:numCache></c:numRef></c:${kind}>`;
}

/** A stacked segment thinner than this share of the tallest stack has no room for its figure. */
const THIN_SEGMENT = 1 / 16;

/**
 * Each bar's figure, except at the points `unlabelled` (segments too thin to hold one, whose figure
 * the table beside gives); zeros stay unlabelled, so stacked columns are not crowded with "0".
 */
function dataLabels(position: string, unlabelled: readonly number[]): string {
  return (
    `<c:dLbls>${unlabelled.map((i) => `<c:dLbl><c:idx val="${i}"/><c:delete val="1"/></c:dLbl>`).join("")}` +
    '<c:numFmt formatCode="General;-General;;" sourceLinked="0"/>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></c:spPr>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>' +
    `<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

/** The source block's figures, a row per category and a column per series (a blank or text cell as 0). */
function figures(plan: SheetPlan, spec: ChartSpec): number[][] {
  const { r0, r1, c0, c1 } = spec.source;
  return plan.values.slice(r0 + 1, r1 + 1).map((row) => Array.from({ length: c1 - c0 }, (_, k) => (typeof row[c0 + 1 + k] === "number" ? (row[c0 + 1 + k] as number) : 0)));
}

/** Per series, the points of a stacked chart whose segment is too thin for a label. */
function thinSegments(plan: SheetPlan, spec: ChartSpec): number[][] {
  const rows = figures(plan, spec);
  const tallest = Math.max(0, ...rows.map((r) => r.reduce((sum, v) => sum + Math.max(0, v), 0)));
  return Array.from({ length: spec.source.c1 - spec.source.c0 }, (_, k) => rows.flatMap((r, i) => (r[k] < tallest * THIN_SEGMENT ? [i] : [])));
}

function series(sheet: string, plan: SheetPlan, spec: ChartSpec, index: number, unlabelled: readonly number[]): string {
  const col = spec.source.c0 + 1 + index;
  const nameRef = `${quotedSheet(sheet)}!${cellRef(spec.source.r0, col, true)}`;
  const name = plan.values[spec.source.r0]?.[col] ?? null;
  const tx = `<c:tx><c:strRef><c:f>${xmlText(nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${cacheText(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
  // A floating bar's first series is where the bar starts: drawn as nothing, so the second floats.
  const hidden = spec.type === "floatingBar" && index === 0;
  const fill = hidden ? "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" : seriesFill(index);
  const labels = spec.dataLabels && !hidden ? dataLabels(spec.type === "clusteredBar" ? "outEnd" : "ctr", unlabelled) : "";
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${tx}${fill}<c:invertIfNegative val="0"/>${labels}${columnSource("cat", sheet, plan, spec, spec.source.c0)}${columnSource("val", sheet, plan, spec, col)}</c:ser>`;
}

/** The chart part (c:chartSpace) of one chart spec drawn from the sheet `sheet` holding `plan`. */
export function chartXml(spec: ChartSpec, sheet: string, plan: SheetPlan): string {
  const horizontal = spec.type !== "stackedColumn";
  const stacked = spec.type !== "clusteredBar";
  const count = spec.source.c1 - spec.source.c0;
  const thin = stacked && spec.dataLabels ? thinSegments(plan, spec) : [];
  const allSeries = Array.from({ length: count }, (_, i) => series(sheet, plan, spec, i, thin[i] ?? [])).join("");
  const bars =
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${allSeries}` +
    `<c:gapWidth val="${horizontal ? 60 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>`;
  // Bars list their categories top to bottom in the block's order; the value axis then stays below them.
  const catAxis =
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${BLACK_AXIS}` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAxis =
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    (spec.valueAxisTitle ? title(spec.valueAxisTitle, 1000) : "") +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${BLACK_AXIS}` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  // A floating bar draws one series, which its title and value axis name: a legend would only list
  // the invisible start series (LibreOffice ignores a legend entry's deletion).
  const legend = spec.type === "floatingBar" ? "" : '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    '<c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    `<c:chart>${title(spec.title, 1400)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bars}${catAxis}${valAxis}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    "</c:chartSpace>"
  );
}

/** The drawing part of a sheet: each chart in a frame anchored to the cells of its spec's anchor. */
export function drawingXml(charts: ReadonlyArray<{ spec: ChartSpec; relId: string }>): string {
  const marker = (tag: string, row: number, col: number): string => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map(({ spec, relId }, i) => {
    const a = spec.anchor;
    return (
      `<xdr:twoCellAnchor>${marker("from", a.r0, a.c0)}${marker("to", a.r1 + 1, a.c1 + 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">${anchors.join("")}</xdr:wsDr>`;
}

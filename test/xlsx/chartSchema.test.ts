// The chart and drawing parts the writer emits against ECMA-376's content models (Part 1, the
// DrawingML chart and spreadsheet-drawing schemas; the worksheet's top level from SpreadsheetML):
// every element that has children is listed below with its type's sequence, and its children must
// come in that order, be allowed there, and include what the schema requires. Excel refuses a part
// (and "repairs" the workbook by dropping the chart) on the first element out of place.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChartSpec, SheetPlan } from "../../src/workbook/plan/types";
import { rateWorkbook, readInputWorkbook } from "../../src/xlsx/rateWorkbook";
import { writeRatedWorkbook } from "../../src/xlsx/write";
import { xmlElements, type XmlElement } from "../../src/xlsx/xmlEdit";
import { parts } from "./packageCheck";

/**
 * A type's children in schema order. Each token is one element, or a choice of elements ("a|b")
 * that share a place in the sequence; its suffix says how often it occurs: none at most once,
 * "!" exactly once, "+" at least once, "*" any number, "{n}" exactly n times.
 */
type Sequence = readonly string[];

const SHAPE_PROPERTIES: Sequence = ["a:xfrm", "a:custGeom|a:prstGeom", "a:noFill|a:solidFill|a:gradFill|a:blipFill|a:pattFill|a:grpFill", "a:ln", "a:effectLst|a:effectDag", "a:scene3d", "a:sp3d", "a:extLst"];
const TEXT_BODY: Sequence = ["a:bodyPr!", "a:lstStyle", "a:p+"];
const COLOR = ["a:scrgbClr|a:srgbClr|a:hslClr|a:sysClr|a:schemeClr|a:prstClr!"];
/** Group_DLbl / Group_DLbls: what a label shows, each flag required unless the label is deleted instead. */
const LABEL_GROUP = ["c:numFmt", "c:spPr", "c:txPr", "c:dLblPos", "c:showLegendKey!", "c:showVal!", "c:showCatName!", "c:showSerName!", "c:showPercent!", "c:showBubbleSize!", "c:separator"];
const AXIS_SHARED = ["c:axId!", "c:scaling!", "c:delete", "c:axPos!", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx!", "c:crosses|c:crossesAt"];

/** The chart part (dml-chart.xsd), by element: its type's sequence. */
const CHART: Record<string, Sequence> = {
  "c:chartSpace": ["c:date1904", "c:lang", "c:roundedCorners", "c:style", "c:clrMapOvr", "c:pivotSource", "c:protection", "c:chart!", "c:spPr", "c:txPr", "c:externalData", "c:printSettings", "c:userShapes", "c:extLst"],
  "c:chart": ["c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall", "c:backWall", "c:plotArea!", "c:legend", "c:plotVisOnly", "c:dispBlanksAs", "c:showDLblsOverMax", "c:extLst"],
  "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  // CT_Tx (a title's: strRef or rich) and CT_SerTx (a series name's: strRef or v).
  "c:tx": ["c:strRef|c:rich|c:v!"],
  "c:rich": TEXT_BODY,
  "c:txPr": TEXT_BODY,
  "c:plotArea": ["c:layout", "c:areaChart|c:area3DChart|c:lineChart|c:line3DChart|c:stockChart|c:radarChart|c:scatterChart|c:pieChart|c:pie3DChart|c:doughnutChart|c:barChart|c:bar3DChart|c:ofPieChart|c:surfaceChart|c:surface3DChart|c:bubbleChart+", "c:valAx|c:catAx|c:dateAx|c:serAx*", "c:dTable", "c:spPr", "c:extLst"],
  "c:barChart": ["c:barDir!", "c:grouping", "c:varyColors", "c:ser*", "c:dLbls", "c:gapWidth", "c:overlap", "c:serLines*", "c:axId{2}", "c:extLst"],
  "c:ser": ["c:idx!", "c:order!", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:dPt*", "c:dLbls", "c:trendline*", "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst"],
  "c:dLbls": ["c:dLbl*", "c:delete", ...LABEL_GROUP, "c:showLeaderLines", "c:leaderLines", "c:extLst"],
  "c:dLbl": ["c:idx!", "c:delete", "c:layout", "c:tx", ...LABEL_GROUP, "c:extLst"],
  "c:cat": ["c:multiLvlStrRef|c:numRef|c:numLit|c:strRef|c:strLit!"],
  "c:val": ["c:numRef|c:numLit!"],
  "c:strRef": ["c:f!", "c:strCache", "c:extLst"],
  "c:numRef": ["c:f!", "c:numCache", "c:extLst"],
  "c:strCache": ["c:ptCount", "c:pt*", "c:extLst"],
  "c:numCache": ["c:formatCode", "c:ptCount", "c:pt*", "c:extLst"],
  "c:pt": ["c:v!"],
  "c:catAx": [...AXIS_SHARED, "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"],
  "c:valAx": [...AXIS_SHARED, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:majorGridlines": ["c:spPr"],
  "c:legend": ["c:legendPos", "c:legendEntry*", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:spPr": SHAPE_PROPERTIES,
  "a:ln": ["a:noFill|a:solidFill|a:gradFill|a:pattFill", "a:prstDash|a:custDash", "a:round|a:bevel|a:miter", "a:headEnd", "a:tailEnd", "a:extLst"],
  "a:solidFill": ["a:scrgbClr|a:srgbClr|a:hslClr|a:sysClr|a:schemeClr|a:prstClr"],
  "a:pattFill": ["a:fgClr", "a:bgClr"],
  "a:fgClr": COLOR,
  "a:bgClr": COLOR,
  "a:p": ["a:pPr", "a:r|a:br|a:fld*", "a:endParaRPr"],
  "a:pPr": ["a:lnSpc", "a:spcBef", "a:spcAft", "a:buClrTx|a:buClr", "a:buSzTx|a:buSzPct|a:buSzPts", "a:buFontTx|a:buFont", "a:buNone|a:buAutoNum|a:buChar|a:buBlip", "a:tabLst", "a:defRPr", "a:extLst"],
  "a:r": ["a:rPr", "a:t!"],
};

/** Types whose content is a choice of c:delete alone or the label group (CT_DLbl, CT_DLbls). */
const DELETE_OR_GROUP = new Set(["c:dLbl", "c:dLbls"]);
const GROUP_NAMES = new Set(LABEL_GROUP.map((t) => t.replace(/!$/, "")));

/** The drawing part (dml-spreadsheetDrawing.xsd). */
const DRAWING: Record<string, Sequence> = {
  "xdr:wsDr": ["xdr:twoCellAnchor|xdr:oneCellAnchor|xdr:absoluteAnchor*"],
  "xdr:twoCellAnchor": ["xdr:from!", "xdr:to!", "xdr:sp|xdr:grpSp|xdr:graphicFrame|xdr:cxnSp|xdr:pic|xdr:contentPart!", "xdr:clientData!"],
  "xdr:from": ["xdr:col!", "xdr:colOff!", "xdr:row!", "xdr:rowOff!"],
  "xdr:to": ["xdr:col!", "xdr:colOff!", "xdr:row!", "xdr:rowOff!"],
  "xdr:graphicFrame": ["xdr:nvGraphicFramePr!", "xdr:xfrm!", "a:graphic!", "xdr:extLst"],
  "xdr:nvGraphicFramePr": ["xdr:cNvPr!", "xdr:cNvGraphicFramePr!"],
  "xdr:xfrm": ["a:off", "a:ext"],
  "a:graphic": ["a:graphicData!"],
  // CT_GraphicalObjectData holds any element; a chart's is c:chart alone.
  "a:graphicData": ["c:chart!"],
};

/** A worksheet's top level (sml.xsd CT_Worksheet), where the drawing and the print settings go. */
const WORKSHEET: Record<string, Sequence> = {
  worksheet: [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols*", "sheetData!", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting*", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
    "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
    "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
  ],
};

function token(t: string): { names: string[]; min: number; max: number } {
  const m = /^(.*?)(!|\+|\*|\{(\d+)\})?$/.exec(t)!;
  const names = m[1].split("|");
  if (m[2] === "!") return { names, min: 1, max: 1 };
  if (m[2] === "+") return { names, min: 1, max: Infinity };
  if (m[2] === "*") return { names, min: 0, max: Infinity };
  if (m[3] !== undefined) return { names, min: Number(m[3]), max: Number(m[3]) };
  return { names, min: 0, max: 1 };
}

function qualified(el: XmlElement): string {
  return `${el.prefix}${el.name}`;
}

/** Where `xml` breaks its schema: each fault as text, naming the element's path. */
function schemaFaults(xml: string, schema: Record<string, Sequence>, deep: boolean): string[] {
  const els = xmlElements(xml);
  const children = new Map<XmlElement, XmlElement[]>();
  for (const el of els) if (el.parent) children.set(el.parent, [...(children.get(el.parent) ?? []), el]);
  const path = (el: XmlElement): string => (el.parent ? `${path(el.parent)}/${qualified(el)}` : qualified(el));
  const faults: string[] = [];
  for (const el of deep ? els : els.slice(0, 1)) {
    const kids = children.get(el) ?? [];
    const sequence = schema[qualified(el)];
    if (!sequence) {
      if (kids.length > 0) faults.push(`${path(el)} has children but no content model here`);
      continue;
    }
    const tokens = sequence.map(token);
    let at = 0;
    const counts = new Array<number>(tokens.length).fill(0);
    for (const kid of kids) {
      const place = tokens.findIndex((t) => t.names.includes(qualified(kid)));
      if (place < 0) faults.push(`${path(kid)} is not allowed in ${qualified(el)}`);
      else if (place < at) faults.push(`${path(kid)} comes after ${tokens[at].names.join("|")}`);
      else {
        at = place;
        counts[place]++;
      }
    }
    const deleted = DELETE_OR_GROUP.has(qualified(el)) && kids.some((k) => qualified(k) === "c:delete");
    if (deleted && kids.some((k) => GROUP_NAMES.has(qualified(k)))) faults.push(`${path(el)} is deleted and labelled at once`);
    tokens.forEach((t, i) => {
      const min = deleted && t.names.some((n) => GROUP_NAMES.has(n)) ? 0 : t.min;
      if (counts[i] < min || counts[i] > t.max) faults.push(`${path(el)} has ${counts[i]} of ${t.names.join("|")}`);
    });
  }
  return faults;
}

/** A sheet holding one block of figures, and each chart type drawn from it with every option it takes. */
function everyChartKind(): SheetPlan {
  // A plan's rows are all as wide as its first.
  const values = [["各类图表", null, null, null], ["", "起点", "长度", "第三"], ["甲", 5, 3, 0], ["乙", 1, 40, 2], ["丙", 0, 12, 7], ...Array.from({ length: 20 }, () => [null, null, null, null])];
  const source = { r0: 1, c0: 0, r1: 4, c1: 3 };
  const charts: ChartSpec[] = (["stackedColumn", "clusteredBar", "floatingBar"] as const).map((type, i) => ({
    type,
    title: `${type} <&> 图`,
    source,
    anchor: { r0: 6 + 6 * i, c0: 0, r1: 10 + 6 * i, c1: 5 },
    valueAxisTitle: "数量 (个)",
    dataLabels: true,
  }));
  return {
    kind: "stars",
    name: "图表 'A'",
    title: "各类图表",
    values,
    headerRow: 1,
    columnFormats: [],
    columnWidths: [10, 10, 10, 10],
    merges: [],
    styles: [],
    freeze: { rows: 2, cols: 0 },
    print: { orientation: "portrait", paper: "A4", titleRows: [1, 1], fitToWidth: true, footer: "第 &P 页" },
    charts,
  };
}

async function written(plans: SheetPlan[], input?: Uint8Array): Promise<Map<string, string>> {
  const chunks: Uint8Array[] = [];
  await writeRatedWorkbook(plans, input, { write: (c) => void chunks.push(c.slice()) });
  return parts(Buffer.concat(chunks));
}

describe("chart and drawing parts against ECMA-376's content models", () => {
  let packages: Array<Map<string, string>>;

  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../samples/henan-zones-sample.xlsx")));
    const read = await readInputWorkbook(bytes, "sample.xlsx", "zh-CN");
    if (!("input" in read)) throw new Error("the sample did not read");
    // The sample as a run writes it, the robustness analysis's floating bars included.
    const rated = await rateWorkbook(read.input, { locale: "zh-CN", history: true, robustness: { runs: 20, seed: 1, weightShare: 0.2, varyMethods: false } });
    if (!rated.ok) throw new Error("the sample did not rate");
    packages = [await written(rated.plans, bytes), await written([everyChartKind()])];
  }, 60_000);

  test("every chart type is written, with data labels, thin segments left unlabelled, and axis titles", () => {
    const charts = packages.flatMap((p) => [...p].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map(([, xml]) => xml));
    expect(charts.length).toBeGreaterThanOrEqual(7);
    const all = charts.join("");
    for (const direction of ['<c:barDir val="col"/>', '<c:barDir val="bar"/>']) expect(all).toContain(direction);
    for (const grouping of ['<c:grouping val="stacked"/>', '<c:grouping val="clustered"/>']) expect(all).toContain(grouping);
    expect(all).toContain("<c:dLbls><c:dLbl>");
    expect(all).toContain("<a:pattFill");
    expect(all).toMatch(/<c:valAx>(?:(?!<\/c:valAx>).)*<c:title>/);
  });

  test("a stacked segment too thin for its figure (under a 16th of the tallest stack) carries none; bars beside each other all do", () => {
    const byTitle = (title: string): string => [...packages[1].values()].find((xml) => xml.includes(`<a:t>${title}</a:t>`))!;
    const unlabelled = (xml: string): string[][] =>
      [...xml.matchAll(/<c:ser>.*?<\/c:ser>/g)].map((ser) => [...ser[0].matchAll(/<c:dLbl><c:idx val="(\d+)"\/><c:delete val="1"\/><\/c:dLbl>/g)].map((m) => m[1]));
    // Stacks of 8, 43 and 19: under 43/16, the 1 and the 0 of 起点 and the 0 and the 2 of 第三.
    expect(unlabelled(byTitle("stackedColumn &lt;&amp;&gt; 图"))).toEqual([["1", "2"], [], ["0", "1"]]);
    expect(unlabelled(byTitle("clusteredBar &lt;&amp;&gt; 图"))).toEqual([[], [], []]);
  });

  test("every element of every chart part is in its schema's order, allowed and complete", () => {
    const faults = packages.flatMap((p) => [...p].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).flatMap(([name, xml]) => schemaFaults(xml, CHART, true).map((f) => `${name}: ${f}`)));
    expect(faults).toEqual([]);
  });

  test("every element of every drawing part is in its schema's order, allowed and complete", () => {
    const drawings = packages.flatMap((p) => [...p].filter(([name]) => /^xl\/drawings\/drawing\d+\.xml$/.test(name)));
    expect(drawings.length).toBeGreaterThanOrEqual(4);
    expect(drawings.flatMap(([name, xml]) => schemaFaults(xml, DRAWING, true).map((f) => `${name}: ${f}`))).toEqual([]);
  });

  test("each result sheet's top level, its drawing among them, is in CT_Worksheet's order", () => {
    const sheets = packages.flatMap((p) => [...p].filter(([name, xml]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && xml.includes("<pageSetup")));
    expect(sheets.some(([, xml]) => xml.includes("<drawing "))).toBe(true);
    expect(sheets.flatMap(([name, xml]) => schemaFaults(xml, WORKSHEET, false).map((f) => `${name}: ${f}`))).toEqual([]);
  });

  test("the checker itself refuses an element out of order, one not allowed, and one missing", () => {
    const chart = (inner: string): string => `<c:chartSpace xmlns:c="c"><c:chart><c:plotArea><c:barChart>${inner}</c:barChart></c:plotArea></c:chart></c:chartSpace>`;
    expect(schemaFaults(chart('<c:barDir val="col"/><c:axId val="1"/><c:axId val="2"/>'), CHART, true)).toEqual([]);
    expect(schemaFaults(chart('<c:barDir val="col"/><c:axId val="1"/><c:gapWidth val="5"/><c:axId val="2"/>'), CHART, true)).toHaveLength(1);
    expect(schemaFaults(chart('<c:barDir val="col"/><c:pie/><c:axId val="1"/><c:axId val="2"/>'), CHART, true)).toEqual(["c:chartSpace/c:chart/c:plotArea/c:barChart/c:pie is not allowed in c:barChart"]);
    expect(schemaFaults(chart('<c:axId val="1"/><c:axId val="2"/>'), CHART, true)).toEqual(["c:chartSpace/c:chart/c:plotArea/c:barChart has 0 of c:barDir"]);
    const labels = (inner: string): string => `<c:dLbls>${inner}</c:dLbls>`;
    expect(schemaFaults(labels('<c:dLbl><c:idx val="0"/><c:delete val="1"/></c:dLbl><c:delete val="1"/>'), CHART, true)).toEqual([]);
    expect(schemaFaults(labels('<c:dLbl><c:idx val="0"/><c:showVal val="1"/></c:dLbl><c:delete val="1"/>'), CHART, true)).toHaveLength(5);
  });
});

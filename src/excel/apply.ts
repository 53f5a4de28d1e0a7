// Puts sheet plans into the open workbook. New sheets are written under temporary names first;
// only when every one is complete are the add-in's old sheets deleted and the new ones renamed, so
// a failure part-way leaves the earlier results as they were. Requests stay under Excel's 5 MB
// limit: large plans are sent in row chunks over extra syncs (data volume only).
import { a1 } from "../workbook/grid";
import { resolveNumberFormats } from "../workbook/plan/formats";
import { cellRef } from "../workbook/plan/formulas";
import type { CellStyle, ChartSpec, PlanCell, Rect, SheetKind, SheetPlan } from "../workbook/plan/types";
import { formulaBlocks } from "../host/blocks";
import { applyNames, isTemporarySheet } from "../host/naming";
import type { ApplyOptions, ApplyOutcome } from "../host/workbook";
import { REQUEST_BUDGET_BYTES, utf8Length, type Capabilities } from "./capabilities";
import { MARKER_KEY, PRESET_ROW, REGISTRY_SHEET } from "./marker";
import { NOTICES } from "./notices";
import { rangeAt } from "./ranges";
import type { OfficeWorkbookState } from "./read";

/** Bytes counted for an operation other than a data chunk. */
const OP_BYTES = 200;
/** Excel column width in points per character of the plan's widths. */
const POINTS_PER_CHAR = 6;

function rangeOf(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return rangeAt(ws, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
}

/** Counts request bytes as they are queued, syncing first when the next piece would pass the budget. */
class Batcher {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET_BYTES) {
      await this.context.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }

  async op(count = 1): Promise<void> {
    await this.reserve(count * OP_BYTES);
  }
}

function writableRow(row: PlanCell[]): Array<string | number | boolean> {
  return row.map((v) => (v === null ? "" : v));
}

/**
 * Writes `count` rows of cells from (r0, c0) with their number formats, the formats first, in chunks
 * grown row by row until the bytes Excel will receive would fill a request.
 */
async function writeRows<T>(
  ws: Excel.Worksheet,
  batch: Batcher,
  at: { r0: number; c0: number; width: number; count: number },
  rowAt: (i: number) => { cells: T[]; formats: string[] },
  put: (range: Excel.Range, cells: T[][]) => void,
): Promise<void> {
  let start = 0;
  while (start < at.count) {
    let bytes = 0;
    const cells: T[][] = [];
    const formats: string[][] = [];
    while (start + cells.length < at.count) {
      const row = rowAt(start + cells.length);
      const rowBytes = utf8Length(JSON.stringify(row.cells)) + utf8Length(JSON.stringify(row.formats)) + 2;
      if (cells.length > 0 && bytes + rowBytes > REQUEST_BUDGET_BYTES - OP_BYTES * 4) break;
      cells.push(row.cells);
      formats.push(row.formats);
      bytes += rowBytes;
    }
    await batch.reserve(bytes + OP_BYTES * 2);
    const range = rangeAt(ws, at.r0 + start, at.c0, cells.length, at.width);
    range.numberFormat = formats;
    put(range, cells);
    start += cells.length;
  }
}

function writeValues(ws: Excel.Worksheet, plan: SheetPlan, batch: Batcher): Promise<void> {
  const at = { r0: 0, c0: 0, width: plan.values[0]?.length ?? 0, count: plan.values.length };
  // The text format goes first: a zone named "=SUM(A1)" then stays text instead of becoming a formula.
  return writeRows(ws, batch, at, (r) => ({ cells: writableRow(plan.values[r]), formats: resolveNumberFormats(plan, r, r)[0] }), (range, values) => (range.values = values));
}

/** Writes the plan's formulas over the values (their cells were left blank), formats first. */
async function writeFormulas(ws: Excel.Worksheet, plan: SheetPlan, batch: Batcher): Promise<void> {
  for (const block of formulaBlocks(plan.formulas ?? [])) {
    const at = { r0: block.r0, c0: block.c0, width: block.formulas[0].length, count: block.formulas.length };
    // A formula under the text format "@" would stay text: the cell's own format goes first.
    await writeRows(ws, batch, at, (i) => ({ cells: block.formulas[i], formats: block.formats[i] }), (range, formulas) => (range.formulas = formulas));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

async function applyStyle(ws: Excel.Worksheet, s: CellStyle, batch: Batcher): Promise<void> {
  await batch.op(8);
  const f = rangeOf(ws, s.range).format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fill) f.fill.color = s.fill;
  if (s.align) f.horizontalAlignment = ALIGN[s.align];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    for (const edge of EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#808080";
    }
  }
}

const CHART_TYPES = { stackedColumn: "ColumnStacked", clusteredBar: "BarClustered", floatingBar: "BarStacked" } as const;

/** A plan's chart as Excel draws it: its type, title, place, figures on the bars, and the axis words. */
async function addChart(ws: Excel.Worksheet, spec: ChartSpec, caps: Capabilities, batch: Batcher): Promise<void> {
  await batch.op(6);
  const chart = ws.charts.add(CHART_TYPES[spec.type], rangeOf(ws, spec.source), "Columns");
  chart.title.text = spec.title;
  chart.setPosition(a1(spec.anchor.r0, spec.anchor.c0), a1(spec.anchor.r1, spec.anchor.c1));
  if (spec.dataLabels) chart.dataLabels.showValue = true;
  if (spec.valueAxisTitle !== undefined) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  // A bar chart lists its first category at the bottom; the plan's block reads top to bottom.
  if (caps.chartAxisOrder && spec.type !== "stackedColumn") chart.axes.categoryAxis.reversePlotOrder = true;
  // A floating bar starts where the first series ends: that series is drawn without fill.
  if (spec.type === "floatingBar") chart.series.getItemAt(0).format.fill.clear();
}

async function writeLayout(ws: Excel.Worksheet, plan: SheetPlan, caps: Capabilities, batch: Batcher): Promise<void> {
  // A column of width 0 is a hidden one in Excel (and is not printed).
  const hidden = new Set(plan.hiddenColumns ?? []);
  for (const [c, w] of plan.columnWidths.entries()) {
    await batch.op();
    ws.getRange(a1(0, c)).format.columnWidth = hidden.has(c) ? 0 : w * POINTS_PER_CHAR;
  }
  for (const h of plan.rowHeights ?? []) {
    await batch.op();
    ws.getRange(`${h.r0 + 1}:${h.r1 + 1}`).format.rowHeight = h.height;
  }
  for (const m of plan.merges) {
    await batch.op();
    rangeOf(ws, m).merge(false);
  }
  for (const s of plan.styles) await applyStyle(ws, s, batch);
  if (caps.freezePanes) {
    await batch.op();
    if (plan.freeze.rows > 0 && plan.freeze.cols > 0) ws.freezePanes.freezeAt(rangeAt(ws, 0, 0, plan.freeze.rows, plan.freeze.cols));
    else if (plan.freeze.rows > 0) ws.freezePanes.freezeRows(plan.freeze.rows);
    else if (plan.freeze.cols > 0) ws.freezePanes.freezeColumns(plan.freeze.cols);
  }
  if (caps.printSetup) {
    await batch.op(6 + (plan.sectionBreaks?.length ?? 0));
    const layout = ws.pageLayout;
    layout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.setPrintTitleRows(`$${plan.print.titleRows[0] + 1}:$${plan.print.titleRows[1] + 1}`);
    // verticalFitToPages 0 leaves the page count tall to Excel: one page wide, as many tall as needed.
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    layout.headersFooters.defaultForAllPages.centerFooter = plan.print.footer;
    // The sections' own page starts (a table after its summary); Excel paginates the rest itself.
    for (const row of plan.sectionBreaks ?? []) ws.horizontalPageBreaks.add(a1(row, 0));
  }
  for (const spec of plan.charts ?? []) await addChart(ws, spec, caps, batch);
  if (caps.dataValidation) {
    for (const dv of plan.dataValidation ?? []) {
      await batch.op(2);
      const v = rangeOf(ws, dv.range).dataValidation;
      const rule = dv.rule;
      const basic =
        rule.max === undefined
          ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" as const }
          : { formula1: rule.min, formula2: rule.max, operator: "Between" as const };
      v.rule = rule.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
      v.errorAlert = { message: dv.message, showAlert: true, style: "Stop", title: plan.name };
    }
    for (const lv of plan.listValidation ?? []) {
      await batch.op(2);
      const v = rangeOf(ws, lv.range).dataValidation;
      v.rule = { list: { inCellDropDown: true, source: `=${cellRef(lv.source.r0, lv.source.c0, true)}:${cellRef(lv.source.r1, lv.source.c1, true)}` } };
      v.errorAlert = { message: lv.message, showAlert: true, style: "Stop", title: plan.name };
    }
  }
}

/** Deletes the temporary sheets of a failed write, so no half-written output is left behind. */
async function removeTemporarySheets(context: Excel.RequestContext): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  for (const ws of sheets.items) if (isTemporarySheet(ws.name)) ws.delete();
  await context.sync();
}

/** Rewrites the registry sheet with the ids of the add-in's sheets and the preset of the last run. */
function writeRegistry(context: Excel.RequestContext, state: OfficeWorkbookState, sheetRows: Array<[string, SheetKind]>, presetId: string | undefined): void {
  const rows: string[][] = presetId === undefined ? sheetRows : [...sheetRows, [PRESET_ROW, presetId]];
  const sheets = context.workbook.worksheets;
  let registry: Excel.Worksheet;
  if (state.registry === undefined) {
    registry = sheets.add(REGISTRY_SHEET);
    registry.visibility = "VeryHidden";
  } else {
    registry = sheets.getItem(REGISTRY_SHEET);
  }
  const height = Math.max(rows.length, (state.registry?.length ?? 0) + (state.presetId === undefined ? 0 : 1));
  if (height === 0) return;
  const values = Array.from({ length: height }, (_, i) => rows[i] ?? ["", ""]);
  const range = rangeAt(registry, 0, 0, height, 2);
  range.numberFormat = values.map(() => ["@", "@"]);
  range.values = values;
}

/**
 * Writes the plans as new sheets, replacing the add-in's sheets of `replaceKinds`. Takes two
 * requests for normal sizes (the sheets, then the registry of their ids), more only for data volume.
 */
export async function applyPlans(context: Excel.RequestContext, state: OfficeWorkbookState, plans: SheetPlan[], opts: ApplyOptions & { caps: Capabilities }): Promise<ApplyOutcome> {
  const { replaced, finalNames, tempNames, notices } = applyNames(state.sheets, plans, opts);

  const batch = new Batcher(context);
  const sheets = context.workbook.worksheets;
  const created: Excel.Worksheet[] = [];
  try {
    for (const [i, plan] of plans.entries()) {
      await batch.op();
      const ws = sheets.add(tempNames[i]);
      created.push(ws);
      await writeValues(ws, plan, batch);
      await writeFormulas(ws, plan, batch);
      await writeLayout(ws, plan, opts.caps, batch);
      if (opts.mark && opts.caps.customProperties) ws.customProperties.add(MARKER_KEY, plan.kind);
    }
    await batch.op(replaced.length + plans.length * 2);
    for (const old of replaced) sheets.getItem(old.name).delete();
    created.forEach((ws, i) => {
      ws.name = finalNames[i];
      ws.load("id");
    });
    if (opts.activate && created.length > 0) created[0].activate();
    await context.sync();
  } catch (error) {
    await removeTemporarySheets(context);
    throw error;
  }

  if (opts.mark || replaced.length > 0) {
    const gone = new Set(replaced.map((s) => s.id));
    const kept = (state.registry ?? []).filter(([id]) => !gone.has(id) && state.sheets.some((s) => s.id === id));
    const added: Array<[string, SheetKind]> = opts.mark ? created.map((ws, i) => [ws.id, plans[i].kind]) : [];
    writeRegistry(context, state, [...kept, ...added], opts.presetId ?? state.presetId);
    await context.sync();
  }
  if (!opts.caps.printSetup) notices.push(NOTICES.noPrintSetup(opts.locale));
  if (!opts.caps.freezePanes && plans.some((p) => p.freeze.rows > 0 || p.freeze.cols > 0)) notices.push(NOTICES.noFreezePanes(opts.locale));
  if (!opts.caps.dataValidation && plans.some((p) => p.dataValidation?.length)) notices.push(NOTICES.noValidation(opts.locale));
  if (!opts.caps.dataValidation && plans.some((p) => p.listValidation?.length)) notices.push(NOTICES.noPicker(opts.locale));
  return { written: finalNames, notices };
}

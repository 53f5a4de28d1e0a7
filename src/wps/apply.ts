// Puts sheet plans into the open workbook through WPS 表格's object model. New sheets are written
// under temporary names first; only when every one is complete are the add-in's old sheets (and
// their markers) deleted, the new ones renamed and marked, so a failure part-way leaves the earlier
// results as they were and no new sheet behind. Each block of cells is one call: the number
// formats as a few rectangles (text "@" before any value, so user text stays text), the values as
// one 2-D array, each block of formulas as one 2-D array. Steps WPS may not take (freezing panes,
// print setup, charts, entry checks, some number formats) are tried one by one; one that fails
// is left out with a notice, and the run goes on.
import { formulaBlocks } from "../host/blocks";
import { applyNames } from "../host/naming";
import type { ApplyOptions, ApplyOutcome, ListedSheet } from "../host/workbook";
import { a1 } from "../workbook/grid";
import { markerName, sheetRef } from "../workbook/markers";
import { cellRef } from "../workbook/plan/formulas";
import { GENERAL_FORMAT, TEXT_FORMAT, type CellStyle, type ChartSpec, type PlanCell, type Rect, type SheetPlan } from "../workbook/plan/types";
import { XL } from "./constants";
import { formatAreas } from "./formats";
import { PRESET_NAME, writeHiddenValue, type Marker } from "./names";
import { skippedNotice, type SkippedStep } from "./notices";
import { activeWorkbook } from "./active";
import { areaAddress, type WpsWorkbookState } from "./read";

function rangeOf(ws: Et.Worksheet, r: Rect): Et.Range {
  return ws.Range(areaAddress(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
}

function columnLetters(col: number): string {
  return a1(0, col).replace(/\d+$/, "");
}

/** "#RRGGBB" as the number WPS (like Excel's Color) takes: red in the low byte. */
export function colorNumber(hex: string): number {
  const rgb = Number.parseInt(hex.replace(/^#/, ""), 16);
  return ((rgb >> 16) & 0xff) + (rgb & 0xff00) + ((rgb & 0xff) << 16);
}

const BORDER_GREY = colorNumber("#808080");
const ALIGN = { left: XL.alignLeft, center: XL.alignCenter, right: XL.alignRight } as const;

/** Runs an optional step; a failure is noted instead of stopping the write. */
function optional(skipped: Set<SkippedStep>, step: SkippedStep, work: () => void): void {
  try {
    work();
  } catch {
    skipped.add(step);
  }
}

/** The formats other than General, which a new sheet's cells have already. */
function writeFormats(ws: Et.Worksheet, plan: SheetPlan, skipped: Set<SkippedStep>): void {
  for (const area of formatAreas(plan)) {
    if (area.format === GENERAL_FORMAT) continue;
    const set = () => {
      rangeOf(ws, area.rect).NumberFormat = area.format;
    };
    // Text must be text before the values arrive; any other format only changes how a number looks.
    if (area.format === TEXT_FORMAT) set();
    else optional(skipped, "numberFormats", set);
  }
}

function writableRow(row: PlanCell[]): Array<string | number | boolean> {
  return row.map((v) => (v === null ? "" : v));
}

function writeValues(ws: Et.Worksheet, plan: SheetPlan): void {
  const height = plan.values.length;
  const width = plan.values[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  const rows = plan.values.map(writableRow);
  const value2: WpsFix.Value2 = height === 1 && width === 1 ? rows[0][0] : rows;
  ws.Range(areaAddress(0, 0, height, width)).Value2 = value2 as Et.Range["Value2"];
}

function writeFormulas(ws: Et.Worksheet, plan: SheetPlan): void {
  for (const block of formulaBlocks(plan.formulas ?? [])) {
    const rows = block.formulas.length;
    const cols = block.formulas[0].length;
    const formulas: WpsFix.Value2 = rows === 1 && cols === 1 ? block.formulas[0][0] : block.formulas;
    ws.Range(areaAddress(block.r0, block.c0, rows, cols)).Formula = formulas as Et.Range["Formula"];
  }
}

/** Column widths in characters (WPS's ColumnWidth unit, as the plan's), neighbours of one width set together; hidden columns are 0 wide. */
function writeWidths(ws: Et.Worksheet, plan: SheetPlan): void {
  const hidden = new Set(plan.hiddenColumns ?? []);
  const widths = plan.columnWidths.map((w, c) => (hidden.has(c) ? 0 : w));
  for (const c of hidden) if (c >= widths.length) widths[c] = 0;
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c < widths.length && widths[c] === widths[start]) continue;
    if (widths[start] !== undefined) ws.Range(`${columnLetters(start)}:${columnLetters(c - 1)}`).ColumnWidth = widths[start];
    start = c;
  }
  for (const h of plan.rowHeights ?? []) ws.Range(`${h.r0 + 1}:${h.r1 + 1}`).RowHeight = h.height;
}

function writeStyle(ws: Et.Worksheet, s: CellStyle): void {
  const range = rangeOf(ws, s.range);
  if (s.bold !== undefined || s.fontSize !== undefined) {
    const font = range.Font;
    if (s.bold !== undefined) font.Bold = s.bold;
    if (s.fontSize !== undefined) font.Size = s.fontSize;
  }
  if (s.fill) range.Interior.Color = colorNumber(s.fill);
  if (s.align) range.HorizontalAlignment = ALIGN[s.align];
  if (s.wrap !== undefined) range.WrapText = s.wrap;
  if (s.border) {
    // Set on the collection, each applies to every border of every cell: three calls, not eighteen.
    const borders = range.Borders;
    borders.LineStyle = XL.lineContinuous;
    borders.Weight = XL.borderThin;
    borders.Color = BORDER_GREY;
  }
}

/** Freezing works on the active window (Excel's way, followed by WPS): the sheet is activated first. */
function freezePanes(app: WpsFix.Application, ws: Et.Worksheet, plan: SheetPlan): void {
  ws.Activate();
  const win = app.ActiveWindow;
  win.FreezePanes = false;
  win.SplitRow = plan.freeze.rows;
  win.SplitColumn = plan.freeze.cols;
  win.FreezePanes = true;
}

function printSetup(ws: Et.Worksheet, plan: SheetPlan): void {
  const page = ws.PageSetup;
  page.Orientation = (plan.print.orientation === "landscape" ? XL.landscape : XL.portrait) as Et.XlPageOrientation;
  page.PaperSize = XL.paperA4 as Et.XlPaperSize;
  page.PrintTitleRows = `$${plan.print.titleRows[0] + 1}:$${plan.print.titleRows[1] + 1}`;
  // One page wide, as many tall as needed: Zoom off, FitToPagesTall off.
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
  page.CenterHorizontally = true;
  page.CenterFooter = plan.print.footer;
  // The sections' own page starts (a table after its summary); WPS paginates the rest itself.
  const breaks = ws.HPageBreaks;
  for (const row of plan.sectionBreaks ?? []) breaks.Add(ws.Range(a1(row, 0)));
}

const CHART_TYPES = { stackedColumn: XL.columnStacked, clusteredBar: XL.barClustered, floatingBar: XL.barStacked } as const;

function addChart(ws: Et.Worksheet, spec: ChartSpec): void {
  const topLeft = ws.Range(a1(spec.anchor.r0, spec.anchor.c0));
  const bottomRight = ws.Range(a1(spec.anchor.r1 + 1, spec.anchor.c1 + 1));
  const left = topLeft.Left;
  const top = topLeft.Top;
  const chart = ws.Shapes.AddChart(CHART_TYPES[spec.type], left, top, bottomRight.Left - left, bottomRight.Top - top).Chart;
  chart.SetSourceData(rangeOf(ws, spec.source), XL.byColumns);
  chart.HasTitle = true;
  chart.ChartTitle.Text = spec.title;
  const series = spec.source.c1 - spec.source.c0;
  // A bar chart draws its first category at the bottom: reversed, the bars read top to bottom as the table does.
  if (spec.type !== "stackedColumn") (chart.Axes(XL.categoryAxis) as unknown as WpsFix.Axis).ReversePlotOrder = true;
  // A floating bar is a stacked bar whose first series (where the bar starts) is not drawn.
  if (spec.type === "floatingBar") (chart.SeriesCollection(1) as unknown as WpsFix.Series).Format.Fill.Visible = XL.msoFalse as Kso.MsoTriState;
  if (spec.valueAxisTitle !== undefined) {
    const axis = chart.Axes(XL.valueAxis) as unknown as WpsFix.Axis;
    axis.HasTitle = true;
    axis.AxisTitle.Text = spec.valueAxisTitle;
  }
  if (spec.dataLabels) {
    for (let i = spec.type === "floatingBar" ? 2 : 1; i <= series; i++) (chart.SeriesCollection(i) as unknown as WpsFix.Series).HasDataLabels = true;
  }
}

function addValidations(ws: Et.Worksheet, plan: SheetPlan, skipped: Set<SkippedStep>): void {
  for (const dv of plan.dataValidation ?? []) {
    optional(skipped, "validation", () => {
      const v = rangeOf(ws, dv.range).Validation;
      v.Delete();
      const type = dv.rule.kind === "whole" ? XL.validateWholeNumber : XL.validateDecimal;
      if (dv.rule.max === undefined) v.Add(type as Et.XlDVType, XL.alertStop, XL.greaterOrEqual, String(dv.rule.min));
      else v.Add(type as Et.XlDVType, XL.alertStop, XL.between, String(dv.rule.min), String(dv.rule.max));
      v.ErrorTitle = plan.name;
      v.ErrorMessage = dv.message;
      v.ShowError = true;
    });
  }
  for (const lv of plan.listValidation ?? []) {
    optional(skipped, "picker", () => {
      const v = rangeOf(ws, lv.range).Validation;
      v.Delete();
      v.Add(XL.validateList as Et.XlDVType, XL.alertStop, XL.between, `=${cellRef(lv.source.r0, lv.source.c0, true)}:${cellRef(lv.source.r1, lv.source.c1, true)}`);
      v.InCellDropdown = true;
      v.ErrorTitle = plan.name;
      v.ErrorMessage = lv.message;
      v.ShowError = true;
    });
  }
}

function writeSheet(app: WpsFix.Application, ws: Et.Worksheet, plan: SheetPlan, skipped: Set<SkippedStep>): void {
  writeFormats(ws, plan, skipped);
  writeValues(ws, plan);
  writeFormulas(ws, plan);
  writeWidths(ws, plan);
  for (const m of plan.merges) rangeOf(ws, m).Merge();
  for (const s of plan.styles) writeStyle(ws, s);
  if (plan.freeze.rows > 0 || plan.freeze.cols > 0) optional(skipped, "freezePanes", () => freezePanes(app, ws, plan));
  optional(skipped, "printSetup", () => printSetup(ws, plan));
  for (const spec of plan.charts ?? []) optional(skipped, "charts", () => addChart(ws, spec));
  addValidations(ws, plan, skipped);
}

function attempt(work: () => void): void {
  try {
    work();
  } catch {
    // Nothing more can be done about it; the caller reports the error that brought it here.
  }
}

function deleteName(wb: Et.Workbook, name: string): void {
  wb.Names.Item(name).Delete();
}

/** Deletes sheets without WPS asking the user to confirm each (DisplayAlerts off meanwhile). */
function quietly<T>(app: WpsFix.Application, work: () => T): T {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

/** The markers that point at none of the remaining sheets or at one of these: deleted with them. */
function markersOf(markers: readonly Marker[], sheets: readonly ListedSheet[], all: readonly ListedSheet[]): Marker[] {
  const gone = new Set(sheets.map((s) => s.name));
  const present = new Set(all.map((s) => s.name));
  return markers.filter((m) => m.sheet === undefined || gone.has(m.sheet) || !present.has(m.sheet));
}

/**
 * Writes the plans as new sheets, replacing the add-in's sheets of `replaceKinds`; with `mark`,
 * each new sheet gets its marker. Synchronous, as WPS's object model is.
 */
export function applyPlans(app: WpsFix.Application, state: WpsWorkbookState, plans: SheetPlan[], opts: ApplyOptions): ApplyOutcome {
  const { replaced, finalNames, tempNames, notices } = applyNames(state.sheets, plans, opts);
  const wb = activeWorkbook(app);
  const sheets = wb.Worksheets;
  const startedOn = wb.ActiveSheet?.Name;
  const skipped = new Set<SkippedStep>();
  const created: Et.Worksheet[] = [];
  const addedNames: string[] = [];
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    quietly(app, () => {
      try {
        for (const [i, plan] of plans.entries()) {
          const ws = sheets.Add(undefined, sheets.Item(sheets.Count)) as WpsFix.Worksheet;
          created.push(ws);
          ws.Name = tempNames[i];
          writeSheet(app, ws, plan, skipped);
        }
        const stale = markersOf(state.names.markers, replaced, state.sheets);
        for (const m of stale) deleteName(wb, m.name);
        for (const old of replaced) (sheets.Item(old.name) as WpsFix.Worksheet).Delete();
        created.forEach((ws, i) => (ws.Name = finalNames[i]));
        if (opts.mark) {
          const taken = new Set(state.names.markers.filter((m) => !stale.includes(m)).map((m) => m.name.toLowerCase()));
          plans.forEach((plan, i) => {
            let n = 1;
            while (taken.has(markerName(plan.kind, n).toLowerCase())) n++;
            const name = markerName(plan.kind, n);
            taken.add(name.toLowerCase());
            wb.Names.Add(name, `=${sheetRef(finalNames[i])}`, false);
            addedNames.push(name);
          });
        }
        if (opts.presetId !== undefined && opts.presetId !== state.presetId) writeHiddenValue(wb, PRESET_NAME, opts.presetId, state.names.values.has(PRESET_NAME));
      } catch (error) {
        // Each clean-up step on its own: the error the user sees is the one that stopped the write.
        for (const name of addedNames) attempt(() => deleteName(wb, name));
        for (const ws of created) attempt(() => ws.Delete());
        if (startedOn !== undefined) attempt(() => (sheets.Item(startedOn) as WpsFix.Worksheet).Activate());
        throw error;
      }
    });
    const back = startedOn !== undefined && !replaced.some((s) => s.name === startedOn) ? startedOn : undefined;
    if (opts.activate || back === undefined) created[0]?.Activate();
    else (sheets.Item(back) as WpsFix.Worksheet).Activate();
  } finally {
    app.ScreenUpdating = screen;
  }
  for (const step of skipped) notices.push(skippedNotice(step, opts.locale));
  return { written: finalNames, notices };
}

/** Deletes these sheets and their markers, adding a blank sheet first where no visible sheet would remain. */
export function removeSheets(app: WpsFix.Application, state: WpsWorkbookState, gone: readonly ListedSheet[]): void {
  const wb = activeWorkbook(app);
  const names = new Set(gone.map((s) => s.name));
  quietly(app, () => {
    if (!state.sheets.some((s) => !names.has(s.name) && s.visible)) wb.Worksheets.Add();
    for (const m of markersOf(state.names.markers, gone, state.sheets)) deleteName(wb, m.name);
    for (const s of gone) (wb.Worksheets.Item(s.name) as WpsFix.Worksheet).Delete();
  });
}

export function selectCell(app: WpsFix.Application, sheet: string, cell: string): void {
  const ws = activeWorkbook(app).Worksheets.Item(sheet) as WpsFix.Worksheet;
  ws.Activate();
  ws.Range(cell).Select();
}

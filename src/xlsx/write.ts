// Writes sheet plans into an .xlsx with ExcelJS: the file-side twin of src/excel's applyPlans.
// ExcelJS 4.4 cannot write charts, so a plan's chart spec is left out and its source table (the
// star counts by city) is what the file shows.
import ExcelJS from "exceljs";
import { resolveNumberFormats } from "../workbook/plan/formats";
import { freeSheetName } from "../workbook/plan/sheetName";
import type { CellStyle, DataValidationSpec, SheetPlan } from "../workbook/plan/types";

const A4 = 9;

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };

function applyStyle(ws: ExcelJS.Worksheet, s: CellStyle): void {
  for (let r = s.range.r0; r <= s.range.r1; r++) {
    const row = ws.getRow(r + 1);
    for (let c = s.range.c0; c <= s.range.c1; c++) {
      const cell = row.getCell(c + 1);
      if (s.bold !== undefined || s.fontSize !== undefined) cell.font = { ...cell.font, bold: s.bold ?? cell.font?.bold, size: s.fontSize ?? cell.font?.size };
      if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
      if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (s.align !== undefined || s.wrap !== undefined) cell.alignment = { ...cell.alignment, horizontal: s.align ?? cell.alignment?.horizontal, wrapText: s.wrap ?? cell.alignment?.wrapText, vertical: "middle" };
    }
  }
}

function validation(spec: DataValidationSpec): ExcelJS.DataValidation {
  const rule = spec.rule;
  const base = { allowBlank: true, showErrorMessage: true, error: spec.message, type: rule.kind } as const;
  if (rule.max === undefined) return { ...base, operator: "greaterThanOrEqual", formulae: [rule.min] };
  return { ...base, operator: "between", formulae: [rule.min, rule.max] };
}

/** Fills a fresh worksheet from the plan: values (text as text), formats, layout and print setup. */
export function writePlanToWorksheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const formats = resolveNumberFormats(plan, 0, plan.values.length - 1);
  plan.values.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      // A string becomes a shared-string cell, never a formula; "@" keeps Excel from re-parsing it on edit.
      cell.value = v;
      if (formats[r][c] !== "General") cell.numFmt = formats[r][c];
    });
  });
  plan.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const m of plan.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  for (const s of plan.styles) applyStyle(ws, s);
  for (const dv of plan.dataValidation ?? []) {
    const rule = validation(dv);
    for (let r = dv.range.r0; r <= dv.range.r1; r++) for (let c = dv.range.c0; c <= dv.range.c1; c++) ws.getCell(r + 1, c + 1).dataValidation = rule;
  }
  ws.views = [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }];
  const [t0, t1] = plan.print.titleRows;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: plan.print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${t0 + 1}:${t1 + 1}`,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${plan.print.footer}`, evenFooter: `&C${plan.print.footer}` };
}

export interface WriteResultOptions {
  /** The input workbook: its sheets are carried over (through ExcelJS load/save) before the result sheets. */
  inputPath?: string;
  outPath: string;
}

/**
 * Writes the plans into outPath: the input workbook's sheets first (when inputPath is given), then
 * one sheet per plan. A plan whose name an input sheet already holds gets a suffixed name.
 * Returns the names of the sheets written.
 */
export async function writeResultXlsx(plans: SheetPlan[], opts: WriteResultOptions): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  if (opts.inputPath) await wb.xlsx.readFile(opts.inputPath);
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  const names: string[] = [];
  for (const plan of plans) {
    const name = freeSheetName(plan.name, taken);
    taken.add(name.toLowerCase());
    writePlanToWorksheet(wb.addWorksheet(name), plan);
    names.push(name);
  }
  await wb.xlsx.writeFile(opts.outPath);
  return names;
}

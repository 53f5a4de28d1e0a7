// A result sheet described as plain data: what every host (Office.js, ExcelJS, the test fake) writes.
// Plans know nothing of any host, so the same plan prints alike from Excel and from the CLI.

/** A cell of a plan. A string is always text: hosts must write it so Excel never parses it as a formula. */
export type PlanCell = string | number | boolean | null;

/** 0-based inclusive rectangle inside the plan's values block (which starts at A1). */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export type SheetKind =
  | "stars"
  | "ranking"
  | "byCity"
  | "awards"
  | "promotions"
  | "robustness"
  | "details"
  | "profile"
  | "validation"
  | "rules"
  | "template"
  | "history"
  | "trend"
  | "carry"
  | "targets"
  | "nameMap";

/** A number format for the numeric cells of one column over a run of rows. */
export interface ColumnFormat {
  col: number;
  /** First and last 0-based row it covers. */
  r0: number;
  r1: number;
  format: string;
}

export interface CellStyle {
  range: Rect;
  bold?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** Fill colour as #RRGGBB. */
  fill?: string;
  /** Thin borders on every edge of every cell in the range. */
  border?: boolean;
  align?: "left" | "center" | "right";
  wrap?: boolean;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** 0-based first and last row repeated at the top of every printed page. */
  titleRows: [number, number];
  /** All columns on one page wide (pages tall unrestricted). */
  fitToWidth: true;
  /** Footer in Excel header/footer codes (&P page, &N pages). */
  footer: string;
}

/**
 * How a chart draws its source block:
 * - stackedColumn: vertical columns, the series stacked (star counts by city or by year);
 * - clusteredBar: horizontal bars, one per category, categories top to bottom in the block's order;
 * - floatingBar: horizontal bars that float: the first series is where a bar starts (drawn without
 *   fill), the second its length (a 5–95 % rank interval).
 */
export type ChartType = "stackedColumn" | "clusteredBar" | "floatingBar";

/** A native chart: one series per column of the source block, categories in its first column. */
export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Source block including its header row (series names) and category column. */
  source: Rect;
  /** Where the chart sits, in cells: an area of its own, never over the table it draws. */
  anchor: Rect;
  /** Title of the value axis, where the figures need a unit. */
  valueAxisTitle?: string;
  /** Each bar or column carries its figure (black-and-white legible). */
  dataLabels?: boolean;
}

/** Rows r0..r1 (0-based, inclusive) are `height` points tall: they hold wrapped or large text. */
export interface RowHeight {
  r0: number;
  r1: number;
  height: number;
}

export type ValidationRule =
  | { kind: "decimal"; min: number; max?: number }
  | { kind: "whole"; min: number; max: number };

export interface DataValidationSpec {
  range: Rect;
  rule: ValidationRule;
  /** Shown to the user when the entry is refused. */
  message: string;
}

/**
 * A live formula the add-in's own code composed (user text never becomes one): A1 notation with
 * its leading "=", at 0-based (row, col) of the values block, where the value is null. It refers
 * to cells of its own sheet only: of its own row by relative reference, elsewhere by absolute ($)
 * row, so a block of rows moved elsewhere needs only its relative rows shifted.
 */
export interface PlanFormula {
  row: number;
  col: number;
  formula: string;
  /** What it evaluates to when the sheet is as planned: a file writer stores it as the cached result. */
  result?: number | string | boolean;
  /** Number format of the cell (General when absent). */
  format?: string;
}

/** An in-cell drop-down whose entries are the cells of `source` on the same sheet (the zone picker). */
export interface ListValidationSpec {
  range: Rect;
  source: Rect;
  /** Shown to the user when the entry is not on the list. */
  message: string;
}

export interface SheetPlan {
  kind: SheetKind;
  name: string;
  /** Title in row 0, with the assessment year where known. */
  title: string;
  /** Rectangular block written from A1; values[0] is the title row. */
  values: PlanCell[][];
  /** 0-based header row of the main table. */
  headerRow: number;
  /** Formats for numeric cells; text cells are always written as text ("@"). */
  columnFormats: ColumnFormat[];
  /** Column widths in characters. */
  columnWidths: number[];
  merges: Rect[];
  styles: CellStyle[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; cols: number };
  print: PrintSetup;
  charts?: ChartSpec[];
  /** Rows taller than the default, sized to fit their text (spreadsheet programs do not all fit rows on opening). */
  rowHeights?: RowHeight[];
  dataValidation?: DataValidationSpec[];
  /** Written after the values; their cells hold null in `values`. */
  formulas?: PlanFormula[];
  listValidation?: ListValidationSpec[];
  /** Columns hidden on screen and in print (a lookup block the formulas read). */
  hiddenColumns?: number[];
  /**
   * 0-based rows that start a new printed page, as a file carries them: the sections' own starts
   * (a zone's page, a table after its summary) and the pagination worked out from the rows' heights,
   * so Excel, WPS and LibreOffice break the file's pages alike.
   */
  pageBreaks?: number[];
  /**
   * The sections' own page starts alone: what a live workbook is given, where the program
   * paginates the rest with its own measures (and the user's edits change the heights).
   */
  sectionBreaks?: number[];
}

/** Excel's number format for text: a value written under it is never parsed as a formula. */
export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

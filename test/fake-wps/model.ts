// The workbook behind the fake WPS 表格: plain data that tests (and the browser tests) set up and
// inspect directly, without going through the object model. No Node APIs: it also runs in a page.
// README.md says where each behaviour comes from.
import { a1, parseA1, type CellValue } from "../../src/workbook/grid";
import { displayValue } from "../../src/workbook/read/cells";
import { sheetOfRef } from "../../src/workbook/markers";

export type Scalar = string | number | boolean;

export interface WpsRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Excel's (and so WPS's) sheet bounds: rows and columns of a whole-column or whole-row address. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface WpsCell {
  /** What the cell holds; a formula cell holds its formula text (the fake does not calculate). */
  value: Scalar | null;
  /** Set when the entry was taken as a formula. */
  formula?: string;
  numberFormat: string;
}

/** A formatting property set on a range: "Font.Bold", "Interior.Color", "Borders(8).LineStyle", … */
export interface WpsStyle {
  range: string;
  property: string;
  value: unknown;
}

export interface WpsValidation {
  range: string;
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  errorMessage?: string;
  errorTitle?: string;
  showError?: boolean;
  inCellDropdown?: boolean;
}

export interface WpsSeries {
  name: string;
  /** Format.Fill.Visible as set (msoTrue -1 / msoFalse 0); undefined = the default fill. */
  fillVisible?: number;
  hasDataLabels?: boolean;
}

export interface WpsAxis {
  reversePlotOrder?: boolean;
  title?: string;
}

export interface WpsChart {
  chartType: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** The block it draws, on its own sheet (A1 address). */
  source?: string;
  plotBy?: number;
  title?: string;
  series: WpsSeries[];
  axes: Record<number, WpsAxis>;
}

export interface WpsTable {
  name: string;
  /** A1 range of the whole table, header (and totals) row included. */
  address: string;
  showTotals?: boolean;
}

/** XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
export type SheetVisibility = -1 | 0 | 2;

export interface WpsWindowState {
  splitRow: number;
  splitColumn: number;
  freezePanes: boolean;
}

export class WpsSheet {
  name: string;
  visible: SheetVisibility = -1;
  /** Sparse rows of cells; undefined = empty. */
  readonly rows: Array<Array<WpsCell | undefined> | undefined> = [];
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  readonly merges: string[] = [];
  readonly styles: WpsStyle[] = [];
  readonly pageSetup: Record<string, unknown> = {};
  /** The sheet's window: what ActiveWindow shows while the sheet is active. */
  readonly window: WpsWindowState = { splitRow: 0, splitColumn: 0, freezePanes: false };
  readonly charts: WpsChart[] = [];
  readonly validations: WpsValidation[] = [];
  readonly tables: WpsTable[] = [];
  /** The sheet's selected cell, A1 address. */
  selection = "A1";

  constructor(name: string) {
    this.name = name;
  }

  cellAt(row: number, col: number): WpsCell | undefined {
    return this.rows[row]?.[col];
  }

  /** The cell at an A1 address (a blank General cell when empty). */
  cell(address: string): WpsCell {
    const { row, col } = parseA1(address);
    return this.cellAt(row, col) ?? { value: null, numberFormat: "General" };
  }

  ensure(row: number, col: number): WpsCell {
    const r = (this.rows[row] ??= []);
    return (r[col] ??= { value: null, numberFormat: "General" });
  }

  /**
   * Takes a value as typing it (or writing it through Value2) does: in a cell formatted as text
   * ("@") any string stays as typed; elsewhere a string that reads as a number becomes that number,
   * "TRUE" / "FALSE" become booleans, and any other string starting with "=", "+" or "-" becomes a
   * formula ("+x" and "-x" as "=+x" and "=-x"). "" empties the cell.
   */
  enter(row: number, col: number, v: Scalar | null | undefined): void {
    if ((v === null || v === undefined || v === "") && !this.cellAt(row, col)) return;
    const c = this.ensure(row, col);
    delete c.formula;
    if (v === null || v === undefined || v === "") {
      c.value = null;
      return;
    }
    if (typeof v !== "string" || c.numberFormat === "@") {
      c.value = v;
      return;
    }
    const trimmed = v.trim();
    const number = trimmed === "" || v.startsWith("=") ? NaN : Number(trimmed);
    if (Number.isFinite(number)) c.value = number;
    else if (/^(true|false)$/i.test(trimmed)) c.value = trimmed.toLowerCase() === "true";
    else if (v.length > 1 && /^[=+-]/.test(v)) {
      c.formula = v.startsWith("=") ? v : `=${v}`;
      c.value = c.formula;
    } else c.value = v;
  }

  setFormat(row: number, col: number, format: string): void {
    this.ensure(row, col).numberFormat = format;
  }

  /** Bounding box of the cells holding a value or a format other than General; undefined when there is none. */
  usedRect(): WpsRect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell || (cell.value === null && cell.numberFormat === "General")) return;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      });
    });
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  /** Values of a rectangle, blanks as "". */
  valuesOf(rect: WpsRect): Array<Array<Scalar>> {
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cellAt(r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }
}

export interface AddSheetOptions {
  numberFormats?: string[][];
  tables?: WpsTable[];
  visible?: SheetVisibility;
  /** Row and column of rows[0][0], 0-based (default A1). */
  originRow?: number;
  originCol?: number;
}

/** A workbook-level defined name. */
export interface WpsName {
  name: string;
  /** The reference or constant as Name.RefersTo gives it ("='综合排名'!$A$1", "=\"henan-2017\""). */
  refersTo: string;
  visible: boolean;
}

/** The events the host listens to (WPS's ApiEvent names) and what each hands its listeners. */
export type WpsEventName = "SheetChange" | "WorkbookNewSheet" | "SheetBeforeDelete";

/** A sheet name as a reference writes it: bare when it is plain ASCII letters and digits, else quoted. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The whole fake workbook: sheets in tab order, the active sheet and the defined names. */
export class WpsWorkbook {
  readonly sheets: WpsSheet[] = [];
  readonly names: WpsName[] = [];
  activeSheet: string | undefined;
  /** Hears each raised event with the sheet it concerns (the application object forwards them to ApiEvent listeners). */
  onEvent: (name: WpsEventName, sheet: WpsSheet) => void = () => undefined;

  constructor(readonly name = "工作簿1.xlsx") {}

  /** Adds a sheet filled with rows (CellValue errors become their "#…" text), as a user would. */
  addSheet(name: string, rows: CellValue[][] = [], opts: AddSheetOptions = {}): WpsSheet {
    const sheet = new WpsSheet(name);
    const r0 = opts.originRow ?? 0;
    const c0 = opts.originCol ?? 0;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = opts.numberFormats?.[r]?.[c];
        if (fmt) sheet.setFormat(r0 + r, c0 + c, fmt);
        if (v !== null) sheet.enter(r0 + r, c0 + c, typeof v === "object" ? displayValue(v) : v);
      }),
    );
    sheet.tables.push(...(opts.tables ?? []));
    if (opts.visible !== undefined) sheet.visible = opts.visible;
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    this.onEvent("WorkbookNewSheet", sheet);
    return sheet;
  }

  getSheet(name: string): WpsSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** Types into one cell, as a user would; SheetChange listeners hear of it. */
  setCell(sheet: string, address: string, value: Scalar | null): void {
    const s = this.mustGet(sheet);
    const { row, col } = parseA1(address);
    s.enter(row, col, value);
    this.onEvent("SheetChange", s);
  }

  /** Deletes a sheet, as a user would from its tab. */
  deleteSheet(name: string): void {
    this.removeSheet(this.mustGet(name));
  }

  /** Renames a sheet, as a user would; the names that refer to it follow. */
  renameSheet(from: string, to: string): void {
    this.rename(this.mustGet(from), to);
  }

  rename(sheet: WpsSheet, to: string): void {
    const old = sheet.name;
    sheet.name = to;
    if (this.activeSheet === old) this.activeSheet = to;
    for (const n of this.names) if (sheetOfRef(n.refersTo) === old) n.refersTo = n.refersTo.replace(/^=.*!/, `=${quotedSheet(to)}!`);
  }

  removeSheet(sheet: WpsSheet): void {
    this.onEvent("SheetBeforeDelete", sheet);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const n of this.names) if (sheetOfRef(n.refersTo) === sheet.name) n.refersTo = n.refersTo.replace(/^=.*!/, "=#REF!");
    if (this.activeSheet === sheet.name) this.activeSheet = this.sheets.find((x) => x.visible === -1)?.name;
  }

  private mustGet(name: string): WpsSheet {
    const s = this.getSheet(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  /** A plain-data copy of everything a user could see, for equality checks. */
  snapshot(): unknown {
    return { sheets: this.sheets.map(sheetSnapshot), names: this.names.map((n) => ({ ...n })) };
  }
}

/** One sheet as plain data, for comparing a sheet before and after a run. */
export function sheetSnapshot(s: WpsSheet): unknown {
  const cells: Record<string, WpsCell> = {};
  s.rows.forEach((row, r) => row?.forEach((cell, c) => cell && (cells[a1(r, c)] = { ...cell })));
  return {
    name: s.name,
    visible: s.visible,
    cells,
    columnWidths: [...s.columnWidths.entries()],
    rowHeights: [...s.rowHeights.entries()],
    merges: [...s.merges],
    styles: s.styles.map((x) => ({ ...x })),
    pageSetup: { ...s.pageSetup },
    window: { ...s.window },
    charts: JSON.parse(JSON.stringify(s.charts)),
    validations: s.validations.map((v) => ({ ...v })),
    tables: s.tables.map((t) => ({ ...t })),
  };
}

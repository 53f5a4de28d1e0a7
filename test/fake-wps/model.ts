// The workbook behind the fake WPS 表格: plain data that tests (and the browser tests) set up and
// inspect directly, without going through the object model. No Node APIs: it also runs in a page.
// README.md says where each behaviour comes from.
import { a1, parseA1, type CellValue } from "../../src/workbook/grid";
import { sheetOfRef } from "../../src/workbook/markers";
import { CellGrid, type FillOptions, type GridCell, type GridRect, type Scalar } from "../fakes/cellGrid";

export type { Scalar };
export type WpsRect = GridRect;
export type WpsCell = GridCell;

/** Excel's (and so WPS's) sheet bounds: rows and columns of a whole-column or whole-row address. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

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

export class WpsSheet extends CellGrid {
  name: string;
  visible: SheetVisibility = -1;
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  readonly merges: string[] = [];
  readonly styles: WpsStyle[] = [];
  readonly pageSetup: Record<string, unknown> = {};
  /** Manual page breaks (HPageBreaks.Add): the 0-based rows a new printed page starts at. */
  readonly pageBreaks: number[] = [];
  /** The sheet's window: what ActiveWindow shows while the sheet is active. */
  readonly window: WpsWindowState = { splitRow: 0, splitColumn: 0, freezePanes: false };
  readonly charts: WpsChart[] = [];
  readonly validations: WpsValidation[] = [];
  readonly tables: WpsTable[] = [];
  /** The sheet's selected cell, A1 address. */
  selection = "A1";

  constructor(name: string) {
    super();
    this.name = name;
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
}

export interface AddSheetOptions extends FillOptions {
  tables?: WpsTable[];
  visible?: SheetVisibility;
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
    sheet.fill(rows, opts);
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

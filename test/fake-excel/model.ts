// The workbook behind the fake Excel: plain data that tests (and the browser demo) set up and
// inspect directly, without going through the Office.js-shaped proxies. No Node APIs: it also runs
// in a page.
import { a1, parseA1, type CellValue } from "../../src/workbook/grid";
import { CellGrid, type FillOptions, type GridCell, type GridRect, type Scalar } from "../fakes/cellGrid";

export type { Scalar };
export type FakeRect = GridRect;
export type FakeCell = GridCell;

export interface FakeStyle {
  range: string;
  property: string;
  value: unknown;
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  printTitleRows?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerFooter?: string;
  centerHorizontally?: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: [string, string];
  /** Each point shows its value (`dataLabels.showValue`). */
  showValues?: boolean;
  valueAxisTitle?: string;
  /** `axes.categoryAxis.reversePlotOrder`. */
  categoriesReversed?: boolean;
  /** Series (0-based) whose fill was cleared. */
  unfilledSeries?: number[];
}

export interface FakeValidation {
  range: string;
  rule: unknown;
  errorMessage?: string;
}

export interface FakeTable {
  name: string;
  address: string;
  /** The table shows its totals row (the last row of `address`). */
  showTotals?: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

let sheetCounter = 0;

export class FakeSheet extends CellGrid {
  readonly id: string;
  name: string;
  visibility: Visibility = "Visible";
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points set by the add-in, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  /** Manual page breaks: the 0-based rows a new printed page starts at. */
  readonly pageBreaks: number[] = [];
  readonly merges: string[] = [];
  readonly styles: FakeStyle[] = [];
  readonly tables: FakeTable[] = [];
  readonly customProperties = new Map<string, string>();
  readonly pageLayout: FakePageLayout = {};
  readonly charts: FakeChart[] = [];
  readonly dataValidations: FakeValidation[] = [];
  frozenRows = 0;
  frozenColumns = 0;

  constructor(name: string) {
    super();
    sheetCounter += 1;
    this.id = `{FAKE-SHEET-${sheetCounter}}`;
    this.name = name;
  }

  /**
   * Writes a value as Range.values does: a string starting with "=", "+" or "-" is taken as a
   * formula ("+5" and "-5" simply as numbers) unless the cell's number format is already text
   * ("@"), which keeps it as typed.
   */
  enter(row: number, col: number, v: Scalar | null): void {
    const c = this.ensure(row, col);
    if (typeof v === "string" && v.length > 1 && /^[=+-]/.test(v) && c.numberFormat !== "@") {
      const number = v[0] === "=" ? NaN : Number(v);
      if (Number.isFinite(number)) {
        delete c.formula;
        c.value = number;
        return;
      }
      c.formula = v[0] === "=" ? v : `=${v}`;
      c.value = c.formula;
      return;
    }
    delete c.formula;
    c.value = v === "" ? null : v;
  }

  /** Empties a cell's content (a merge discards all but the upper-left value); its format stays. */
  clear(row: number, col: number): void {
    const c = this.rows[row]?.[col];
    if (!c) return;
    delete c.formula;
    c.value = null;
  }

  formatsOf(rect: FakeRect): string[][] {
    const out: string[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cellAt(r, c)?.numberFormat ?? "General");
      out.push(row);
    }
    return out;
  }

  formulasOf(rect: FakeRect): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = this.cellAt(r, c);
        row.push(cell?.formula ?? cell?.value ?? "");
      }
      out.push(row);
    }
    return out;
  }
}

export interface AddSheetOptions extends FillOptions {
  tables?: FakeTable[];
  visibility?: Visibility;
}

export interface Selection {
  sheet: string;
  cell: string;
}

/** Where a change came from, as Excel's event args say: this Excel, or a co-author's. */
export type EventSource = "Local" | "Remote";

/** The arguments Excel hands a worksheet event handler (the members of ExcelApi 1.7 the fake models). */
export type FakeSheetEvent =
  | { type: "WorksheetChanged"; worksheetId: string; address: string; changeType: "RangeEdited"; source: EventSource }
  | { type: "WorksheetAdded"; worksheetId: string; source: EventSource }
  | { type: "WorksheetDeleted"; worksheetId: string; source: EventSource };

/** A handler added with `onChanged.add` (one sheet's) or `onAdded.add` / `onDeleted.add` (the sheet list's). */
export interface FakeEventRegistration {
  type: FakeSheetEvent["type"];
  /** The sheet a WorksheetChanged handler was added on. */
  worksheetId?: string;
  handler: (args: FakeSheetEvent) => unknown;
}

/** The whole fake workbook: sheets in tab order, the active sheet and the selection. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | undefined;
  selection: Selection | undefined;
  private readonly listeners = new Set<() => void>();
  /** Event handlers the add-in registered; they outlive the request that added them, as in Excel. */
  readonly eventHandlers = new Set<FakeEventRegistration>();
  private raised: FakeSheetEvent[] = [];
  private delivery: Promise<void> = Promise.resolve();

  /** Adds a sheet filled with rows (CellValue errors become their "#…" text); strings starting "=" are entered as formulas. */
  addSheet(name: string, rows: CellValue[][] = [], opts: AddSheetOptions = {}): FakeSheet {
    const sheet = new FakeSheet(name);
    sheet.fill(rows, opts);
    sheet.tables.push(...(opts.tables ?? []));
    if (opts.visibility) sheet.visibility = opts.visibility;
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    this.raise({ type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" });
    this.deliverEvents();
    this.changed();
    return sheet;
  }

  /** Deletes a sheet, as a user would from its tab; event handlers hear of it. */
  deleteSheet(name: string): void {
    const s = this.getSheet(name);
    if (!s) throw new Error(`No sheet ${name}`);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheet === s.name) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible")?.name;
    this.raise({ type: "WorksheetDeleted", worksheetId: s.id, source: "Local" });
    this.deliverEvents();
    this.changed();
  }

  getSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Types into one cell, as a user would; listeners hear of it. */
  setCell(sheet: string, address: string, value: Scalar | null): void {
    const s = this.getSheet(sheet);
    if (!s) throw new Error(`No sheet ${sheet}`);
    const { row, col } = parseA1(address);
    s.enter(row, col, value);
    this.raise({ type: "WorksheetChanged", worksheetId: s.id, address: a1(row, col), changeType: "RangeEdited", source: "Local" });
    this.deliverEvents();
    this.changed();
  }

  /** Notes an event for the handlers; nothing reaches them before deliverEvents(). */
  raise(event: FakeSheetEvent): void {
    this.raised.push(event);
  }

  /**
   * Hands the events raised so far to the handlers registered for them, on a later task: Excel
   * delivers events through its own channel, never inside the request or the edit that caused them.
   */
  deliverEvents(): void {
    const batch = this.raised;
    this.raised = [];
    if (batch.length === 0 || this.eventHandlers.size === 0) return;
    this.delivery = this.delivery
      .then(() => new Promise<void>((done) => setTimeout(done, 0)))
      .then(() => {
        for (const event of batch) {
          for (const r of [...this.eventHandlers]) {
            // A handler that throws or rejects is reported as unhandled, and the others still hear the event.
            if (r.type === event.type && (r.worksheetId === undefined || r.worksheetId === event.worksheetId)) void Promise.resolve().then(() => r.handler({ ...event }));
          }
        }
      });
  }

  /** Resolves once every event delivered so far has been handed to its handlers. */
  eventsDelivered(): Promise<void> {
    return this.delivery;
  }

  /** Subscribes to changes (a user edit or an applied request); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /** A plain-data copy of everything a user could see, for equality checks. Sheet ids are left out. */
  snapshot(): unknown {
    return this.sheets.map((s) => sheetSnapshot(s));
  }
}

/** One sheet as plain data (no ids), for comparing a sheet before and after a run. */
export function sheetSnapshot(s: FakeSheet): unknown {
  const cells: Record<string, FakeCell> = {};
  s.rows.forEach((row, r) => row?.forEach((cell, c) => cell && (cells[a1(r, c)] = { ...cell })));
  return {
    name: s.name,
    visibility: s.visibility,
    cells,
    columnWidths: [...s.columnWidths.entries()],
    rowHeights: [...s.rowHeights.entries()],
    merges: [...s.merges],
    styles: s.styles.map((x) => ({ ...x })),
    tables: s.tables.map((t) => ({ ...t })),
    customProperties: [...s.customProperties.entries()],
    pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
    charts: s.charts.map((c) => ({ ...c })),
    dataValidations: s.dataValidations.map((v) => ({ ...v })),
    frozen: [s.frozenRows, s.frozenColumns],
  };
}

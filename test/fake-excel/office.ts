// Office.js-shaped proxies over a FakeWorkbook: the subset of the Excel JavaScript API that
// src/excel uses, strict where Excel is strict. Writes and loads are queued and applied at
// context.sync(); reading a property that was not loaded and synced throws PropertyNotLoaded; a
// request over 5 MB is refused whole (RequestPayloadSizeLimitExceeded), a response over 5 MB
// delivers nothing (ResponsePayloadSizeLimitExceeded). No Node APIs. README.md lists each
// behaviour with the documentation it follows.
import { a1, parseA1 } from "../../src/workbook/grid";
import { FakeSheet, FakeWorkbook, type FakeChart, type FakeEventRegistration, type FakeRect, type FakeSheetEvent, type FakeTable, type Scalar, type Visibility } from "./model";

export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/**
 * The ExcelApi version each modelled member above 1.1 needs, as @types/office-js tags it
 * (test/apiSets.test.ts compares the two). On an older host the request fails with ApiNotFound.
 */
export const MEMBER_SETS = {
  "Excel.Worksheet.getRangeByIndexes": "1.7",
  "Excel.ChartAxis.reversePlotOrder (set)": "1.7",
  "Excel.Worksheet.freezePanes": "1.7",
  "Excel.Worksheet.onChanged": "1.7",
  "Excel.WorksheetCollection.onAdded": "1.7",
  "Excel.WorksheetCollection.onDeleted": "1.7",
  "Excel.Worksheet.getUsedRangeOrNullObject": "1.4",
  "Excel.WorksheetCollection.getItemOrNullObject": "1.4",
  "Excel.Range.getIntersectionOrNullObject": "1.4",
  "Excel.Worksheet.getUsedRange(valuesOnly)": "1.2",
  "Excel.Worksheet.visibility (set)": "1.2",
  "Excel.Range.merge": "1.2",
  "Excel.RangeFormat.columnWidth (set)": "1.2",
  "Excel.RangeFormat.rowHeight (set)": "1.2",
  "Excel.Range.dataValidation": "1.8",
  "Excel.Worksheet.pageLayout": "1.9",
  "Excel.Worksheet.horizontalPageBreaks": "1.9",
  "Excel.Worksheet.customProperties": "1.12",
} as const;

export type ModelledMember = keyof typeof MEMBER_SETS;

/** Bytes on the wire: Excel's 5 MB counts UTF-8 bytes, and a Chinese character is three of them. */
function wireBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Thrown like OfficeExtension.Error: `code` is what callers test. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeExcelStats {
  /** context.sync() calls that sent a request (also the refused ones). */
  syncs: number;
  /** Syncs whose response was refused for its size (ResponsePayloadSizeLimitExceeded). */
  refusedResponses: number;
  /** Bytes of each request (JSON length of its queued operations), in order. */
  requestBytes: number[];
  /** Bytes of each response (JSON length of the values loaded), in order. */
  responseBytes: number[];
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports (default "1.12"). */
  excelApi?: string;
  /** Replaces the excelApi answer altogether, as Office.context.requirements.isSetSupported would answer. */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Makes the nth sync (1-based) fail with GeneralException after applying `afterOps` operations. */
  failure?: { sync: number; afterOps: number };
  maxRequestBytes?: number;
}

interface Op {
  describe: unknown;
  apply: () => void;
}

function versionAtLeast(have: string, want: string): boolean {
  const h = have.split(".").map(Number);
  const w = want.split(".").map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const d = (h[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

const BAD_NAME = /[[\]:*?/\\]/;

function checkSheetName(wb: FakeWorkbook, name: string, self?: FakeSheet): void {
  if (name.length === 0 || name.length > 31 || BAD_NAME.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new FakeOfficeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
  }
  const other = wb.getSheet(name);
  if (other && other !== self) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: Op[] = [];
  private responseBytes = 0;
  private deliveries: Array<() => void> = [];
  private readonly created: FakeProxy[] = [];

  constructor(
    readonly model: FakeWorkbook,
    readonly stats: FakeExcelStats,
    readonly options: FakeExcelOptions,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  isSetSupported(set: string, version: string): boolean {
    if (this.options.isSetSupported) return this.options.isSetSupported(set, version);
    return set === "ExcelApi" && versionAtLeast(this.options.excelApi ?? "1.12", version);
  }

  /**
   * Office.js builds the call locally whatever the host; the host answers ApiNotFound when the
   * request reaches it, so the failure comes at sync, in order with the other operations.
   */
  requireSet(member: ModelledMember): void {
    const version = MEMBER_SETS[member];
    if (this.isSetSupported("ExcelApi", version)) return;
    this.enqueue({ requires: member }, () => {
      throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found (${member} needs ExcelApi ${version}).`);
    });
  }

  enqueue(describe: unknown, apply: () => void): void {
    this.queue.push({ describe, apply });
  }

  /** Counts what a load sends back, for the response size limit; `deliver` runs only if the whole response arrives. */
  respond(value: unknown, deliver: () => void): void {
    this.responseBytes += wireBytes(JSON.stringify(value ?? null)) + 1;
    this.deliveries.push(deliver);
  }

  track(p: FakeProxy): void {
    this.created.push(p);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((sum, op) => sum + wireBytes(JSON.stringify(op.describe)) + 1, 2);
    this.stats.syncs += 1;
    this.stats.requestBytes.push(bytes);
    if (bytes > (this.options.maxRequestBytes ?? MAX_REQUEST_BYTES)) {
      this.stats.responseBytes.push(0);
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    const failure = this.options.failure?.sync === this.stats.syncs ? this.options.failure : undefined;
    let failed = false;
    try {
      ops.forEach((op, i) => {
        if (failure && i === failure.afterOps) throw new FakeOfficeError("GeneralException", "An internal error has occurred (injected).");
        op.apply();
      });
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      for (const p of this.created) p.markSynced();
      this.model.deliverEvents();
      this.model.changed();
      this.stats.responseBytes.push(this.responseBytes);
      // A failed request answers with its error alone: nothing loaded in it arrives.
      if (failed) {
        this.deliveries = [];
        this.responseBytes = 0;
      }
    }
    const deliveries = this.deliveries;
    const response = this.responseBytes;
    this.deliveries = [];
    this.responseBytes = 0;
    if (response > (this.options.maxRequestBytes ?? MAX_REQUEST_BYTES)) {
      this.stats.refusedResponses += 1;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${response} bytes) has exceeded the limit.`);
    }
    for (const deliver of deliveries) deliver();
    await Promise.resolve();
  }
}

function parseProps(spec?: string | string[] | { select?: string }): string[] {
  if (spec === undefined) return [];
  const text = Array.isArray(spec) ? spec.join(",") : typeof spec === "string" ? spec : (spec.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  private synced = false;
  protected isNull = false;

  constructor(protected readonly ctx: FakeContext) {
    ctx.track(this);
  }

  markSynced(): void {
    this.synced = true;
  }

  /** The values `load(props)` would send back for an item of a loaded collection. */
  readAll(props: string[]): Record<string, unknown> {
    return Object.fromEntries(props.map((p) => [p, this.readProp(p)]));
  }

  /** Takes an item's loaded values when its collection's response arrives. */
  fill(values: Record<string, unknown>): void {
    for (const [p, v] of Object.entries(values)) this.loaded.set(p, v);
    this.markSynced();
  }

  protected abstract readProp(prop: string): unknown;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as T;
  }

  load(spec?: string | string[] | { select?: string }): this {
    const props = parseProps(spec);
    this.ctx.enqueue({ load: props }, () => {
      if (this.isNull) return;
      for (const p of props) {
        const value = this.readProp(p);
        this.ctx.respond(value, () => this.loaded.set(p, value));
      }
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is not available before context.sync().");
    return this.isNull;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export class FakeWorkbookProxy extends FakeProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, () => ctx.model.sheets);
  }

  protected readProp(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `Workbook.${prop} is not modelled by the fake.`);
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  protected readProp(): unknown {
    return undefined;
  }

  override load(spec?: string | string[] | { select?: string }): this {
    const props = parseProps(spec).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({ load: "worksheets", props }, () => {
      const items = this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
      const values = items.map((w) => w.readAll(props));
      this.ctx.respond(values, () => {
        items.forEach((w, i) => w.fill(values[i]));
        this.loaded.set("items", items);
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>("items");
  }

  add(wanted?: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    const proxy = new FakeWorksheet(this.ctx, () => sheet);
    this.ctx.enqueue({ add: wanted ?? null }, () => {
      let name = wanted;
      for (let n = this.ctx.model.sheets.length + 1; name === undefined; n++) if (!this.ctx.model.getSheet(`Sheet${n}`)) name = `Sheet${n}`;
      checkSheetName(this.ctx.model, name);
      const added = new FakeSheet(name);
      sheet = added;
      this.ctx.model.sheets.push(added);
      this.ctx.model.raise({ type: "WorksheetAdded", worksheetId: added.id, source: "Local" });
    });
    return proxy;
  }

  /** By name (any case) or by id, as Excel's `key` is either. */
  private find(key: string): FakeSheet | undefined {
    return this.ctx.model.getSheet(key) ?? this.ctx.model.sheets.find((s) => s.id === key);
  }

  getItem(key: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    const proxy = new FakeWorksheet(this.ctx, () => sheet);
    this.ctx.enqueue({ getItem: key }, () => {
      sheet = this.find(key);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested sheet "${key}" does not exist.`);
    });
    return proxy;
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.requireSet("Excel.WorksheetCollection.getItemOrNullObject");
    let sheet: FakeSheet | undefined;
    const proxy = new FakeWorksheet(this.ctx, () => sheet);
    this.ctx.enqueue({ getItemOrNullObject: key }, () => {
      sheet = this.find(key);
      proxy.setNull(!sheet);
    });
    return proxy;
  }

  private addedProxy?: FakeEventHandlers;
  private deletedProxy?: FakeEventHandlers;

  get onAdded(): FakeEventHandlers {
    this.ctx.requireSet("Excel.WorksheetCollection.onAdded");
    return (this.addedProxy ??= new FakeEventHandlers(this.ctx, "WorksheetAdded", () => undefined));
  }

  get onDeleted(): FakeEventHandlers {
    this.ctx.requireSet("Excel.WorksheetCollection.onDeleted");
    return (this.deletedProxy ??= new FakeEventHandlers(this.ctx, "WorksheetDeleted", () => undefined));
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.ctx.model.activeSheet ?? "");
  }
}

const SHEET_PROPS = ["name", "id", "visibility", "position"] as const;

export class FakeWorksheet extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly target: () => FakeSheet | undefined,
  ) {
    super(ctx);
  }

  setNull(isNull: boolean): void {
    this.isNull = isNull;
  }

  sheet(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return s;
  }



  protected readProp(prop: string): unknown {
    const s = this.sheet();
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.model.sheets.indexOf(s);
      default:
        throw new FakeOfficeError("InvalidArgument", `Worksheet.${prop} is not modelled (${SHEET_PROPS.join(", ")} are).`);
    }
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.ctx.enqueue({ set: "name", value }, () => {
      const s = this.sheet();
      checkSheetName(this.ctx.model, value, s);
      s.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.ctx.enqueue({ set: "position", value }, () => {
      const s = this.sheet();
      const list = this.ctx.model.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(value, list.length), 0, s);
    });
  }
  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(value: Visibility) {
    this.ctx.requireSet("Excel.Worksheet.visibility (set)");
    this.ctx.enqueue({ set: "visibility", value }, () => {
      const s = this.sheet();
      if (value !== "Visible" && !this.ctx.model.sheets.some((x) => x !== s && x.visibility === "Visible")) throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.visibility = value;
    });
  }

  delete(): void {
    this.ctx.enqueue({ delete: true }, () => {
      const s = this.sheet();
      const list = this.ctx.model.sheets;
      if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", "A very hidden worksheet cannot be deleted; make it hidden or visible first.");
      if (list.filter((x) => x.visibility === "Visible" && x !== s).length === 0) throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      list.splice(list.indexOf(s), 1);
      if (this.ctx.model.activeSheet === s.name) this.ctx.model.activeSheet = list.find((x) => x.visibility === "Visible")?.name;
      this.ctx.model.raise({ type: "WorksheetDeleted", worksheetId: s.id, source: "Local" });
    });
  }

  activate(): void {
    this.ctx.enqueue({ activate: true }, () => (this.ctx.model.activeSheet = this.sheet().name));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, rect: address ? parseRangeAddress(address) : { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 } };
    }, { getRange: address ?? "" });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.requireSet("Excel.Worksheet.getRangeByIndexes");
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 } }), { getRangeByIndexes: [row, col, rows, cols] });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: { r0: row, c0: col, r1: row, c1: col } }), { getCell: [row, col] });
  }

  /** A blank sheet's used range is A1, not an error. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.requireSet("Excel.Worksheet.getUsedRange(valuesOnly)");
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, rect: s.usedRect(valuesOnly ?? false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }, { getUsedRange: valuesOnly ?? false });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.requireSet("Excel.Worksheet.getUsedRangeOrNullObject");
    const range = new FakeRange(this.ctx, () => {
      // On a null sheet the used range is a null object too, as in Office.js.
      const s = this.target() ?? new FakeSheet("");
      const rect = s.usedRect(valuesOnly);
      range.setNull(rect === undefined);
      return { sheet: s, rect: rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }, { getUsedRangeOrNullObject: valuesOnly });
    return range;
  }

  // Navigation properties return the same proxy on every access, as Office.js does.
  private changedProxy?: FakeEventHandlers;
  private tablesProxy?: FakeTableCollection;
  private chartsProxy?: FakeChartCollection;
  private propsProxy?: FakeCustomPropertyCollection;
  private layoutProxy?: FakePageLayoutProxy;

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.ctx, () => [this.sheet()]));
  }

  get onChanged(): FakeEventHandlers {
    this.ctx.requireSet("Excel.Worksheet.onChanged");
    return (this.changedProxy ??= new FakeEventHandlers(this.ctx, "WorksheetChanged", () => this.sheet().id));
  }

  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.ctx, () => this.sheet()));
  }

  get customProperties(): FakeCustomPropertyCollection {
    this.ctx.requireSet("Excel.Worksheet.customProperties");
    return (this.propsProxy ??= new FakeCustomPropertyCollection(this.ctx, () => this.sheet()));
  }

  /** PageBreakCollection.add: "Adds a page break before the top-left cell of the range specified." */
  get horizontalPageBreaks(): { add: (range: string | FakeRange) => void } {
    this.ctx.requireSet("Excel.Worksheet.horizontalPageBreaks");
    return {
      add: (range) =>
        this.ctx.enqueue({ addPageBreak: typeof range === "string" ? range : "range" }, () => {
          const row = typeof range === "string" ? parseRangeAddress(range).r0 : range.resolve().rect.r0;
          const sheet = this.sheet();
          if (!sheet.pageBreaks.includes(row)) sheet.pageBreaks.push(row);
        }),
    };
  }

  get pageLayout(): FakePageLayoutProxy {
    this.ctx.requireSet("Excel.Worksheet.pageLayout");
    return (this.layoutProxy ??= new FakePageLayoutProxy(this.ctx, () => this.sheet()));
  }

  get freezePanes(): { freezeRows: (n: number) => void; freezeColumns: (n: number) => void; freezeAt: (r: FakeRange) => void } {
    this.ctx.requireSet("Excel.Worksheet.freezePanes");
    const ctx = this.ctx;
    const sheet = () => this.sheet();
    return {
      freezeRows: (n) => ctx.enqueue({ freezeRows: n }, () => (sheet().frozenRows = n)),
      freezeColumns: (n) => ctx.enqueue({ freezeColumns: n }, () => (sheet().frozenColumns = n)),
      freezeAt: (r) =>
        ctx.enqueue({ freezeAt: true }, () => {
          const rect = r.resolve().rect;
          sheet().frozenRows = rect.r1 + 1;
          sheet().frozenColumns = rect.c1 + 1;
        }),
    };
  }
}

/** "A1", "A1:C3", "$A$1:$C$3", "1:2" (whole rows) → rectangle. */
export function parseRangeAddress(address: string): FakeRect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.replace(/\$/g, "").split(":");
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) return { r0: Number(from) - 1, c0: 0, r1: Number(to) - 1, c1: 16_383 };
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(rect: FakeRect): string {
  const from = a1(rect.r0, rect.c0);
  const to = a1(rect.r1, rect.c1);
  return from === to ? from : `${from}:${to}`;
}

interface Resolved {
  sheet: FakeSheet;
  rect: FakeRect;
}

function checkShape(rect: FakeRect, v: unknown[][], what: string): void {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`);
  }
}

export class FakeRange extends FakeProxy {
  resolved: Resolved | undefined;
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    private readonly resolver: () => Resolved,
    describe: unknown,
  ) {
    super(ctx);
    // Resolved once, where Excel would resolve the path: in order with the rest of the request.
    ctx.enqueue(describe, () => {
      this.resolved = resolver();
    });
    this.format = new FakeRangeFormat(ctx, this);
  }

  setNull(isNull: boolean): void {
    this.isNull = isNull;
  }

  resolve(): Resolved {
    if (!this.resolved) this.resolved = this.resolver();
    if (this.isNull) throw new FakeOfficeError("InvalidObjectPath", "The range is a null object.");
    return this.resolved;
  }

  protected readProp(prop: string): unknown {
    const { sheet, rect } = this.resolve();
    switch (prop) {
      case "values":
        return sheet.valuesOf(rect);
      case "numberFormat":
        return sheet.formatsOf(rect);
      case "formulas":
        return sheet.formulasOf(rect);
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowCount":
        return rect.r1 - rect.r0 + 1;
      case "columnCount":
        return rect.c1 - rect.c0 + 1;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      default:
        throw new FakeOfficeError("InvalidArgument", `Range.${prop} is not modelled by the fake.`);
    }
  }

  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(v: Scalar[][]) {
    this.ctx.enqueue({ set: "values", v }, () => this.enterAll(v, "values"));
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(v: Scalar[][]) {
    this.ctx.enqueue({ set: "formulas", v }, () => this.enterAll(v, "formulas"));
  }

  /** A data change: the sheet's onChanged handlers hear of it once the request is done. */
  private enterAll(v: Scalar[][], what: string): void {
    const { sheet, rect } = this.resolve();
    checkShape(rect, v, what);
    v.forEach((row, r) => row.forEach((x, c) => sheet.enter(rect.r0 + r, rect.c0 + c, x)));
    this.ctx.model.raise({ type: "WorksheetChanged", worksheetId: sheet.id, address: rectAddress(rect), changeType: "RangeEdited", source: "Local" });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.ctx.enqueue({ set: "numberFormat", v }, () => {
      const { sheet, rect } = this.resolve();
      checkShape(rect, v, "numberFormat");
      v.forEach((row, r) => row.forEach((f, c) => sheet.setFormat(rect.r0 + r, rect.c0 + c, f)));
    });
  }
  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }

  get dataValidation(): { rule: unknown; errorAlert: unknown } {
    this.ctx.requireSet("Excel.Range.dataValidation");
    const resolve = () => this.resolve();
    const ctx = this.ctx;
    let entry: { range: string; rule: unknown; errorMessage?: string } | undefined;
    const ensure = (): { range: string; rule: unknown; errorMessage?: string } => {
      if (!entry) {
        const { sheet, rect } = resolve();
        entry = { range: rectAddress(rect), rule: null };
        sheet.dataValidations.push(entry);
      }
      return entry;
    };
    return {
      set rule(rule: unknown) {
        ctx.enqueue({ set: "dataValidation.rule", rule }, () => (ensure().rule = rule));
      },
      get rule(): unknown {
        throw new FakeOfficeError("PropertyNotLoaded", "dataValidation.rule is not loaded.");
      },
      set errorAlert(alert: unknown) {
        ctx.enqueue({ set: "dataValidation.errorAlert", alert }, () => (ensure().errorMessage = (alert as { message?: string }).message));
      },
      get errorAlert(): unknown {
        throw new FakeOfficeError("PropertyNotLoaded", "dataValidation.errorAlert is not loaded.");
      },
    };
  }

  private derived(describe: unknown, f: (r: Resolved) => FakeRect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.resolve();
      return { sheet: r.sheet, rect: f(r) };
    }, describe);
  }

  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return this.derived({ getResizedRange: [deltaRows, deltaCols] }, ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaCols }));
  }

  getCell(row: number, col: number): FakeRange {
    return this.derived({ getCell: [row, col] }, ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + col, r1: rect.r0 + row, c1: rect.c0 + col }));
  }

  getOffsetRange(rows: number, cols: number): FakeRange {
    return this.derived({ getOffsetRange: [rows, cols] }, ({ rect }) => ({ r0: rect.r0 + rows, c0: rect.c0 + cols, r1: rect.r1 + rows, c1: rect.c1 + cols }));
  }

  /** The overlap with another range on the same sheet; a null object when there is none. */
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    this.ctx.requireSet("Excel.Range.getIntersectionOrNullObject");
    const out: FakeRange = new FakeRange(this.ctx, () => {
      const a = this.resolved && !this.isNull ? this.resolved : undefined;
      const b = other.resolved && !other.isNull ? other.resolved : undefined;
      const rect = a && b ? { r0: Math.max(a.rect.r0, b.rect.r0), c0: Math.max(a.rect.c0, b.rect.c0), r1: Math.min(a.rect.r1, b.rect.r1), c1: Math.min(a.rect.c1, b.rect.c1) } : undefined;
      const empty = !a || !b || a.sheet !== b.sheet || !rect || rect.r0 > rect.r1 || rect.c0 > rect.c1;
      out.setNull(empty);
      return { sheet: (a ?? b)?.sheet ?? new FakeSheet(""), rect: empty ? { r0: 0, c0: 0, r1: 0, c1: 0 } : rect };
    }, { getIntersectionOrNullObject: true });
    return out;
  }

  /** Only the upper-left cell of each merged area keeps its value (each row's first with `across`). */
  merge(across = false): void {
    this.ctx.requireSet("Excel.Range.merge");
    this.ctx.enqueue({ merge: across }, () => {
      const { sheet, rect } = this.resolve();
      const areas = across ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
      for (const area of areas) {
        for (let r = area.r0; r <= area.r1; r++) for (let c = area.c0; c <= area.c1; c++) if (r !== area.r0 || c !== area.c0) sheet.clear(r, c);
        sheet.merges.push(rectAddress(area));
      }
    });
  }

  select(): void {
    this.ctx.enqueue({ select: true }, () => {
      const { sheet, rect } = this.resolve();
      if (this.ctx.model.activeSheet !== sheet.name) throw new FakeOfficeError("InvalidSelection", "Only a range on the active sheet can be selected.");
      this.ctx.model.selection = { sheet: sheet.name, cell: rectAddress(rect) };
    });
  }

  /** Records a formatting property on this range's cells. */
  style(property: string, value: unknown): void {
    this.ctx.enqueue({ style: property, value }, () => {
      const { sheet, rect } = this.resolve();
      if (property === "columnWidth") {
        for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, value as number);
        return;
      }
      if (property === "rowHeight") {
        for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, value as number);
        return;
      }
      sheet.styles.push({ range: rectAddress(rect), property, value });
    });
  }
}

/** Range.format and its font, fill and borders: write-only in the fake, recorded as styles. */
export class FakeRangeFormat {
  readonly font: { bold: boolean; size: number; color: string };
  readonly fill: { color: string };
  readonly borders: { getItem: (edge: string) => { style: string; color: string; weight: string } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    const styled = (prefix: string): Record<string, unknown> =>
      new Proxy({} as Record<string, unknown>, {
        set: (_t, p, v) => {
          range.style(`${prefix}${String(p)}`, v);
          return true;
        },
        get: (_t, p) => {
          throw new FakeOfficeError("PropertyNotLoaded", `format ${prefix}${String(p)} is not loaded.`);
        },
      });
    this.font = styled("font.") as unknown as { bold: boolean; size: number; color: string };
    this.fill = styled("fill.") as unknown as { color: string };
    this.borders = { getItem: (edge: string) => styled(`border.${edge}.`) as unknown as { style: string; color: string; weight: string } };
  }

  set columnWidth(v: number) {
    this.ctx.requireSet("Excel.RangeFormat.columnWidth (set)");
    this.range.style("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.ctx.requireSet("Excel.RangeFormat.rowHeight (set)");
    if (!(v >= 0 && v <= 409)) throw new FakeOfficeError("InvalidArgument", `A row height is 0 to 409 points, not ${v}.`);
    this.range.style("rowHeight", v);
  }
  set horizontalAlignment(v: string) {
    this.range.style("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.range.style("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.range.style("wrapText", v);
  }
}

/** A table of the workbook: `name` and `showTotals` load; getRange() is the whole table, headers and totals included. */
export class FakeTableProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }

  protected readProp(prop: string): unknown {
    if (prop === "name") return this.table.name;
    if (prop === "showTotals") return this.table.showTotals ?? false;
    throw new FakeOfficeError("InvalidArgument", `Table.${prop} is not modelled (name, showTotals are).`);
  }

  get name(): string {
    return this.get("name");
  }

  get showTotals(): boolean {
    return this.get("showTotals");
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, rect: parseRangeAddress(this.table.address) }), { tableRange: this.table.name });
  }
}

/** Worksheet.tables (one sheet's) or Workbook.tables (every sheet's, in tab order). */
export class FakeTableCollection extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly sheets: () => FakeSheet[],
  ) {
    super(ctx);
  }

  protected readProp(): unknown {
    return undefined;
  }

  override load(spec?: string | string[] | { select?: string }): this {
    const props = parseProps(spec).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({ load: "tables", props }, () => {
      const items = this.sheets().flatMap((s) => s.tables.map((t) => new FakeTableProxy(this.ctx, s, t)));
      const values = items.map((t) => t.readAll(props));
      this.ctx.respond(values, () => {
        items.forEach((t, i) => t.fill(values[i]));
        this.loaded.set("items", items);
      });
    });
    return this;
  }

  get items(): FakeTableProxy[] {
    return this.get("items");
  }

  add(address: string, hasHeaders: boolean): void {
    this.ctx.enqueue({ addTable: address, hasHeaders }, () => {
      const s = this.sheets()[0];
      s.tables.push({ name: `Table${s.tables.length + 1}`, address: rectAddress(parseRangeAddress(address)) });
    });
  }
}

export class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  /** seriesBy "Auto" is recorded as "Columns", what Excel on the web does with it. */
  add(type: string, source: FakeRange, seriesBy = "Auto") {
    const ctx = this.ctx;
    let chart: FakeChart | undefined;
    ctx.enqueue({ addChart: type, seriesBy }, () => {
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new FakeOfficeError("InvalidArgument", `seriesBy must be Auto, Columns or Rows, not ${seriesBy}.`);
      chart = { type, source: rectAddress(source.resolve().rect), seriesBy: seriesBy === "Auto" ? "Columns" : seriesBy };
      this.sheet().charts.push(chart);
    });
    const notLoaded = (what: string) => new FakeOfficeError("PropertyNotLoaded", `${what} is not loaded.`);
    const seriesCount = (c: FakeChart): number => {
      const rect = parseRangeAddress(c.source);
      // Series by columns: every column after the category column is one.
      return c.seriesBy === "Rows" ? rect.r1 - rect.r0 : rect.c1 - rect.c0;
    };
    return {
      title: {
        set text(t: string) {
          ctx.enqueue({ chartTitle: t }, () => chart && (chart.title = t));
        },
        get text(): string {
          throw notLoaded("chart title");
        },
      },
      setPosition: (start: string, end: string) => ctx.enqueue({ setPosition: [start, end] }, () => chart && (chart.position = [start, end])),
      dataLabels: {
        set showValue(on: boolean) {
          ctx.enqueue({ chartDataLabels: on }, () => chart && (chart.showValues = on));
        },
        get showValue(): boolean {
          throw notLoaded("dataLabels.showValue");
        },
      },
      axes: {
        valueAxis: {
          title: {
            set text(t: string) {
              ctx.enqueue({ valueAxisTitle: t }, () => chart && (chart.valueAxisTitle = t));
            },
            get text(): string {
              throw notLoaded("axis title");
            },
          },
        },
        categoryAxis: {
          set reversePlotOrder(on: boolean) {
            ctx.requireSet("Excel.ChartAxis.reversePlotOrder (set)");
            ctx.enqueue({ reversePlotOrder: on }, () => chart && (chart.categoriesReversed = on));
          },
          get reversePlotOrder(): boolean {
            throw notLoaded("reversePlotOrder");
          },
        },
      },
      series: {
        getItemAt: (index: number) => ({
          format: {
            fill: {
              clear: () =>
                ctx.enqueue({ clearSeriesFill: index }, () => {
                  if (!chart) return;
                  // ChartSeriesCollection.getItemAt: "Retrieves a series based on its position in the collection."
                  if (index < 0 || index >= seriesCount(chart)) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${index}.`);
                  chart.unfilledSeries = [...(chart.unfilledSeries ?? []), index];
                }),
            },
          },
        }),
      },
    };
  }
}

export class FakeCustomProperty extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly key: string,
  ) {
    super(ctx);
  }

  setNull(isNull: boolean): void {
    this.isNull = isNull;
  }

  protected readProp(prop: string): unknown {
    const stored = storedKey(this.sheet(), this.key);
    if (prop === "key") return stored ?? this.key;
    if (prop === "value") return stored === undefined ? undefined : this.sheet().customProperties.get(stored);
    throw new FakeOfficeError("InvalidArgument", `WorksheetCustomProperty.${prop} is not modelled.`);
  }

  get value(): string {
    return this.get("value");
  }
}

/** Custom property keys are case-insensitive: the key a sheet stores under, whatever its case. */
function storedKey(sheet: FakeSheet, key: string): string | undefined {
  return [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
}

export class FakeCustomPropertyCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  /** Replaces a property of the same key in any case; a key over 255 characters is refused. */
  add(key: string, value: string): void {
    this.ctx.enqueue({ addCustomProperty: key, value }, () => {
      if (key.length > 255) throw new FakeOfficeError("InvalidArgument", "A custom property key is limited to 255 characters.");
      const sheet = this.sheet();
      const old = storedKey(sheet, key);
      if (old !== undefined) sheet.customProperties.delete(old);
      sheet.customProperties.set(key, value);
    });
  }

  getItemOrNullObject(key: string): FakeCustomProperty {
    const p = new FakeCustomProperty(this.ctx, this.sheet, key);
    this.ctx.enqueue({ getCustomProperty: key }, () => p.setNull(storedKey(this.sheet(), key) === undefined));
    return p;
  }
}

export class FakePageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    const set = this.set.bind(this);
    this.headersFooters = {
      defaultForAllPages: {
        set centerFooter(v: string) {
          set("centerFooter", v);
        },
        get centerFooter(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "centerFooter is not loaded.");
        },
      },
    };
  }

  private set(key: "orientation" | "paperSize" | "centerFooter" | "centerHorizontally" | "zoom" | "printTitleRows", value: unknown): void {
    this.ctx.enqueue({ pageLayout: key, value }, () => {
      (this.sheet().pageLayout as Record<string, unknown>)[key] = value;
    });
  }

  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape") this.refuse(`orientation must be Portrait or Landscape, not ${v}`);
    else this.set("orientation", v);
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  set centerHorizontally(v: boolean) {
    this.set("centerHorizontally", v);
  }
  /** Set whole, as a JSON object: `zoom.scale = …` reaches nothing. */
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set("zoom", { ...v });
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    throw new FakeOfficeError("PropertyNotLoaded", "zoom is not loaded; set it as a whole object.");
  }
  /** The range must span entire rows ("$1:$2"). */
  setPrintTitleRows(address: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(address.replace(/^.*!/, ""))) this.refuse(`print title rows must span entire rows, not ${address}`);
    else this.set("printTitleRows", address);
  }

  private refuse(message: string): void {
    this.ctx.enqueue({ pageLayoutRefused: message }, () => {
      throw new FakeOfficeError("InvalidArgument", message);
    });
  }
}

/**
 * What `add` returns, like OfficeExtension.EventHandlerResult: `remove()` is queued on the context
 * the handler was added in, so only a sync of that context (`Excel.run(result.context, …)`) removes it.
 */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeContext,
    private readonly registration: FakeEventRegistration,
  ) {}

  remove(): void {
    this.context.enqueue({ removeHandler: this.registration.type }, () => {
      this.context.model.eventHandlers.delete(this.registration);
    });
  }
}

/** An event of a worksheet (its sheet's id) or of the sheet list (no id): `add(handler)` registers at sync. */
export class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly type: FakeSheetEvent["type"],
    private readonly worksheetId: () => string | undefined,
  ) {}

  add(handler: (args: FakeSheetEvent) => unknown): FakeEventHandlerResult {
    const registration: FakeEventRegistration = { type: this.type, handler };
    this.ctx.enqueue({ addHandler: this.type }, () => {
      const id = this.worksheetId();
      if (id !== undefined) registration.worksheetId = id;
      this.ctx.model.eventHandlers.add(registration);
    });
    return new FakeEventHandlerResult(this.ctx, registration);
  }
}

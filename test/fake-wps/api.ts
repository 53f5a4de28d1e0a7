// WPS 表格's JS object model (window.Application) over a WpsWorkbook: the members src/wps uses,
// synchronous as WPS's API is, strict where WPS (after Excel's object model) is strict, and every
// property read, property write and method call counted. README.md lists each member with the
// document it follows. No Node APIs: the browser tests inject it into the task pane's page.
import { a1, parseA1 } from "../../src/workbook/grid";
import { MAX_COLUMNS, MAX_ROWS, WpsSheet, WpsWorkbook, type Scalar, type SheetVisibility, type WpsChart, type WpsEventName, type WpsRect, type WpsValidation } from "./model";

/** Thrown for what WPS refuses: its message is all callers get. */
export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FakeWpsError";
  }
}

export interface FakeWpsStats {
  /** Every property read, property write and method call made through the object model. */
  calls: number;
  /** The same calls by member ("Range.Value2", "Range.Value2 (set)", "Sheets.Add()"). */
  byMember: Map<string, number>;
  /** Sheet deletions that, with DisplayAlerts on, would have asked the user to confirm. */
  deletePrompts: number;
  /** Errors thrown by the add-in's event listeners (WPS would swallow them). */
  listenerErrors: unknown[];
}

export interface FakeWpsOptions {
  /** Makes the nth call (1-based) of a member fail, e.g. { member: "Range.Value2 (set)", nth: 3 }. */
  failure?: { member: string; nth: number };
}

export interface TaskPaneState {
  ID: number;
  url: string;
  title?: string;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

const BAD_NAME = /[[\]:*?/\\]/;

/** "A1", "A1:C3", "A:C", "3:5", with or without "$". */
function parseAddress(address: string): WpsRect {
  const parts = address.replace(/\$/g, "").split(":");
  if (parts.length > 2) throw new FakeWpsError(`Not a range address: ${address}`);
  const [from, to = from] = parts;
  const column = (text: string) => parseA1(`${text}1`).col;
  if (/^[A-Z]+$/i.test(from) && /^[A-Z]+$/i.test(to)) return { r0: 0, c0: column(from), r1: MAX_ROWS - 1, c1: column(to) };
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) return { r0: Number(from) - 1, c0: 0, r1: Number(to) - 1, c1: MAX_COLUMNS - 1 };
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

function rectAddress(r: WpsRect): string {
  const from = a1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? from : `${from}:${a1(r.r1, r.c1)}`;
}

function overlaps(a: WpsRect, b: WpsRect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** Default sizes of a new sheet's cells, for Range.Left / Top: Excel's 8.43-character columns and 15-point rows. */
const DEFAULT_WIDTH_CHARS = 8.43;
const DEFAULT_ROW_POINTS = 15;
/** Points per character of column width, for positions only (a chart's place on the sheet). */
const POINTS_PER_CHAR = 5.7;

export class FakeWps {
  readonly stats: FakeWpsStats = { calls: 0, byMember: new Map(), deletePrompts: 0, listenerErrors: [] };
  readonly pluginStorage = new Map<string, string>();
  readonly taskPanes = new Map<number, TaskPaneState>();
  readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  screenUpdating = true;
  displayAlerts = true;
  private nextPaneId = 1;
  /** The object behind each handed-out proxy, so the fake can read its own objects without counting. */
  private readonly targets = new WeakMap<object, object>();

  constructor(
    public workbook: WpsWorkbook | null,
    readonly options: FakeWpsOptions = {},
  ) {
    if (workbook) this.attach(workbook);
  }

  /** Makes a workbook the active one and forwards its events to the ApiEvent listeners. */
  attach(workbook: WpsWorkbook): void {
    this.workbook = workbook;
    workbook.onEvent = (name, sheet) => this.raise(name, sheet);
  }

  count(member: string): void {
    this.stats.calls += 1;
    const n = (this.stats.byMember.get(member) ?? 0) + 1;
    this.stats.byMember.set(member, n);
    const failure = this.options.failure;
    if (failure && failure.member === member && failure.nth === n) throw new FakeWpsError(`模拟的 WPS 调用失败：${member}（第 ${n} 次）`);
  }

  resetStats(): void {
    this.stats.calls = 0;
    this.stats.byMember.clear();
    this.stats.deletePrompts = 0;
    this.stats.listenerErrors.length = 0;
  }

  /**
   * The object as the add-in sees it: each property read, write and method call is counted, and
   * a member the fake does not model is an error rather than a silent undefined.
   */
  wrap<T extends object>(target: T, type: string): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const proxy = new Proxy(target, {
      get(t, prop) {
        // Promise resolution looks for `then` on whatever an async function returns.
        if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return Reflect.get(t, prop, t);
        if (!(prop in t)) throw new FakeWpsError(`${type}.${prop} is not modelled by the fake WPS.`);
        const value = Reflect.get(t, prop, t);
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            fake.count(`${type}.${prop}()`);
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        fake.count(`${type}.${prop}`);
        return value;
      },
      set(t, prop, value) {
        if (typeof prop === "symbol" || !(prop in t)) throw new FakeWpsError(`${type}.${String(prop)} is not modelled by the fake WPS.`);
        fake.count(`${type}.${prop} (set)`);
        return Reflect.set(t, prop, value, t);
      },
    });
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The fake's own object behind a proxy it handed out (what the add-in passed back as an argument). */
  unwrap<T>(value: T): T {
    return (typeof value === "object" && value !== null ? (this.targets.get(value) as T | undefined) : undefined) ?? value;
  }

  /** Calls the listeners of an event at once, inside the call that caused it, as VBA's event procedures run. */
  raise(name: WpsEventName, sheet: WpsSheet, target?: WpsRect): void {
    const listeners = this.listeners.get(name);
    if (!listeners || !this.workbook) return;
    const ws = this.sheetObject(this.workbook, sheet);
    const args =
      name === "WorkbookNewSheet"
        ? [this.wrap(new Workbook(this, this.workbook), "Workbook"), ws]
        : name === "SheetChange"
          ? [ws, this.wrap(new Range(this, this.workbook, sheet, target ?? { r0: 0, c0: 0, r1: 0, c1: 0 }), "Range")]
          : [ws];
    for (const listener of [...listeners]) {
      try {
        listener(...args);
      } catch (error) {
        this.stats.listenerErrors.push(error);
      }
    }
  }

  sheetObject(workbook: WpsWorkbook, sheet: WpsSheet): Worksheet {
    return this.wrap(new Worksheet(this, workbook, sheet), "Worksheet");
  }

  /** window.Application as the add-in's pages see it. */
  application(): Application {
    return this.wrap(new Application(this), "Application");
  }

  newPane(url: string, title?: string): TaskPaneState {
    const pane: TaskPaneState = { ID: this.nextPaneId++, url, Visible: false, DockPosition: 2, Width: 0 };
    if (title !== undefined) pane.title = title;
    this.taskPanes.set(pane.ID, pane);
    return pane;
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

class Application {
  constructor(private readonly fake: FakeWps) {}

  get ActiveWorkbook(): Workbook | null {
    const wb = this.fake.workbook;
    return wb ? this.fake.wrap(new Workbook(this.fake, wb), "Workbook") : null;
  }

  get ActiveSheet(): Worksheet | null {
    const wb = this.fake.workbook;
    const sheet = wb?.activeSheet === undefined ? undefined : wb.getSheet(wb.activeSheet);
    return wb && sheet ? this.fake.sheetObject(wb, sheet) : null;
  }

  get ActiveWindow(): Window | null {
    const wb = this.fake.workbook;
    return wb ? this.fake.wrap(new Window(wb), "Window") : null;
  }

  get ScreenUpdating(): boolean {
    return this.fake.screenUpdating;
  }

  set ScreenUpdating(on: boolean) {
    this.fake.screenUpdating = on;
  }

  get DisplayAlerts(): boolean {
    return this.fake.displayAlerts;
  }

  set DisplayAlerts(on: boolean) {
    this.fake.displayAlerts = on;
  }

  get ApiEvent(): ApiEvent {
    return this.fake.wrap(new ApiEvent(this.fake), "ApiEvent");
  }

  get PluginStorage(): PluginStorage {
    return this.fake.wrap(new PluginStorage(this.fake), "PluginStorage");
  }

  CreateTaskPane(url: string, title?: string): CustomTaskpane {
    return this.fake.wrap(new CustomTaskpane(this.fake.newPane(url, title)), "CustomTaskpane");
  }

  GetTaskPane(id: number): CustomTaskpane {
    const pane = this.fake.taskPanes.get(Number(id));
    if (!pane) throw new FakeWpsError(`No task pane with the ID ${id}.`);
    return this.fake.wrap(new CustomTaskpane(pane), "CustomTaskpane");
  }
}

class ApiEvent {
  constructor(private readonly fake: FakeWps) {}

  AddApiEventListener(name: string, callback: (...args: unknown[]) => void): void {
    if (typeof callback !== "function") throw new FakeWpsError("The fake WPS takes event listeners as functions only.");
    const set = this.fake.listeners.get(name) ?? new Set();
    set.add(callback);
    this.fake.listeners.set(name, set);
  }

  RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void): void {
    const set = this.fake.listeners.get(name);
    if (!set) return;
    if (callback) set.delete(callback);
    else set.clear();
  }
}

class PluginStorage {
  constructor(private readonly fake: FakeWps) {}

  setItem(key: string, value: string | number | boolean): void {
    this.fake.pluginStorage.set(key, String(value));
  }

  /** A key never set reads as null, as Web Storage's getItem does (the d.ts says string). */
  getItem(key: string): string | null {
    return this.fake.pluginStorage.get(key) ?? null;
  }

  removeItem(key: string): void {
    this.fake.pluginStorage.delete(key);
  }

  get length(): number {
    return this.fake.pluginStorage.size;
  }
}

class CustomTaskpane {
  constructor(private readonly pane: TaskPaneState) {}

  get ID(): number {
    return this.pane.ID;
  }

  get Visible(): boolean {
    return this.pane.Visible;
  }

  set Visible(on: boolean) {
    this.pane.Visible = on;
  }

  get DockPosition(): number {
    return this.pane.DockPosition;
  }

  set DockPosition(position: number) {
    this.pane.DockPosition = position;
  }

  get Width(): number {
    return this.pane.Width;
  }

  set Width(width: number) {
    this.pane.Width = width;
  }

  Navigate(url: string): void {
    this.pane.url = url;
  }
}

class Workbook {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
  ) {}

  get Name(): string {
    return this.wb.name;
  }

  get Worksheets(): Sheets {
    return this.fake.wrap(new Sheets(this.fake, this.wb), "Sheets");
  }

  get Sheets(): Sheets {
    return this.fake.wrap(new Sheets(this.fake, this.wb), "Sheets");
  }

  get Names(): Names {
    return this.fake.wrap(new Names(this.fake, this.wb), "Names");
  }

  get ActiveSheet(): Worksheet | null {
    const sheet = this.wb.activeSheet === undefined ? undefined : this.wb.getSheet(this.wb.activeSheet);
    return sheet ? this.fake.sheetObject(this.wb, sheet) : null;
  }
}

function checkSheetName(wb: WpsWorkbook, name: unknown, self?: WpsSheet): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || BAD_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeWpsError(`工作表名称无效：${String(name)}`);
  }
  const other = wb.getSheet(name);
  if (other && other !== self) throw new FakeWpsError(`工作表名称“${name}”已被占用。`);
  return name;
}

class Sheets {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
  ) {}

  get Count(): number {
    return this.wb.sheets.length;
  }

  /** By 1-based position or by name (any case); a name or position that is not there is an error. */
  Item(index: number | string): Worksheet {
    const sheet = typeof index === "number" ? this.wb.sheets[index - 1] : this.wb.getSheet(index);
    if (!sheet) throw new FakeWpsError(`下标越界：${String(index)}`);
    return this.fake.sheetObject(this.wb, sheet);
  }

  /**
   * A new sheet named "SheetN", before `Before`, after `After`, or (with neither) before the active
   * sheet; it becomes the active sheet.
   */
  Add(before?: Worksheet | null, after?: Worksheet | null): Worksheet {
    let n = this.wb.sheets.length + 1;
    while (this.wb.getSheet(`Sheet${n}`)) n++;
    const sheet = new WpsSheet(`Sheet${n}`);
    const anchor = (ws: Worksheet | null | undefined) => (ws ? this.fake.unwrap(ws).sheetModel() : undefined);
    const beforeSheet = anchor(before);
    const afterSheet = anchor(after);
    const active = this.wb.activeSheet === undefined ? undefined : this.wb.getSheet(this.wb.activeSheet);
    const at = beforeSheet ? this.wb.sheets.indexOf(beforeSheet) : afterSheet ? this.wb.sheets.indexOf(afterSheet) + 1 : active ? this.wb.sheets.indexOf(active) : this.wb.sheets.length;
    this.wb.sheets.splice(at, 0, sheet);
    this.wb.activeSheet = sheet.name;
    this.fake.raise("WorkbookNewSheet", sheet);
    return this.fake.sheetObject(this.wb, sheet);
  }
}

class Names {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
  ) {}

  get Count(): number {
    return this.wb.names.length;
  }

  Item(index: number | string): Name {
    const entry = typeof index === "number" ? this.wb.names[index - 1] : this.wb.names.find((n) => n.name.toLowerCase() === index.toLowerCase());
    if (!entry) throw new FakeWpsError(`名称不存在：${String(index)}`);
    return this.fake.wrap(new Name(this.wb, entry), "Name");
  }

  /** A name already there (in any case) is redefined, as Excel's Names.Add does. */
  Add(name: string, refersTo: string, visible = true): Name {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw new FakeWpsError(`名称无效：${name}`);
    if (typeof refersTo !== "string" || !refersTo.startsWith("=")) throw new FakeWpsError(`引用无效：${String(refersTo)}`);
    let entry = this.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (entry) Object.assign(entry, { refersTo, visible });
    else {
      entry = { name, refersTo, visible };
      this.wb.names.push(entry);
    }
    return this.fake.wrap(new Name(this.wb, entry), "Name");
  }
}

class Name {
  constructor(
    private readonly wb: WpsWorkbook,
    private readonly entry: { name: string; refersTo: string; visible: boolean },
  ) {}

  get Name(): string {
    return this.entry.name;
  }

  get RefersTo(): string {
    return this.entry.refersTo;
  }

  set RefersTo(value: string) {
    if (typeof value !== "string" || !value.startsWith("=")) throw new FakeWpsError(`引用无效：${String(value)}`);
    this.entry.refersTo = value;
  }

  get Visible(): boolean {
    return this.entry.visible;
  }

  Delete(): void {
    this.wb.names.splice(this.wb.names.indexOf(this.entry), 1);
  }
}

class Window {
  constructor(private readonly wb: WpsWorkbook) {}

  private state() {
    const sheet = this.wb.activeSheet === undefined ? undefined : this.wb.getSheet(this.wb.activeSheet);
    if (!sheet) throw new FakeWpsError("没有活动工作表。");
    return sheet.window;
  }

  get FreezePanes(): boolean {
    return this.state().freezePanes;
  }

  set FreezePanes(on: boolean) {
    this.state().freezePanes = on;
  }

  get SplitRow(): number {
    return this.state().splitRow;
  }

  set SplitRow(rows: number) {
    this.state().splitRow = rows;
  }

  get SplitColumn(): number {
    return this.state().splitColumn;
  }

  set SplitColumn(cols: number) {
    this.state().splitColumn = cols;
  }
}

class Worksheet {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
    private readonly sheet: WpsSheet,
  ) {}

  /** For the fake's own use (an argument the add-in passed back); not part of WPS's object model. */
  sheetModel(): WpsSheet {
    return this.live();
  }

  /** The sheet must still be in its workbook: a deleted sheet's object is dead. */
  private live(): WpsSheet {
    if (!this.wb.sheets.includes(this.sheet)) throw new FakeWpsError("对象已被删除。");
    return this.sheet;
  }

  get Name(): string {
    return this.live().name;
  }

  set Name(name: string) {
    const sheet = this.live();
    this.wb.rename(sheet, checkSheetName(this.wb, name, sheet));
  }

  get Visible(): SheetVisibility {
    return this.live().visible;
  }

  set Visible(visible: SheetVisibility) {
    const sheet = this.live();
    if (visible !== -1 && !this.wb.sheets.some((s) => s !== sheet && s.visible === -1)) throw new FakeWpsError("工作簿中至少要有一张可见的工作表。");
    sheet.visible = visible;
  }

  get Index(): number {
    return this.wb.sheets.indexOf(this.live()) + 1;
  }

  Activate(): void {
    const sheet = this.live();
    if (sheet.visible !== -1) throw new FakeWpsError("无法激活隐藏的工作表。");
    this.wb.activeSheet = sheet.name;
  }

  /** With DisplayAlerts on, WPS (as Excel) would ask the user to confirm: counted in stats.deletePrompts. */
  Delete(): void {
    const sheet = this.live();
    if (sheet.visible === -1 && !this.wb.sheets.some((s) => s !== sheet && s.visible === -1)) throw new FakeWpsError("工作簿中至少要有一张可见的工作表。");
    if (this.fake.displayAlerts) this.fake.stats.deletePrompts += 1;
    this.wb.removeSheet(sheet);
  }

  get UsedRange(): Range {
    const sheet = this.live();
    return this.fake.wrap(new Range(this.fake, this.wb, sheet, sheet.usedRect() ?? { r0: 0, c0: 0, r1: 0, c1: 0 }), "Range");
  }

  Range(address: string): Range {
    return this.fake.wrap(new Range(this.fake, this.wb, this.live(), parseAddress(address)), "Range");
  }

  get PageSetup(): PageSetup {
    return this.fake.wrap(new PageSetup(this.live()), "PageSetup");
  }

  get Shapes(): Shapes {
    return this.fake.wrap(new Shapes(this.fake, this.live()), "Shapes");
  }

  get HPageBreaks(): HPageBreaks {
    return this.fake.wrap(new HPageBreaks(this.fake, this.live()), "HPageBreaks");
  }

  get ListObjects(): ListObjects {
    return this.fake.wrap(new ListObjects(this.fake, this.wb, this.live()), "ListObjects");
  }
}

/** HPageBreaks.Add(Before): "Adds a horizontal page break" above the range's top row (VBA reference), once per row. */
class HPageBreaks {
  constructor(
    private readonly fake: FakeWps,
    private readonly sheet: WpsSheet,
  ) {}

  get Count(): number {
    return this.sheet.pageBreaks.length;
  }

  Add(before: Range): void {
    const { rect, sheet } = this.fake.unwrap(before);
    if (sheet !== this.sheet) throw new FakeWpsError("分页符须位于本工作表。");
    const row = rect.r0;
    if (row === 0) throw new FakeWpsError("无法在第一行之前插入分页符。");
    if (!this.sheet.pageBreaks.includes(row)) this.sheet.pageBreaks.push(row);
  }
}

class ListObjects {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
    private readonly sheet: WpsSheet,
  ) {}

  get Count(): number {
    return this.sheet.tables.length;
  }

  Item(index: number): ListObject {
    const table = this.sheet.tables[index - 1];
    if (!table) throw new FakeWpsError(`下标越界：${index}`);
    return this.fake.wrap(new ListObject(this.fake, this.wb, this.sheet, table), "ListObject");
  }
}

class ListObject {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
    private readonly sheet: WpsSheet,
    private readonly table: { name: string; address: string; showTotals?: boolean },
  ) {}

  get Name(): string {
    return this.table.name;
  }

  get ShowTotals(): boolean {
    return this.table.showTotals === true;
  }

  get Range(): Range {
    return this.fake.wrap(new Range(this.fake, this.wb, this.sheet, parseAddress(this.table.address)), "Range");
  }
}

class PageSetup {
  constructor(private readonly sheet: WpsSheet) {}

  private put(key: string, value: unknown): void {
    this.sheet.pageSetup[key] = value;
  }

  set Orientation(v: number) {
    if (v !== 1 && v !== 2) throw new FakeWpsError(`Orientation 取值无效：${v}`);
    this.put("Orientation", v);
  }

  set PaperSize(v: number) {
    this.put("PaperSize", v);
  }

  /** Whole rows only ("$1:$2"), as Excel's PrintTitleRows wants. */
  set PrintTitleRows(v: string) {
    if (!/^\$\d+:\$\d+$/.test(v)) throw new FakeWpsError(`PrintTitleRows 须为整行区域：${v}`);
    this.put("PrintTitleRows", v);
  }

  set Zoom(v: number | boolean) {
    this.put("Zoom", v);
  }

  set FitToPagesWide(v: number | boolean) {
    this.put("FitToPagesWide", v);
  }

  set FitToPagesTall(v: number | boolean) {
    this.put("FitToPagesTall", v);
  }

  set CenterHorizontally(v: boolean) {
    this.put("CenterHorizontally", v);
  }

  set CenterFooter(v: string) {
    this.put("CenterFooter", v);
  }
}

class Shapes {
  constructor(
    private readonly fake: FakeWps,
    private readonly sheet: WpsSheet,
  ) {}

  get Count(): number {
    return this.sheet.charts.length;
  }

  AddChart(chartType: number, left: number, top: number, width: number, height: number): Shape {
    const chart: WpsChart = { chartType, left, top, width, height, series: [], axes: {} };
    this.sheet.charts.push(chart);
    return this.fake.wrap(new Shape(this.fake, this.sheet, chart), "Shape");
  }
}

class Shape {
  constructor(
    private readonly fake: FakeWps,
    private readonly sheet: WpsSheet,
    private readonly chart: WpsChart,
  ) {}

  get Chart(): Chart {
    return this.fake.wrap(new Chart(this.fake, this.sheet, this.chart), "Chart");
  }
}

class Chart {
  constructor(
    private readonly fake: FakeWps,
    private readonly sheet: WpsSheet,
    private readonly chart: WpsChart,
  ) {}

  get ChartType(): number {
    return this.chart.chartType;
  }

  set ChartType(type: number) {
    this.chart.chartType = type;
  }

  /** By columns (xlColumns 2): the first row names the series, the first column holds the categories, each later column is a series. */
  SetSourceData(source: Range, plotBy = 2): void {
    const { rect, sheet } = this.fake.unwrap(source);
    if (plotBy !== 2) throw new FakeWpsError("The fake WPS draws series by columns only (xlColumns).");
    if (sheet !== this.sheet) throw new FakeWpsError("The fake WPS draws a chart from its own sheet only.");
    this.chart.source = rectAddress(rect);
    this.chart.plotBy = plotBy;
    this.chart.series = [];
    for (let c = rect.c0 + 1; c <= rect.c1; c++) this.chart.series.push({ name: String(sheet.cellAt(rect.r0, c)?.value ?? "") });
  }

  get HasTitle(): boolean {
    return this.chart.title !== undefined;
  }

  set HasTitle(on: boolean) {
    if (on) this.chart.title ??= "";
    else delete this.chart.title;
  }

  get ChartTitle(): { Text: string } {
    const chart = this.chart;
    if (chart.title === undefined) throw new FakeWpsError("图表没有标题（先设置 HasTitle）。");
    return this.fake.wrap(
      {
        get Text() {
          return chart.title ?? "";
        },
        set Text(text: string) {
          chart.title = text;
        },
      },
      "ChartTitle",
    );
  }

  /** SeriesCollection(i): the i-th series (1-based); without an index, the collection (Count). */
  SeriesCollection(index?: number): unknown {
    const chart = this.chart;
    if (index === undefined) return this.fake.wrap({ get Count() { return chart.series.length; } }, "SeriesCollection");
    const series = chart.series[index - 1];
    if (!series) throw new FakeWpsError(`下标越界：${index}`);
    const fill = this.fake.wrap(
      {
        get Visible() {
          return series.fillVisible ?? -1;
        },
        set Visible(v: number) {
          series.fillVisible = v;
        },
      },
      "FillFormat",
    );
    const format = this.fake.wrap({ Fill: fill }, "ChartFormat");
    return this.fake.wrap(
      {
        Format: format,
        get HasDataLabels() {
          return series.hasDataLabels === true;
        },
        set HasDataLabels(on: boolean) {
          series.hasDataLabels = on;
        },
      },
      "Series",
    );
  }

  /** Axes(xlCategory 1 | xlValue 2): that axis. */
  Axes(type: number): unknown {
    if (type !== 1 && type !== 2) throw new FakeWpsError(`坐标轴类型无效：${type}`);
    const axis = (this.chart.axes[type] ??= {});
    const title = this.fake.wrap(
      {
        get Text() {
          return axis.title ?? "";
        },
        set Text(text: string) {
          axis.title = text;
        },
      },
      "AxisTitle",
    );
    return this.fake.wrap(
      {
        get ReversePlotOrder() {
          return axis.reversePlotOrder === true;
        },
        set ReversePlotOrder(on: boolean) {
          axis.reversePlotOrder = on;
        },
        get HasTitle() {
          return axis.title !== undefined;
        },
        set HasTitle(on: boolean) {
          if (on) axis.title ??= "";
          else delete axis.title;
        },
        get AxisTitle() {
          if (axis.title === undefined) throw new FakeWpsError("坐标轴没有标题（先设置 HasTitle）。");
          return title;
        },
      },
      "Axis",
    );
  }
}

type Value2 = Scalar | undefined | Array<Array<Scalar | undefined | null>>;

class Range {
  constructor(
    private readonly fake: FakeWps,
    private readonly wb: WpsWorkbook,
    readonly sheet: WpsSheet,
    readonly rect: WpsRect,
  ) {}

  private get address(): string {
    return rectAddress(this.rect);
  }

  private get single(): boolean {
    return this.rect.r0 === this.rect.r1 && this.rect.c0 === this.rect.c1;
  }

  private cells(): number {
    return (this.rect.r1 - this.rect.r0 + 1) * (this.rect.c1 - this.rect.c0 + 1);
  }

  get Row(): number {
    return this.rect.r0 + 1;
  }

  get Column(): number {
    return this.rect.c0 + 1;
  }

  get Rows(): { Count: number } {
    return this.fake.wrap({ Count: this.rect.r1 - this.rect.r0 + 1 }, "Range");
  }

  get Columns(): { Count: number } {
    return this.fake.wrap({ Count: this.rect.c1 - this.rect.c0 + 1 }, "Range");
  }

  get Count(): number {
    return this.cells();
  }

  /** One cell: its value (undefined when empty); more: rows of values. */
  get Value2(): Value2 {
    const { r0, c0, r1, c1 } = this.rect;
    if (this.single) return this.sheet.cellAt(r0, c0)?.value ?? undefined;
    const out: Array<Array<Scalar | undefined>> = [];
    for (let r = r0; r <= r1; r++) {
      const row = this.sheet.rows[r];
      const values = new Array<Scalar | undefined>(c1 - c0 + 1);
      for (let c = c0; c <= c1; c++) values[c - c0] = row?.[c]?.value ?? undefined;
      out.push(values);
    }
    return out;
  }

  /** A scalar for one cell, or rows of values exactly the range's size; each value is entered as typed. */
  set Value2(v: Value2) {
    const rows = this.matrix(v, "Value2");
    rows.forEach((row, i) => row.forEach((value, j) => this.sheet.enter(this.rect.r0 + i, this.rect.c0 + j, value ?? "")));
    this.fake.raise("SheetChange", this.sheet, this.rect);
  }

  /** Formulas: a string for one cell, or rows of strings; each must start with "=". */
  set Formula(v: Value2) {
    const rows = this.matrix(v, "Formula");
    rows.forEach((row, i) =>
      row.forEach((formula, j) => {
        if (typeof formula !== "string" || !formula.startsWith("=")) throw new FakeWpsError(`Formula 须以“=”开头：${String(formula)}`);
        const cell = this.sheet.ensure(this.rect.r0 + i, this.rect.c0 + j);
        cell.formula = formula;
        cell.value = formula;
      }),
    );
    this.fake.raise("SheetChange", this.sheet, this.rect);
  }

  get Formula(): Value2 {
    throw new FakeWpsError("Reading Range.Formula is not modelled by the fake WPS.");
  }

  private matrix(v: Value2, what: string): Array<Array<Scalar | undefined | null>> {
    const rows = this.rect.r1 - this.rect.r0 + 1;
    const cols = this.rect.c1 - this.rect.c0 + 1;
    if (!Array.isArray(v)) {
      if (!this.single) throw new FakeWpsError(`${what}: a range of ${rows}×${cols} cells takes rows of values.`);
      return [[v]];
    }
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeWpsError(`${what}: the array is not ${rows}×${cols} like the range ${this.address}.`);
    }
    return v;
  }

  /** The cells' common format, or null where they differ (Excel's Range.NumberFormat). */
  get NumberFormat(): string | null {
    const { r0, c0, r1, c1 } = this.rect;
    if (this.cells() > 5_000_000) throw new FakeWpsError("The fake WPS does not read formats of whole rows or columns.");
    let format: string | undefined;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const f = this.sheet.cellAt(r, c)?.numberFormat ?? "General";
        if (format === undefined) format = f;
        else if (f !== format) return null;
      }
    }
    return format ?? "General";
  }

  set NumberFormat(format: string) {
    if (typeof format !== "string") throw new FakeWpsError("The fake WPS takes one number format for a whole range.");
    if (this.cells() > 5_000_000) throw new FakeWpsError("The fake WPS does not format whole rows or columns.");
    for (let r = this.rect.r0; r <= this.rect.r1; r++) for (let c = this.rect.c0; c <= this.rect.c1; c++) this.sheet.setFormat(r, c, format);
  }

  private style(property: string, value: unknown): void {
    this.sheet.styles.push({ range: this.address, property, value });
  }

  get Font(): { Bold: boolean; Size: number } {
    const put = (p: string, v: unknown) => this.style(`Font.${p}`, v);
    return this.fake.wrap(
      {
        set Bold(v: boolean) {
          put("Bold", v);
        },
        set Size(v: number) {
          put("Size", v);
        },
      } as { Bold: boolean; Size: number },
      "Font",
    );
  }

  get Interior(): { Color: number } {
    const put = (v: unknown) => this.style("Interior.Color", v);
    return this.fake.wrap(
      {
        set Color(v: number) {
          put(v);
        },
      } as { Color: number },
      "Interior",
    );
  }

  /**
   * The range's borders. Set on the collection itself, LineStyle, Weight and Color apply to every
   * border of every cell, edges and inside lines alike (recorded as indexes 7–12), as in Excel's
   * `Range("A1:G10").Borders.LineStyle = xlContinuous`.
   */
  get Borders(): { Item: (index: number) => unknown; LineStyle: number; Weight: number; Color: number } {
    const style = (p: string, v: unknown) => this.style(p, v);
    const fake = this.fake;
    const all = (p: string, v: unknown) => {
      for (const index of [7, 8, 9, 10, 11, 12]) style(`Borders(${index}).${p}`, v);
    };
    return this.fake.wrap(
      {
        set LineStyle(v: number) {
          all("LineStyle", v);
        },
        set Weight(v: number) {
          all("Weight", v);
        },
        set Color(v: number) {
          all("Color", v);
        },
        Item(index: number) {
          if (![5, 6, 7, 8, 9, 10, 11, 12].includes(index)) throw new FakeWpsError(`边框下标无效：${index}`);
          const put = (p: string, v: unknown) => style(`Borders(${index}).${p}`, v);
          return fake.wrap(
            {
              set LineStyle(v: number) {
                put("LineStyle", v);
              },
              set Weight(v: number) {
                put("Weight", v);
              },
              set Color(v: number) {
                put("Color", v);
              },
            },
            "Border",
          );
        },
      },
      "Borders",
    );
  }

  set HorizontalAlignment(v: number) {
    if (![-4131, -4108, -4152].includes(v)) throw new FakeWpsError(`对齐方式无效：${v}`);
    this.style("HorizontalAlignment", v);
  }

  set WrapText(v: boolean) {
    this.style("WrapText", v);
  }

  /** Sets the width of every column the range spans, in characters; 0 hides them. */
  set ColumnWidth(width: number) {
    if (!(width >= 0 && width <= 255)) throw new FakeWpsError(`列宽无效：${width}`);
    for (let c = this.rect.c0; c <= this.rect.c1; c++) this.sheet.columnWidths.set(c, width);
  }

  /** Sets the height of every row the range spans, in points (0–409). */
  set RowHeight(height: number) {
    if (!(height >= 0 && height <= 409)) throw new FakeWpsError(`行高无效：${height}`);
    for (let r = this.rect.r0; r <= this.rect.r1; r++) this.sheet.rowHeights.set(r, height);
  }

  /** Distance from column A's left edge, in points. */
  get Left(): number {
    let left = 0;
    for (let c = 0; c < this.rect.c0; c++) left += (this.sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_CHARS) * POINTS_PER_CHAR;
    return left;
  }

  /** Distance from row 1's top edge, in points. */
  get Top(): number {
    let top = 0;
    for (let r = 0; r < this.rect.r0; r++) top += this.sheet.rowHeights.get(r) ?? DEFAULT_ROW_POINTS;
    return top;
  }

  /** Keeps the upper-left value only, as Excel's Merge does. */
  Merge(): void {
    for (let r = this.rect.r0; r <= this.rect.r1; r++) {
      for (let c = this.rect.c0; c <= this.rect.c1; c++) {
        const cell = this.sheet.cellAt(r, c);
        if ((r !== this.rect.r0 || c !== this.rect.c0) && cell) {
          cell.value = null;
          delete cell.formula;
        }
      }
    }
    this.sheet.merges.push(this.address);
  }

  /** Only on the active sheet, as Excel's Range.Select. */
  Select(): void {
    if (this.wb.activeSheet?.toLowerCase() !== this.sheet.name.toLowerCase()) throw new FakeWpsError("Range 类的 Select 方法无效：工作表未激活。");
    this.sheet.selection = this.address;
  }

  get Validation(): unknown {
    const sheet = this.sheet;
    const rect = this.rect;
    const address = this.address;
    let current: WpsValidation | undefined = sheet.validations.find((v) => v.range === address);
    const field = <K extends keyof WpsValidation>(key: K, value: WpsValidation[K]) => {
      if (!current) throw new FakeWpsError("区域没有数据有效性（先调用 Validation.Add）。");
      current[key] = value;
    };
    return this.fake.wrap(
      {
        Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string) {
          if (sheet.validations.some((v) => overlaps(parseAddress(v.range), rect))) throw new FakeWpsError("区域已有数据有效性（先调用 Validation.Delete）。");
          current = { range: address, type };
          if (alertStyle !== undefined) current.alertStyle = alertStyle;
          if (operator !== undefined) current.operator = operator;
          if (formula1 !== undefined) current.formula1 = formula1;
          if (formula2 !== undefined) current.formula2 = formula2;
          sheet.validations.push(current);
        },
        Delete() {
          for (let i = sheet.validations.length - 1; i >= 0; i--) if (overlaps(parseAddress(sheet.validations[i].range), rect)) sheet.validations.splice(i, 1);
          current = undefined;
        },
        set ErrorMessage(v: string) {
          field("errorMessage", v);
        },
        set ErrorTitle(v: string) {
          field("errorTitle", v);
        },
        set ShowError(v: boolean) {
          field("showError", v);
        },
        set InCellDropdown(v: boolean) {
          field("inCellDropdown", v);
        },
      },
      "Validation",
    );
  }
}

export type { Application as FakeApplication };

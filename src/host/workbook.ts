// What a host must offer for the shared RatingHost (src/host/sheetHost.ts) to run on it: read the
// open workbook into grids, apply sheet plans, delete sheets, select a cell, report changes. Each
// host implements this over its own object model (Office.js in src/excel, WPS 表格 in src/wps);
// every rule, reader and plan stays on this side of the seam.
import type { Locale } from "../i18n/locale";
import type { Grid } from "../workbook/grid";
import type { SheetKind, SheetPlan } from "../workbook/plan/types";
import type { SheetChange, StopWatching } from "./host";

export interface ListedSheet {
  name: string;
  /** The host's lasting id of the sheet (a rename keeps it where the host can): change events name sheets by it. */
  id: string;
  /** Shown as a tab: a workbook keeps at least one such sheet. */
  visible: boolean;
  /** Set when the add-in made the sheet, as its marker says. */
  kind?: SheetKind;
  /** Excel tables (ListObjects) on the sheet. */
  tables: string[];
}

export interface WorkbookState {
  sheets: ListedSheet[];
  /** The rule preset of the workbook's last run, where the host keeps it. */
  presetId?: string;
  /** Input grids: user sheets, the rules sheet and the year cycle's sheets; never the add-in's result sheets. */
  grids: Grid[];
}

export interface ReadOptions {
  /** Read cell values; false lists the sheets and markers only. */
  values: boolean;
  /** Read only this sheet (and the sheets every run reads besides) instead of every user sheet. */
  sheet?: string;
}

export interface ApplyOptions {
  locale: Locale;
  /** The add-in's sheets of these kinds are replaced by the new ones. */
  replaceKinds: readonly SheetKind[];
  /** Mark the new sheets as the add-in's own (result and rules sheets; not the user's template). */
  mark: boolean;
  /** Activate the first new sheet afterwards. */
  activate: boolean;
  /** The rule preset this run used, kept for the next run (default: the one kept before). */
  presetId?: string;
}

export interface ApplyOutcome {
  /** Final names, in plan order. */
  written: string[];
  /** Localised notices: a name a user's sheet held, what this host could not do. */
  notices: string[];
}

/** One conversation with the open workbook (one Excel.run; a stretch of WPS's synchronous calls). */
export interface WorkbookSession<S extends WorkbookState = WorkbookState> {
  read(opts: ReadOptions): Promise<S>;
  /**
   * Writes the plans as new sheets, replacing the add-in's sheets of `replaceKinds`, all or
   * nothing: a failure part-way leaves the earlier sheets as they were and no new sheet behind.
   */
  apply(state: S, plans: SheetPlan[], opts: ApplyOptions): Promise<ApplyOutcome>;
  /** Deletes these sheets, adding a blank one first where no visible sheet would remain. */
  removeSheets(state: S, sheets: readonly ListedSheet[]): Promise<void>;
  /** Activates the sheet and selects the cell (A1 address). */
  select(sheet: string, cell: string): Promise<void>;
}

export interface WorkbookAccess<S extends WorkbookState = WorkbookState> {
  session<T>(work: (wb: WorkbookSession<S>) => Promise<T>): Promise<T>;
  /** Reports each later change; undefined where the host has no events to follow. */
  watch(listener: (change: SheetChange) => void): Promise<StopWatching | undefined>;
}

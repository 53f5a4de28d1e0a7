// The one small interface between the task pane (and the ribbon command) and the workbook.
// The Office.js implementation lives beside this file; the task pane never imports Office.js itself.

import type { Issue, Rules, RatingResult, ZoneTable } from "../engine/types";
import type { RobustnessResult } from "../engine/robustness";
import type { Locale } from "../i18n/locale";
import type { PreviousRating } from "../workbook/read/previous";
import type { YearCycleOutcome } from "../workbook/yearCycle";

export interface SheetInfo {
  name: string;
  /** Excel's id of the sheet, which a rename keeps: change events name a sheet by it. */
  id: string;
  /** What a run makes of the sheet: one of the add-in's result sheets, or the rules sheet it reads. */
  role?: "result" | "rules";
  /** Made by this add-in (a result or rules sheet), recognised by its marker, not by its name. */
  ownedByAddin: boolean;
  /** Holds a recognisable indicator header in its first 20 rows. */
  hasIndicatorTable: boolean;
  /** Excel tables on the sheet. */
  tables: string[];
}

export interface WorkbookOverview {
  sheets: SheetInfo[];
  /** The sheet the add-in would rate by default (the first with an indicator header), if any. */
  indicatorSheet?: string;
  /** Zones found on that sheet (data rows, totals and blank rows excluded). */
  zoneCount: number;
  /** The rules a run would use: the 评定规则 sheet where present, else the chosen preset; absent when that sheet is invalid (its errors are in issues). */
  rules?: Rules;
  rulesSource: "sheet" | "preset";
  /** The preset a run uses without a rules sheet: the one asked for, else the workbook's last run's, else the default. */
  presetId: string;
  /** Problems found while looking (e.g. an invalid rules sheet), already localised. */
  issues: Issue[];
}

export interface RunOptions {
  locale: Locale;
  /** Rate this sheet instead of the first with an indicator header. */
  sheet?: string;
  /** Preset id used when the workbook has no 评定规则 sheet; default: the preset of the workbook's last run, else the default preset. */
  presetId?: string;
  /** Reports progress as a fraction 0–1 with a localised step label. */
  onProgress?: (fraction: number, label: string) => void;
  /** Show the first result sheet afterwards (default); a recompute after edits leaves the user on the sheet they are editing. */
  activate?: boolean;
}

export interface RunOutcome {
  /** false when input errors stopped the run: nothing was written. */
  ok: boolean;
  result?: RatingResult;
  /** Errors and warnings, localised, each with sheet and cell where known. */
  issues: Issue[];
  /** Names of the sheets written (may carry a suffix where a user sheet held the name). */
  sheetsWritten: string[];
  /** Notices for the user, localised (e.g. "print setup needs ExcelApi 1.9", "sheet renamed"). */
  notices: string[];
  /** The years behind this one, where the workbook keeps a 历年评定: for the trend view. */
  yearCycle?: YearCycleOutcome;
}

/** What 导入上年结果 wrote into the workbook's 历年评定. */
export interface HistoryImport {
  ok: boolean;
  sheet?: string;
  /** Years the history now holds. */
  years: number[];
  /** Zones of the imported year. */
  zones?: number;
  /** Localised; errors where nothing was written. */
  issues: Issue[];
}

/** A change to the workbook's sheets, as Excel's events report it: whoever made it, this add-in included. */
export interface SheetChange {
  kind: "changed" | "added" | "deleted";
  worksheetId: string;
}

/** Stops reporting changes; resolves once Excel has dropped the handlers. */
export type StopWatching = () => Promise<void>;

/** What a run would rate, read and checked but not rated: the table and rules, or the errors that stop a run. */
export interface RatingInput {
  ok: boolean;
  table?: ZoneTable;
  rules?: Rules;
  /** Errors and warnings of the reading, localised. */
  issues: Issue[];
}

/** A sheet the add-in wrote: its final name, and notices such as a name taken by a user's sheet. */
export interface SheetWritten {
  sheet: string;
  notices: string[];
}

/** The rated copy of a workbook file, to save. */
export interface RatedFile {
  /** `<name>-rated.xlsx` for the chosen `<name>.xlsx`. */
  name: string;
  blob: Blob;
}

/**
 * What a host that rates a workbook file instead of an open workbook offers (the offline page): the
 * user chooses the file, and last year's rated one, and saves the rated copy. Nothing is written
 * into a workbook there, so the pane leaves out inserting and removing sheets, going to a cell and
 * following edits.
 */
export interface WorkbookFiles {
  /** The workbook to rate: later overviews and runs read it. */
  choose(file: File): void;
  /** Last year's rated workbook (the command line's --prev), or none: later runs carry it forward. */
  choosePrevious(file: File | undefined): void;
  /** The rated workbook of the last run that rated, with the 稳健性分析 sheet where one was written since. */
  rated(): RatedFile | undefined;
}

export interface RatingHost {
  /** Without a presetId, looks at the preset of the workbook's last run (the default preset if none). */
  overview(locale: Locale, presetId?: string): Promise<WorkbookOverview>;
  /** Reads, rates and writes every result sheet (replacing the add-in's earlier ones). */
  run(options: RunOptions): Promise<RunOutcome>;
  /** Writes the preset as an editable 评定规则 sheet; returns the sheet's name. */
  insertRulesSheet(presetId: string, locale: Locale): Promise<string>;
  /** Writes a template indicator sheet (headers, data validation, a few sample rows); returns its name. */
  insertSampleSheet(locale: Locale): Promise<string>;
  /** Deletes only the add-in's result sheets; returns how many were removed. */
  removeResultSheets(): Promise<number>;
  /** Activates the sheet and selects the cell (an issue link). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Reads the table and rules a run would rate, rating and writing nothing (the robustness analysis rates them off Excel's thread). */
  readInput(options: Omit<RunOptions, "onProgress">): Promise<RatingInput>;
  /** Writes the 稳健性分析 sheet of an analysis, replacing the add-in's earlier one. */
  writeRobustnessSheet(result: RobustnessResult, locale: Locale): Promise<SheetWritten>;
  /** Joins last year's results into the workbook's 历年评定 (without them, starts an empty one), which later runs carry forward. */
  importPrevious?(previous: PreviousRating | undefined, locale: Locale): Promise<HistoryImport>;
  /**
   * Reports each later change: cells edited on a sheet, a sheet added or deleted. Resolves to the
   * way to stop, or to undefined where this Excel has no worksheet events (below ExcelApi 1.7).
   */
  watchSheets(listener: (change: SheetChange) => void): Promise<StopWatching | undefined>;
  /** Present where the host rates a workbook file rather than an open workbook. */
  files?: WorkbookFiles;
}

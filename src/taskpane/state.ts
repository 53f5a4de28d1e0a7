// The task pane's state and its transitions, kept free of React and Office so they can be tested
// on their own.
import type { RunOutcome, WorkbookOverview } from "../host/host";
import { DEFAULT_PRESET_ID } from "../engine/presets";

export type Intent = "success" | "warning" | "error" | "info";

export interface PaneMessage {
  intent: Intent;
  text: string;
  /** Offers a retry of the overview (the pane could not read the workbook at all). */
  retryOverview?: boolean;
}

export interface Progress {
  fraction: number;
  label: string;
}

export type Following = "on" | "unsupported" | "failed";

export interface PaneState {
  /** An overview or an action is under way; buttons are disabled. */
  busy: boolean;
  overview?: WorkbookOverview;
  presetId: string;
  /** The sheet the user picked; undefined = the overview's indicator sheet. */
  sheet?: string;
  progress?: Progress;
  outcome?: RunOutcome;
  message?: PaneMessage;
  /** Whether Excel reports edits to the pane: undefined until known; "unsupported" below ExcelApi 1.7. */
  following?: Following;
  /** Recompute after edits, as remembered for this workbook. */
  autoRecompute: boolean;
  /** Changes heard that affect the results (edits of the indicator or rules sheet, sheets added or deleted). */
  changesHeard: number;
  /** Of those, how many the current action began after (a run reads the workbook at its start). */
  changesAtStart: number;
  /** Of those, how many the result sheets reflect: the count when the last successful run began. */
  changesRated: number;
}

export type PaneEvent =
  | { type: "overviewStarted" }
  | { type: "overviewLoaded"; overview: WorkbookOverview }
  | { type: "actionStarted"; label: string }
  | { type: "progress"; fraction: number; label: string }
  | { type: "runFinished"; outcome: RunOutcome; message: PaneMessage }
  | { type: "actionFinished"; message: PaneMessage; clearOutcome?: boolean }
  | { type: "failed"; message: PaneMessage }
  | { type: "presetChosen"; presetId: string }
  | { type: "sheetChosen"; sheet: string }
  /** Another workbook file was chosen: the pick of a sheet and the results belong to the one before. */
  | { type: "fileChosen" }
  | { type: "watching"; following: Following }
  | { type: "workbookChanged" }
  | { type: "autoRecomputeSet"; on: boolean };

export const INITIAL_STATE: PaneState = { busy: true, presetId: DEFAULT_PRESET_ID, autoRecompute: false, changesHeard: 0, changesAtStart: 0, changesRated: 0 };

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "overviewStarted":
      return { ...state, busy: true };
    case "overviewLoaded": {
      const stillThere = state.sheet !== undefined && event.overview.sheets.some((s) => s.name === state.sheet);
      // The picker follows the preset the overview used: at first the one of the workbook's last run.
      return { ...state, busy: false, progress: undefined, overview: event.overview, presetId: event.overview.presetId, sheet: stillThere ? state.sheet : undefined };
    }
    case "actionStarted":
      return { ...state, busy: true, message: undefined, progress: { fraction: 0, label: event.label }, changesAtStart: state.changesHeard };
    case "progress":
      // Clamped: a host that reports slightly past 1 must not overflow the bar.
      return { ...state, progress: { fraction: Math.min(1, Math.max(0, event.fraction)), label: event.label } };
    case "runFinished":
      return { ...state, busy: false, progress: undefined, outcome: event.outcome, message: event.message, changesRated: event.outcome.ok ? state.changesAtStart : state.changesRated };
    case "actionFinished":
      return { ...state, busy: false, progress: undefined, message: event.message, outcome: event.clearOutcome ? undefined : state.outcome };
    case "failed":
      return { ...state, busy: false, progress: undefined, message: event.message };
    case "presetChosen":
      return { ...state, presetId: event.presetId };
    case "sheetChosen":
      return { ...state, sheet: event.sheet };
    case "fileChosen":
      return { ...state, sheet: undefined, outcome: undefined, message: undefined };
    case "watching":
      return { ...state, following: event.following };
    case "workbookChanged":
      return { ...state, changesHeard: state.changesHeard + 1 };
    case "autoRecomputeSet":
      return { ...state, autoRecompute: event.on };
  }
}

/** The workbook holds result sheets that miss changes made since they were written. */
export function resultsOutOfDate(state: PaneState): boolean {
  return state.changesHeard > state.changesRated && (state.overview?.sheets.some((s) => s.role === "result") ?? false);
}

/**
 * What the pane does once edits pause: recompute when asked to and there are results to keep up to
 * date (a workbook never rated is not rated unasked); otherwise look at the workbook again, so the
 * zone count, the rules and the sheet list follow it.
 */
export function afterEdits(state: PaneState): "recompute" | "refresh" | undefined {
  if (state.changesHeard === state.changesRated) return undefined;
  return state.autoRecompute && resultsOutOfDate(state) ? "recompute" : "refresh";
}

/**
 * The sheet a run would rate: the user's pick, else the one the overview rated, else the first
 * with an indicator header (a table with bad cells has a header but no readable zones, and the
 * user must still be able to re-run it after fixing them).
 */
export function targetSheet(state: PaneState): string | undefined {
  return state.sheet ?? state.overview?.indicatorSheet ?? state.overview?.sheets.find((s) => s.hasIndicatorTable && !s.ownedByAddin)?.name;
}

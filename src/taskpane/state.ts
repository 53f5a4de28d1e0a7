// The task pane's state and its transitions, kept free of React and Office so they can be tested
// on their own.
import type { RunOutcome, WorkbookOverview } from "../excel/host";
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
  | { type: "sheetChosen"; sheet: string };

export const INITIAL_STATE: PaneState = { busy: true, presetId: DEFAULT_PRESET_ID };

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
      return { ...state, busy: true, message: undefined, progress: { fraction: 0, label: event.label } };
    case "progress":
      // Clamped: a host that reports slightly past 1 must not overflow the bar.
      return { ...state, progress: { fraction: Math.min(1, Math.max(0, event.fraction)), label: event.label } };
    case "runFinished":
      return { ...state, busy: false, progress: undefined, outcome: event.outcome, message: event.message };
    case "actionFinished":
      return { ...state, busy: false, progress: undefined, message: event.message, outcome: event.clearOutcome ? undefined : state.outcome };
    case "failed":
      return { ...state, busy: false, progress: undefined, message: event.message };
    case "presetChosen":
      return { ...state, presetId: event.presetId };
    case "sheetChosen":
      return { ...state, sheet: event.sheet };
  }
}

/**
 * The sheet a run would rate: the user's pick, else the one the overview rated, else the first
 * with an indicator header (a table with bad cells has a header but no readable zones, and the
 * user must still be able to re-run it after fixing them).
 */
export function targetSheet(state: PaneState): string | undefined {
  return state.sheet ?? state.overview?.indicatorSheet ?? state.overview?.sheets.find((s) => s.hasIndicatorTable && !s.ownedByAddin)?.name;
}

// The messages between the offline page and its worker: the page calls the worker's file jobs by
// name, the worker answers each call once (and reports progress on the way). Types and constants
// only, so the page's first bundle carries none of what the worker runs.
import type { RobustnessResult } from "../engine/robustness";
import type { RatingInput, RunOutcome, SheetWritten, WorkbookOverview } from "../host/host";
import type { Locale } from "../i18n/locale";

/** The robustness analysis runs in a worker of the same script under this name (src/web/worker.ts). */
export const ROBUSTNESS_WORKER_NAME = "robustness";

/** What a run of the chosen workbook rates, as the command line's --sheet and --rules PRESET. */
export interface FileRunOptions {
  locale: Locale;
  presetId?: string;
  sheet?: string;
}

/** A run that rated: what the pane shows, and the rated workbook to save. */
export interface FileRun {
  outcome: RunOutcome;
  /** Absent when input errors stopped the run. */
  rated?: Blob;
}

/** The worker's jobs, as the page calls them; each resolves once. */
export interface FileJobs {
  /** The workbook to rate from now on; nothing is read until a job needs it. */
  choose(file: File): Promise<void>;
  /** Last year's rated workbook (--prev) for the runs from now on, or none. */
  choosePrevious(file: File | undefined): Promise<void>;
  overview(locale: Locale, presetId?: string): Promise<WorkbookOverview>;
  /** The table and rules a run would rate (for the robustness analysis). */
  input(options: FileRunOptions): Promise<RatingInput>;
  rate(options: FileRunOptions): Promise<FileRun>;
  /** The last rated workbook again, with this analysis's 稳健性分析 sheet. */
  robustnessSheet(result: RobustnessResult, locale: Locale): Promise<{ written: SheetWritten; rated: Blob }>;
}

export type FileJobName = keyof FileJobs;

/** The step a run is at, for the progress label. */
export type FileStep = "read" | "rate" | "write";

export type FileRequest = { [K in FileJobName]: { id: number; job: K; args: Parameters<FileJobs[K]> } }[FileJobName];

export type FileReply =
  | { id: number; type: "progress"; step: FileStep; fraction: number }
  | { id: number; type: "done"; value: unknown }
  | { id: number; type: "failed"; message: string };

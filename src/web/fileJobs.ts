// What the offline page's worker does with the chosen files: reads them (once each), rates with the
// command line's pipeline (src/xlsx/rateWorkbook.ts) and writes the rated workbook with the same
// writer into a Blob. Kept apart from the worker's global scope so it runs in tests as it is.
import type { RobustnessResult } from "../engine/robustness";
import type { Issue, RatingResult } from "../engine/types";
import type { RatingInput, RunOutcome, WorkbookOverview } from "../host/host";
import { HOST_NOTICES } from "../host/notices";
import { workbookOverview } from "../host/sheetHost";
import type { Locale } from "../i18n/locale";
import type { SheetPlan } from "../workbook/plan/types";
import type { PreviousRating } from "../workbook/read/previous";
import { yearCycleOutcome } from "../workbook/yearCycle";
import { prepareWorkbook, rateWorkbook, readInputWorkbook, readPreviousWorkbook, withRobustness, type InputWorkbook, type RatedWorkbook, type RatingStopped } from "../xlsx/rateWorkbook";
import { writeWorkbook } from "../xlsx/write";
import { streamEncoders } from "./deflate";
import type { FileJobName, FileJobs, FileReply, FileRequest, FileStep } from "./protocol";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Bytes of the rated workbook gathered before they become a part of the Blob (which the browser may keep outside the tab's heap). */
const BLOB_PART = 8 << 20;
/** The write's progress is passed on in steps of this share, not for every row. */
const PROGRESS_STEP = 0.01;

export type Report = (step: FileStep, fraction: number) => void;

/** The jobs as the worker runs them: each with the way to report its progress. */
export type FileJobRunners = { [K in FileJobName]: (report: Report, ...args: Parameters<FileJobs[K]>) => ReturnType<FileJobs[K]> };

/** A chosen file and, once a job needed it, its reading. */
interface Chosen<T> {
  file: File;
  read?: Promise<T>;
}

/** The rated workbook's bytes as a Blob, and the result sheets' names. */
async function writeBlob(plans: SheetPlan[], input: Uint8Array, onProgress: (fraction: number) => void): Promise<{ blob: Blob; names: string[] }> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let size = 0;
  const names = await writeWorkbook(
    plans,
    input,
    {
      write(chunk) {
        pending.push(chunk);
        size += chunk.length;
        if (size < BLOB_PART) return;
        parts.push(new Blob(pending as BlobPart[]));
        pending = [];
        size = 0;
      },
    },
    { onProgress },
    streamEncoders,
  );
  parts.push(new Blob(pending as BlobPart[]));
  return { blob: new Blob(parts, { type: XLSX_MIME }), names };
}

/**
 * The result as plain data for the page: a zone's indicator detail is built on first read (a getter
 * on its prototype), which a message between threads would leave behind; the pane's zone page reads
 * every zone's.
 */
function plainResult(result: RatingResult): RatingResult {
  return { ...result, zones: result.zones.map((z) => ({ ...z, indicators: z.indicators })) };
}

function renamedNotices(plans: readonly SheetPlan[], names: readonly string[], locale: Locale): string[] {
  return plans.flatMap((p, i) => (names[i] !== undefined && names[i] !== p.name ? [HOST_NOTICES.renamed(locale, p.name, names[i])] : []));
}

function stoppedOutcome(issues: Issue[]): RunOutcome {
  return { ok: false, issues, sheetsWritten: [], notices: [] };
}

/** The overview of a workbook that could not be read: the preset's rules, and why. */
function unreadOverview(locale: Locale, presetId: string | undefined, issues: Issue[]): WorkbookOverview {
  return { ...workbookOverview({ sheets: [], grids: [] }, locale, presetId), issues };
}

/** Passes progress on in steps, so a long write does not send a message per row. */
function stepped(report: Report, step: FileStep, from: number, to: number): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (fraction < 1 && fraction - last < PROGRESS_STEP) return;
    last = fraction;
    report(step, from + (to - from) * fraction);
  };
}

export function createFileJobs(): FileJobRunners {
  let workbook: Chosen<{ input: InputWorkbook } | RatingStopped> | undefined;
  let previous: Chosen<PreviousRating> | undefined;
  // The last run that rated and its input, which the robustness sheet is written with. Its plans
  // (every cell of every result sheet) are dropped once written: withRobustness plans afresh.
  let last: { input: InputWorkbook; rated: RatedWorkbook } | undefined;

  function readWorkbook(locale: Locale): Promise<{ input: InputWorkbook } | RatingStopped> | undefined {
    if (!workbook) return undefined;
    const chosen = workbook;
    chosen.read ??= chosen.file.arrayBuffer().then((bytes) => readInputWorkbook(new Uint8Array(bytes), chosen.file.name, locale));
    return chosen.read;
  }

  function readPrevious(locale: Locale): Promise<PreviousRating> | undefined {
    if (!previous) return undefined;
    const chosen = previous;
    chosen.read ??= chosen.file.arrayBuffer().then((bytes) => readPreviousWorkbook(new Uint8Array(bytes), chosen.file.name, locale));
    return chosen.read;
  }

  /** The chosen workbook read, or why it cannot be rated. */
  async function inputOf(locale: Locale): Promise<{ input: InputWorkbook } | RatingStopped> {
    const read = readWorkbook(locale);
    if (!read) throw new Error("No workbook has been chosen.");
    return read;
  }

  return {
    async choose(_report, file) {
      workbook = { file };
      last = undefined;
    },

    async choosePrevious(_report, file) {
      previous = file ? { file } : undefined;
    },

    async overview(_report, locale, presetId) {
      const read = readWorkbook(locale);
      if (!read) return unreadOverview(locale, presetId, []);
      const book = await read;
      if (!("input" in book)) return unreadOverview(locale, presetId, book.issues);
      const { sheets, grids } = book.input.book;
      const tables = new Map(grids.map((g) => [g.sheet, (g.tables ?? []).map((t) => t.name)]));
      return workbookOverview({ grids, sheets: sheets.map((s) => ({ name: s.name, id: s.name, visible: true, ...(s.kind ? { kind: s.kind } : {}), tables: tables.get(s.name) ?? [] })) }, locale, presetId);
    },

    async input(_report, options) {
      const read = await inputOf(options.locale);
      if (!("input" in read)) return { ok: false, issues: read.issues };
      const prev = await readPrevious(options.locale);
      const prepared = await prepareWorkbook(read.input, { ...options, ...(prev ? { previous: prev } : {}) });
      const out: RatingInput = prepared.ok ? { ok: true, table: prepared.cycle.table, rules: prepared.rules, issues: prepared.issues } : { ok: false, issues: prepared.issues };
      return out;
    },

    async rate(report, options) {
      const { locale } = options;
      last = undefined;
      report("read", 0);
      const read = await inputOf(locale);
      if (!("input" in read)) return { outcome: stoppedOutcome(read.issues) };
      const prev = await readPrevious(locale);
      report("rate", 0.3);
      const rated = await rateWorkbook(read.input, { ...options, ...(prev ? { previous: prev } : {}) });
      if (!rated.ok) return { outcome: stoppedOutcome(rated.issues) };
      report("write", 0.5);
      const { blob, names } = await writeBlob(rated.plans, read.input.bytes, stepped(report, "write", 0.5, 1));
      last = { input: read.input, rated: { ...rated, plans: [] } };
      const outcome: RunOutcome = {
        ok: true,
        result: plainResult(rated.result),
        issues: rated.issues,
        sheetsWritten: names,
        notices: renamedNotices(rated.plans, names, locale),
        ...yearCycleOutcome(rated.cycle, rated.cycleEnd),
      };
      return { outcome, rated: blob };
    },

    async robustnessSheet(report, result: RobustnessResult, locale) {
      if (!last) throw new Error("Rate the workbook before adding the robustness analysis.");
      const rated = withRobustness(last.rated, result);
      const { blob, names } = await writeBlob(rated.plans, last.input.bytes, stepped(report, "write", 0, 1));
      last = { ...last, rated: { ...rated, plans: [] } };
      const at = rated.plans.findIndex((p) => p.kind === "robustness");
      const notices = renamedNotices([rated.plans[at]], [names[at]], locale);
      return { written: { sheet: names[at], notices }, rated: blob };
    },
  };
}

/** Runs one request, reporting its progress and its answer (or its failure) through `post`; never throws. */
export async function serveFileRequest(jobs: FileJobRunners, request: FileRequest, post: (reply: FileReply) => void): Promise<void> {
  const { id } = request;
  const report: Report = (step, fraction) => post({ id, type: "progress", step, fraction });
  try {
    const run = jobs[request.job] as (report: Report, ...args: unknown[]) => Promise<unknown>;
    post({ id, type: "done", value: await run(report, ...request.args) });
  } catch (error) {
    post({ id, type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}

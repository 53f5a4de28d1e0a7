// RatingHost for a workbook file in the browser (the offline page): the pane's calls become jobs of
// the page's worker (src/web/fileJobs.ts), which reads the chosen file, rates it as the command line
// does and writes the rated copy; the page keeps only the rated copy to save. Nothing is sent
// anywhere: the file goes from the browser's file dialog to the worker and back as a download.
import type { RatedFile, RatingHost, RunOptions, WorkbookFiles } from "../host/host";
import { HOST_NOTICES } from "../host/notices";
import type { Locale } from "../i18n/locale";
import type { Port } from "./blobWorker";
import type { FileJobName, FileJobs, FileReply, FileRequest, FileRunOptions, FileStep } from "./protocol";

type Progress = (step: FileStep, fraction: number) => void;

/** A live workbook's action asked of a file: the pane offers none of them where the host has files. */
function notForFiles(action: string): Promise<never> {
  return Promise.reject(new Error(`${action} needs an open workbook; the page rates a workbook file.`));
}

function stepLabel(step: FileStep, locale: Locale): string {
  if (step === "read") return HOST_NOTICES.progressRead(locale);
  return step === "rate" ? HOST_NOTICES.progressRate(locale) : HOST_NOTICES.progressWrite(locale);
}

/** The part of the pane's run options a file's run takes. */
function runOptions(options: Omit<RunOptions, "onProgress">): FileRunOptions {
  return { locale: options.locale, ...(options.presetId !== undefined ? { presetId: options.presetId } : {}), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) };
}

/** `<name>-rated.xlsx` for `<name>.xlsx`, as the command line names its output. */
export function ratedFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}-rated.xlsx`;
}

export function createFileHost(worker: Port<FileRequest, FileReply>): RatingHost {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; progress?: Progress }>();
  let nextId = 0;
  let chosen: string | undefined;
  let rated: RatedFile | undefined;

  worker.onmessage = (event) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    if (!call) return;
    if (reply.type === "progress") {
      call.progress?.(reply.step, reply.fraction);
      return;
    }
    pending.delete(reply.id);
    if (reply.type === "done") call.resolve(reply.value);
    else call.reject(new Error(reply.message));
  };
  // A worker that could not start (or died): every call waiting on it fails with what is known.
  worker.onerror = (event) => {
    const error = new Error(event.message || "the page's worker stopped");
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  function call<K extends FileJobName>(job: K, args: Parameters<FileJobs[K]>, progress?: Progress): ReturnType<FileJobs[K]> {
    const id = nextId++;
    const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject, ...(progress ? { progress } : {}) }));
    worker.postMessage({ id, job, args } as FileRequest);
    return answer as ReturnType<FileJobs[K]>;
  }

  const files: WorkbookFiles = {
    choose(file) {
      chosen = file.name;
      rated = undefined;
      void call("choose", [file]);
    },
    choosePrevious(file) {
      void call("choosePrevious", [file]);
    },
    rated: () => rated,
  };

  return {
    files,
    overview: (locale, presetId) => call("overview", [locale, presetId]),
    async run(options) {
      const { locale } = options;
      const report = options.onProgress;
      const run = await call("rate", [runOptions(options)], report && ((step, fraction) => report(fraction, stepLabel(step, locale))));
      rated = run.rated && chosen !== undefined ? { name: ratedFileName(chosen), blob: run.rated } : undefined;
      report?.(1, HOST_NOTICES.progressDone(locale));
      return run.outcome;
    },
    readInput: (options) => call("input", [runOptions(options)]),
    async writeRobustnessSheet(result, locale) {
      const done = await call("robustnessSheet", [result, locale]);
      if (chosen !== undefined) rated = { name: ratedFileName(chosen), blob: done.rated };
      return done.written;
    },
    insertRulesSheet: () => notForFiles("Inserting the rules sheet"),
    insertSampleSheet: () => notForFiles("Inserting the sample sheet"),
    removeResultSheets: () => notForFiles("Removing result sheets"),
    selectCell: () => notForFiles("Going to a cell"),
    // A file does not change under the page: there are no edits to follow.
    watchSheets: async () => undefined,
  };
}

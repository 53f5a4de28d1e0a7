// RatingHost on WPS 表格: the shared live-workbook host (src/host/sheetHost.ts) over WPS's JS object
// model (window.Application). WPS's calls are synchronous; a session is one stretch of them, and
// sessions run one after another. Each step first lets the page draw (the pane's progress) once.
import type { RatingHost } from "../host/host";
import { createSheetHost } from "../host/sheetHost";
import type { WorkbookAccess, WorkbookSession } from "../host/workbook";
import { applyPlans, removeSheets, selectCell } from "./apply";
import { watchSheets } from "./events";
import { readWorkbook, type WpsWorkbookState } from "./read";

function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

export function wpsWorkbook(app: WpsFix.Application): WorkbookAccess<WpsWorkbookState> {
  const session: WorkbookSession<WpsWorkbookState> = {
    read: async (opts) => {
      await nextTask();
      return readWorkbook(app, opts);
    },
    apply: async (state, plans, opts) => {
      await nextTask();
      return applyPlans(app, state, plans, opts);
    },
    removeSheets: async (state, sheets) => removeSheets(app, state, sheets),
    select: async (sheet, cell) => selectCell(app, sheet, cell),
  };
  // A session waits for the one before it: two of them must not interleave their reads and writes.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    session: (work) => {
      const run = queue.then(() => work(session));
      queue = run.catch(() => undefined);
      return run;
    },
    watch: async (listener) => watchSheets(app, listener),
  };
}

export function createWpsRatingHost(app: WpsFix.Application): RatingHost {
  return createSheetHost(wpsWorkbook(app));
}

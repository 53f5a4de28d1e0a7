// RatingHost on Office.js: the shared live-workbook host (src/host/sheetHost.ts) over Excel's
// object model, one Excel.run per host call, in as few requests as the data allows (four for a full
// recompute of normal size: list, sizes and cells, write, registry; five below ExcelApi 1.4, where
// the cells come after the sizes).
import type { RatingHost } from "../host/host";
import { createSheetHost } from "../host/sheetHost";
import type { WorkbookAccess, WorkbookSession } from "../host/workbook";
import { applyPlans } from "./apply";
import { capabilities, type IsSetSupported } from "./capabilities";
import { watchSheets } from "./events";
import { readWorkbook, type OfficeWorkbookState } from "./read";

export interface OfficeHostDeps {
  run: typeof Excel.run;
  /** Office.context.requirements.isSetSupported in production; the fake's answer in tests and the demo. */
  isSetSupported: IsSetSupported;
}

export function officeWorkbook(deps: OfficeHostDeps): WorkbookAccess<OfficeWorkbookState> {
  const caps = capabilities(deps.isSetSupported);
  const sessionOf = (context: Excel.RequestContext): WorkbookSession<OfficeWorkbookState> => ({
    read: (opts) => readWorkbook(context, caps, opts),
    apply: (state, plans, opts) => applyPlans(context, state, plans, { ...opts, caps }),
    async removeSheets(state, sheets) {
      const gone = new Set(sheets.map((s) => s.name));
      // Excel keeps at least one visible sheet: add an empty one before the last of them goes.
      if (!state.sheets.some((s) => !gone.has(s.name) && s.visible)) context.workbook.worksheets.add();
      for (const s of sheets) context.workbook.worksheets.getItem(s.name).delete();
      await context.sync();
    },
    async select(sheet, cell) {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    },
  });
  return {
    session: (work) => deps.run((context) => work(sessionOf(context))),
    watch: (listener) => watchSheets(deps.run, caps, listener),
  };
}

export function createOfficeRatingHost(deps: OfficeHostDeps): RatingHost {
  return createSheetHost(officeWorkbook(deps));
}

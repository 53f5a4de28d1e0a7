// The pane's per-workbook choices (recompute after edits) live in the add-in's document settings,
// Office.context.document.settings: saveAsync writes them into the workbook itself, for this add-in
// only, so they come back when that workbook is reopened, on any PC, in desktop Excel or on the web,
// and another workbook keeps its own. Unlike a cell of the add-in's registry sheet, they touch no
// sheet, so keeping one raises no change event and starts no recompute. A workbook custom XML part
// would survive as well, but needs its own part and namespace for one flag.
// https://learn.microsoft.com/javascript/api/office/office.settings

import { sessionSettings, type PaneSettings } from "../host/settings";

const AUTO_RECOMPUTE_KEY = "autoRecompute";

/** The open workbook's settings; in memory where Office lacks the Settings requirement set. */
export function documentSettings(): PaneSettings {
  // Outside an Office host (office.js opened in a plain browser) there is no context to ask.
  if (!Office.context?.requirements?.isSetSupported("Settings", "1.1") || !Office.context.document) return sessionSettings();
  const settings = Office.context.document.settings;
  return {
    remembered: true,
    autoRecompute: () => settings.get(AUTO_RECOMPUTE_KEY) === true,
    saveAutoRecompute: (on) => {
      // set() changes the in-memory copy only; saveAsync is what puts it into the workbook.
      settings.set(AUTO_RECOMPUTE_KEY, on);
      return new Promise((done, fail) =>
        settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? done() : fail(result.error))),
      );
    },
  };
}

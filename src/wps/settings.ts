// The pane's per-workbook choice (recompute after edits) in a hidden defined name of the workbook,
// beside the add-in's markers (src/wps/names.ts): it is saved inside the file, comes back when the
// workbook is reopened on any PC, and touches no sheet, so keeping it raises no SheetChange.
import type { PaneSettings } from "../host/settings";
import { readHiddenValue, writeHiddenValue } from "./names";
import { activeWorkbook } from "./active";

const AUTO_RECOMPUTE_NAME = "_ZoneRatingAutoRecompute";

export function workbookSettings(app: WpsFix.Application): PaneSettings {
  return {
    remembered: true,
    autoRecompute: () => {
      const wb = app.ActiveWorkbook;
      return wb ? readHiddenValue(wb, AUTO_RECOMPUTE_NAME) === true : false;
    },
    saveAutoRecompute: async (on) => {
      const wb = activeWorkbook(app);
      writeHiddenValue(wb, AUTO_RECOMPUTE_NAME, on, readHiddenValue(wb, AUTO_RECOMPUTE_NAME) !== undefined);
    },
  };
}

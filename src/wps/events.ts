// WPS's application events as SheetChanges: SheetChange (cells edited, by the user or by code),
// WorkbookNewSheet and SheetBeforeDelete, through Application.ApiEvent. A sheet is named by its
// name, the only lasting handle WPS gives it.
import type { SheetChange, StopWatching } from "../host/host";

export function watchSheets(app: WpsFix.Application, listener: (change: SheetChange) => void): StopWatching | undefined {
  const events = app.ApiEvent as WpsFix.ApiEvent | undefined;
  // An older WPS without ApiEvent: the pane recomputes on request only, and says so.
  if (!events) return undefined;
  let stopped = false;
  const report = (kind: SheetChange["kind"], sheet: Et.Worksheet): void => {
    if (!stopped) listener({ kind, worksheetId: sheet.Name });
  };
  const changed = (sheet: Et.Worksheet): void => report("changed", sheet);
  const added = (_workbook: Et.Workbook, sheet: Et.Worksheet): void => report("added", sheet);
  const deleted = (sheet: Et.Worksheet): void => report("deleted", sheet);
  const stop = (): void => {
    stopped = true;
    events.RemoveApiEventListener("SheetChange", changed);
    events.RemoveApiEventListener("WorkbookNewSheet", added);
    events.RemoveApiEventListener("SheetBeforeDelete", deleted);
  };
  try {
    events.AddApiEventListener("SheetChange", changed);
    events.AddApiEventListener("WorkbookNewSheet", added);
    events.AddApiEventListener("SheetBeforeDelete", deleted);
  } catch {
    stop();
    return undefined;
  }
  return async () => stop();
}

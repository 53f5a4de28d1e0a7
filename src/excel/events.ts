// Excel's worksheet events as SheetChanges. Each sheet's own onChanged is used, not the sheet list's
// (that one needs ExcelApi 1.9, which Office 2019 lacks), so a sheet added later gets its handler
// when the sheet list's onAdded reports it.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
import type { Capabilities } from "./capabilities";
import type { SheetChange, StopWatching } from "../host/host";

type Registered = OfficeExtension.EventHandlerResult<unknown>;

export async function watchSheets(run: typeof Excel.run, caps: Capabilities, listener: (change: SheetChange) => void): Promise<StopWatching | undefined> {
  if (!caps.sheetEvents) return undefined;
  let stopped = false;
  const report = (change: SheetChange): void => {
    if (!stopped) listener(change);
  };
  /** Handlers of each sheet's onChanged, by sheet id; the sheet list's two are kept apart. */
  const bySheet = new Map<string, Registered>();
  const onList: Registered[] = [];

  const onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => report({ kind: "changed", worksheetId: args.worksheetId });
  const onAdded = async (args: Excel.WorksheetAddedEventArgs): Promise<void> => {
    report({ kind: "added", worksheetId: args.worksheetId });
    if (stopped) return;
    try {
      await run(async (context) => {
        bySheet.set(args.worksheetId, context.workbook.worksheets.getItem(args.worksheetId).onChanged.add(onChanged));
        await context.sync();
      });
    } catch {
      // The sheet went again before its handler could be added: there is nothing left to watch.
      bySheet.delete(args.worksheetId);
    }
  };
  const onDeleted = async (args: Excel.WorksheetDeletedEventArgs): Promise<void> => {
    // A deleted sheet's handler no longer fires, and removing it would name a sheet that is gone.
    bySheet.delete(args.worksheetId);
    report({ kind: "deleted", worksheetId: args.worksheetId });
  };

  await run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/id");
    await context.sync();
    for (const ws of sheets.items) bySheet.set(ws.id, ws.onChanged.add(onChanged));
    onList.push(context.workbook.worksheets.onAdded.add(onAdded), context.workbook.worksheets.onDeleted.add(onDeleted));
    await context.sync();
  });

  return async () => {
    stopped = true;
    // A handler is removed through the request context that added it.
    const byContext = new Map<OfficeExtension.ClientRequestContext, Registered[]>();
    for (const handler of [...onList, ...bySheet.values()]) byContext.set(handler.context, [...(byContext.get(handler.context) ?? []), handler]);
    bySheet.clear();
    for (const [added, handlers] of byContext) {
      await run(added, async (context) => {
        for (const handler of handlers) handler.remove();
        await context.sync();
      });
    }
  };
}

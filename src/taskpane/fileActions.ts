// What the pane does with files where the host rates a workbook file (the offline page): a chosen
// workbook is rated at once, last year's rated workbook joins the next runs, and the rated copy is
// saved through the browser's download. Nothing here throws: the run reports like any other.
import type { WorkbookFiles } from "../host/host";
import { runRating, type PaneContext } from "./actions";

/** Rates the chosen workbook at once, on its own first indicator sheet. */
export function chooseWorkbook(ctx: PaneContext, files: WorkbookFiles, presetId: string, file: File): Promise<void> {
  files.choose(file);
  ctx.dispatch({ type: "fileChosen" });
  return runRating(ctx, presetId, undefined);
}

/** Takes last year's rated workbook (or drops it) and rates the chosen workbook again with it. */
export function choosePrevious(ctx: PaneContext, files: WorkbookFiles, presetId: string, sheet: string | undefined, file: File | undefined, workbookChosen: boolean): Promise<void> {
  files.choosePrevious(file);
  return workbookChosen ? runRating(ctx, presetId, sheet) : Promise.resolve();
}

/** How long the download's object URL outlives the click: the browser reads the blob after the click returns. */
const URL_LIFETIME_MS = 60_000;

/** Saves the rated workbook as `<name>-rated.xlsx` through the browser's download; false when there is none. */
export function saveRated(files: WorkbookFiles): boolean {
  const rated = files.rated();
  if (!rated) return false;
  const url = URL.createObjectURL(rated.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = rated.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  return true;
}

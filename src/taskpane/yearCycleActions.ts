// 导入上年结果 and 开始记录历年评定: read the picked file in the pane, hand last year's results to
// the host, which joins them into the workbook's 历年评定, and report the outcome. Never throws.
import type { HistoryImport } from "../host/host";
import { errorDetail, loadOverview, type PaneContext } from "./actions";

/** Last year's rated workbook from the picked file's bytes: the reader and ExcelJS load on first use only. */
async function readPreviousFile(file: File, locale: PaneContext["locale"]) {
  const [{ readKindedSheets }, { readPreviousRating }, { localizeYearCycleIssues }] = await Promise.all([import("../xlsx/sheets"), import("../workbook/read/previous"), import("../i18n/yearCycle")]);
  const previous = readPreviousRating(await readKindedSheets(await file.arrayBuffer()), file.name);
  return { ...previous, issues: localizeYearCycleIssues(previous.issues, locale) };
}

function firstError(result: HistoryImport): string | undefined {
  return result.issues.find((i) => i.severity === "error")?.message;
}

/** Runs the history's write; resolves to the years the workbook's 历年评定 holds once it is written, undefined when nothing was. */
async function writeHistory(ctx: PaneContext, presetId: string, label: string, work: () => Promise<{ result: HistoryImport; done: (r: HistoryImport) => string }>, fail: (detail: string) => string): Promise<number[] | undefined> {
  ctx.dispatch({ type: "actionStarted", label });
  let years: number[];
  try {
    const { result, done } = await work();
    const error = firstError(result);
    if (!result.ok || error !== undefined) {
      ctx.dispatch({ type: "failed", message: { intent: "error", text: fail(error ?? ctx.t("unknownError")) } });
      return undefined;
    }
    years = result.years;
    ctx.dispatch({ type: "actionFinished", message: { intent: "success", text: done(result) } });
  } catch (error) {
    ctx.dispatch({ type: "failed", message: { intent: "error", text: fail(errorDetail(error, ctx.t)) } });
    return undefined;
  }
  await loadOverview(ctx, presetId);
  return years;
}

export function importPreviousFile(ctx: PaneContext, presetId: string, file: File, runButton: string): Promise<number[] | undefined> {
  const importer = ctx.host.importPrevious?.bind(ctx.host);
  return writeHistory(
    ctx,
    presetId,
    ctx.t("prevReading", { file: file.name }),
    async () => {
      if (!importer) throw new Error(ctx.t("unknownError"));
      const previous = await readPreviousFile(file, ctx.locale);
      const result: HistoryImport = previous.issues.some((i) => i.severity === "error") ? { ok: false, years: [], issues: previous.issues } : await importer(previous, ctx.locale);
      return { result, done: (r) => ctx.t("prevImported", { year: previous.year ?? "", zones: r.zones ?? previous.rows.length, sheet: r.sheet ?? "", button: runButton }) };
    },
    (detail) => ctx.t("prevImportFailed", { file: file.name, detail }),
  );
}

export function startHistory(ctx: PaneContext, presetId: string): Promise<number[] | undefined> {
  return writeHistory(
    ctx,
    presetId,
    ctx.t("working"),
    async () => {
      if (!ctx.host.importPrevious) throw new Error(ctx.t("unknownError"));
      return { result: await ctx.host.importPrevious(undefined, ctx.locale), done: (r) => ctx.t("historyStarted", { sheet: r.sheet ?? "" }) };
    },
    (detail) => ctx.t("failedAction", { detail }),
  );
}

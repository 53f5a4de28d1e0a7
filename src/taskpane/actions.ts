// What each button does: call the host, await it, and turn every outcome (including a rejected
// Excel.run) into a message the user can act on. Nothing here is allowed to throw.
import type { RatingHost, RunOutcome } from "../host/host";
import type { PaneSettings } from "../host/settings";
import type { Locale } from "../i18n/locale";
import type { PaneEvent, PaneMessage } from "./state";
import type { StringKey, Translate } from "./strings";

export interface PaneContext {
  host: RatingHost;
  locale: Locale;
  t: Translate;
  dispatch: (event: PaneEvent) => void;
  /** Runs the add-in's own writes so that the pane does not take them for the user's edits (WorkbookFollower.own). */
  own?: <T>(work: () => Promise<T>) => Promise<T>;
}

export function ownWork<T>(ctx: PaneContext, work: () => Promise<T>): Promise<T> {
  return ctx.own ? ctx.own(work) : work();
}

/** The most useful short text of an error of any shape (Office's OfficeExtension.Error carries `message` and `code`). */
export function errorDetail(error: unknown, t: Translate): string {
  const text =
    typeof error === "string" ? error : typeof error === "object" && error !== null && "message" in error ? (error as { message: unknown }).message : undefined;
  // The detail sits mid-sentence in the templates, so its own closing full stop would double up.
  const detail = typeof text === "string" ? text.trim().replace(/[.。]+$/, "") : "";
  return detail || t("unknownError");
}

function failure(t: Translate, key: StringKey, error: unknown, params: Record<string, string | number> = {}): PaneMessage {
  return { intent: "error", text: t(key, { ...params, detail: errorDetail(error, t) }) };
}

/** Without a presetId the host takes the workbook's last one (the pane's first look). */
export async function loadOverview(ctx: PaneContext, presetId: string | undefined): Promise<void> {
  ctx.dispatch({ type: "overviewStarted" });
  try {
    const overview = await ctx.host.overview(ctx.locale, presetId);
    ctx.dispatch({ type: "overviewLoaded", overview });
  } catch (error) {
    ctx.dispatch({ type: "failed", message: { ...failure(ctx.t, "failedOverview", error), retryOverview: true } });
  }
}

/** `file`: the host rated a workbook file, whose rated copy the user saves, rather than an open workbook. */
export function runMessage(outcome: RunOutcome, t: Translate, file = false): PaneMessage {
  const errors = outcome.issues.filter((i) => i.severity === "error").length;
  const warnings = outcome.issues.length - errors;
  if (!outcome.ok) return { intent: "error", text: t(file ? "runStoppedFile" : "runStopped", { errors }) };
  const count = outcome.sheetsWritten.length;
  if (warnings > 0) return { intent: "warning", text: t(file ? "runDoneFileWithWarnings" : "runDoneWithWarnings", { count, warnings }) };
  return { intent: "success", text: t(file ? "runDoneFile" : "runDone", { count }) };
}

/** `activate` false for a recompute the user did not click: they stay on the sheet they are editing. */
export function runRating(ctx: PaneContext, presetId: string, sheet: string | undefined, activate = true): Promise<void> {
  return ownWork(ctx, () => rateAndLook(ctx, presetId, sheet, activate));
}

async function rateAndLook(ctx: PaneContext, presetId: string, sheet: string | undefined, activate: boolean): Promise<void> {
  ctx.dispatch({ type: "actionStarted", label: ctx.t("working") });
  let outcome: RunOutcome;
  try {
    outcome = await ctx.host.run({
      locale: ctx.locale,
      presetId,
      sheet,
      activate,
      onProgress: (fraction, label) => ctx.dispatch({ type: "progress", fraction, label }),
    });
  } catch (error) {
    ctx.dispatch({ type: "failed", message: failure(ctx.t, "failedRun", error) });
    return;
  }
  ctx.dispatch({ type: "runFinished", outcome, message: runMessage(outcome, ctx.t, ctx.host.files !== undefined) });
  // The rules or the sheet list may have changed (a rules sheet edited, result sheets added).
  await loadOverview(ctx, presetId);
}

/** Runs a workbook-changing action, reports its outcome, then refreshes the overview. */
function workbookAction<T>(
  ctx: PaneContext,
  presetId: string,
  work: () => Promise<T>,
  done: (value: T) => PaneMessage,
  clearOutcome = false,
): Promise<void> {
  return ownWork(ctx, async () => {
    ctx.dispatch({ type: "actionStarted", label: ctx.t("working") });
    try {
      const value = await work();
      ctx.dispatch({ type: "actionFinished", message: done(value), clearOutcome });
    } catch (error) {
      ctx.dispatch({ type: "failed", message: failure(ctx.t, "failedAction", error) });
      return;
    }
    await loadOverview(ctx, presetId);
  });
}

/** What the rating button reads: 计算 before the pane has rated, 重新计算 after; messages that send the user to it say the same. */
export function runButtonLabel(rated: boolean, t: Translate): string {
  return t(rated ? "buttonRerun" : "buttonRun");
}

export function insertRules(ctx: PaneContext, presetId: string, runButton: string): Promise<void> {
  return workbookAction(
    ctx,
    presetId,
    () => ctx.host.insertRulesSheet(presetId, ctx.locale),
    (sheet) => ({ intent: "success", text: ctx.t("rulesInserted", { sheet, button: runButton }) }),
  );
}

export function insertSample(ctx: PaneContext, presetId: string): Promise<void> {
  return workbookAction(
    ctx,
    presetId,
    () => ctx.host.insertSampleSheet(ctx.locale),
    (sheet) => ({ intent: "success", text: ctx.t("sampleInserted", { sheet }) }),
  );
}

export function removeResults(ctx: PaneContext, presetId: string): Promise<void> {
  return workbookAction(
    ctx,
    presetId,
    () => ctx.host.removeResultSheets(),
    (count) => (count > 0 ? { intent: "success", text: ctx.t("resultsRemoved", { count }) } : { intent: "info", text: ctx.t("noResultsToRemove") }),
    true,
  );
}

/** An issue link: selects the cell; a failure (sheet deleted since) is reported, not thrown. */
export async function goToCell(ctx: PaneContext, sheet: string, cell: string): Promise<void> {
  try {
    await ctx.host.selectCell(sheet, cell);
  } catch (error) {
    ctx.dispatch({ type: "failed", message: failure(ctx.t, "failedSelect", error, { sheet, cell }) });
  }
}

/** Turns recompute-after-edits on or off for this workbook; a choice the workbook would not keep still holds while the pane is open. */
export async function setAutoRecompute(ctx: PaneContext, settings: PaneSettings, on: boolean): Promise<void> {
  ctx.dispatch({ type: "autoRecomputeSet", on });
  try {
    await settings.saveAutoRecompute(on);
  } catch (error) {
    ctx.dispatch({ type: "failed", message: failure(ctx.t, "failedSaveSetting", error) });
  }
}

/**
 * Listens to the host's change events through the follower; reports whether edits can be followed
 * at all. Resolves to the way to stop listening.
 */
export async function followEdits(ctx: PaneContext, hear: Parameters<RatingHost["watchSheets"]>[0]): Promise<(() => Promise<void>) | undefined> {
  try {
    const stop = await ctx.host.watchSheets(hear);
    ctx.dispatch({ type: "watching", following: stop ? "on" : "unsupported" });
    return stop;
  } catch (error) {
    ctx.dispatch({ type: "watching", following: "failed" });
    ctx.dispatch({ type: "failed", message: failure(ctx.t, "failedWatch", error) });
    return undefined;
  }
}

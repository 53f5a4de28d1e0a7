// The ribbon's 重新计算 without the task pane: same host, same run, an outcome in one sentence.
import type { RatingHost } from "../host/host";
import type { Locale } from "../i18n/locale";
import { errorDetail } from "../taskpane/actions";
import type { Intent } from "../taskpane/state";
import { translator } from "../taskpane/strings";

export interface RibbonOutcome {
  intent: Intent;
  text: string;
}

/**
 * Rates with the workbook's rules sheet (or the preset of its last run, as chosen in the pane) and
 * reports the outcome. On input errors nothing is written, so the first error cell is selected:
 * the user lands where the fix is.
 */
export async function recalculate(host: RatingHost, locale: Locale): Promise<RibbonOutcome> {
  const t = translator(locale);
  try {
    const outcome = await host.run({ locale });
    if (outcome.ok) return { intent: "success", text: t("ribbonDone", { count: outcome.sheetsWritten.length }) };
    const errors = outcome.issues.filter((i) => i.severity === "error");
    const first = errors.find((i) => i.sheet && i.cell);
    if (first?.sheet && first.cell) await host.selectCell(first.sheet, first.cell);
    return { intent: "error", text: t("ribbonStopped", { errors: errors.length }) };
  } catch (error) {
    return { intent: "error", text: t("ribbonFailed", { detail: errorDetail(error, t) }) };
  }
}

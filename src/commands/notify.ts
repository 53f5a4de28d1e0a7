// Shows the ribbon command's outcome in a small Office dialog (notice.html), since Excel has no
// toast for function commands. Resolves when the dialog is closed or could not open, so the caller
// can then complete the command event.
import type { Locale } from "../i18n/locale";
import type { RibbonOutcome } from "./recalculate";

export function noticeUrl(baseUrl: string, outcome: RibbonOutcome, locale: Locale): string {
  const url = new URL("notice.html", baseUrl);
  url.searchParams.set("text", outcome.text);
  url.searchParams.set("intent", outcome.intent);
  url.searchParams.set("lang", locale);
  return url.toString();
}

export function showNotice(outcome: RibbonOutcome, locale: Locale): Promise<void> {
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) return Promise.resolve();
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(noticeUrl(window.location.href, outcome, locale), { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      const finish = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

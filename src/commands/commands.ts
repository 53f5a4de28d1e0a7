// The ribbon's 重新计算: recalculates without opening the pane, then shows the outcome.
import { createOfficeRatingHost } from "../excel/officeHost";
import { localeFromOfficeLanguage } from "../i18n/locale";
import { showNotice } from "./notify";
import { recalculate } from "./recalculate";

async function recalculateCommand(event: Office.AddinCommands.Event): Promise<void> {
  const locale = localeFromOfficeLanguage(Office.context.displayLanguage);
  const host = createOfficeRatingHost({
    run: Excel.run,
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
  try {
    const outcome = await recalculate(host, locale);
    await showNotice(outcome, locale);
  } finally {
    // Excel waits for this call before it takes the next command.
    event.completed();
  }
}

void Office.onReady().then(() => Office.actions.associate("recalculate", recalculateCommand));

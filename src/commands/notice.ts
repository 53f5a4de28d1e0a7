// A small dialog page that shows the ribbon command's outcome (Excel has no toast for function commands).
import { translator } from "../taskpane/strings";
import { localeFromOfficeLanguage } from "../i18n/locale";

function show(): void {
  const params = new URLSearchParams(window.location.search);
  const locale = localeFromOfficeLanguage(params.get("lang"));
  document.documentElement.lang = locale;
  const text = document.getElementById("text");
  if (text) text.textContent = params.get("text") ?? "";
  document.body.dataset.intent = params.get("intent") ?? "info";
  const close = document.getElementById("close");
  if (close instanceof HTMLButtonElement) {
    close.textContent = translator(locale)("close");
    close.addEventListener("click", () => Office.context.ui.messageParent("close"));
    close.focus();
  }
}

void Office.onReady().then(show);

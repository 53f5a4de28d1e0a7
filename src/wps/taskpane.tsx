// Entry of the task pane inside WPS 表格: the shared pane over the WPS host. The page may come from
// file:// (an offline add-in), where a worker cannot be loaded by URL: the robustness worker is
// made from its text (robustness.worker.source.js, loaded before this script).
import { localeFromOfficeLanguage } from "../i18n/locale";
import { lazyHost } from "../taskpane/lazyHost";
import { mountPane } from "../taskpane/mount";
import { sourceWorker } from "../taskpane/robustnessClient";
import { IMPORT_FRAGMENT } from "./ribbon";
import { workbookSettings } from "./settings";

declare global {
  interface Window {
    /** The robustness worker's script, as robustness.worker.source.js sets it. */
    ZR_ROBUSTNESS_WORKER?: string;
  }
}

/** Shows the pane's 导入上年结果 button once the pane draws it (the ribbon's 导入上年结果 opens the pane at IMPORT_FRAGMENT). */
function showImportButton(): void {
  if (window.location.hash !== IMPORT_FRAGMENT) return;
  let tries = 0;
  const look = window.setInterval(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="import-prev"]');
    if (button || ++tries > 150) window.clearInterval(look);
    if (!button) return;
    button.scrollIntoView({ block: "center" });
    button.focus();
  }, 100);
}

const container = document.getElementById("container");
const app = (window as { Application?: unknown }).Application as WpsFix.Application | undefined;
if (container && app) {
  const host = lazyHost(async () => (await import(/* webpackChunkName: "rating" */ "./wpsHost")).createWpsRatingHost(app));
  mountPane(container, host, navigator.language, workbookSettings(app), { createWorker: () => sourceWorker(window.ZR_ROBUSTNESS_WORKER ?? "") });
  showImportButton();
  window.addEventListener("hashchange", showImportButton);
} else if (container) {
  container.textContent = localeFromOfficeLanguage(navigator.language) === "en-US" ? "Open this add-in in WPS 表格 (WPS Spreadsheets)." : "请在 WPS 表格中使用本加载项。";
}

// What the ribbon's buttons do (ribbon.xml, wired in main.ts): each callback is synchronous, as WPS
// wants of ribbon callbacks; a button's work goes on in a promise, and its outcome is told in a
// message box. The task pane is created once and its id kept in PluginStorage, so 显示任务窗格
// shows the same pane again rather than a new one per click.
import { recalculate } from "../commands/recalculate";
import { errorDetail } from "../taskpane/actions";
import type { RatingHost } from "../host/host";
import type { Locale } from "../i18n/locale";
import { translator } from "../taskpane/strings";
import { XL } from "./constants";

/** The rating button as ribbon.xml labels it, which messages after a ribbon action name. */
const RUN_BUTTON_LABEL = "评定/重新计算";

/** PluginStorage key of the task pane's id (shared by all of the add-in's pages, lost when WPS closes). */
export const TASKPANE_ID_KEY = "zoneRating.taskpaneId";
/** The pane opened at this fragment shows its 导入上年结果 button (taskpane.tsx). */
export const IMPORT_FRAGMENT = "#import-prev";

export const BUTTONS = ["zrRecalculate", "zrShowPane", "zrInsertRules", "zrInsertSample", "zrImportPrevious", "zrRemoveResults"] as const;
export type ButtonId = (typeof BUTTONS)[number];

export interface RibbonDeps {
  app: WpsFix.Application;
  /** The add-in's folder URL (where index.html and taskpane.html are). */
  baseUrl: string;
  locale: Locale;
  /** The rating host, loaded on first use. */
  host: () => Promise<RatingHost>;
  /** Tells the user an outcome (a message box). */
  tell: (text: string) => void;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: WpsFix.RibbonControl): boolean;
  GetImage(control: WpsFix.RibbonControl): string;
  /** Settles once the work a button started has finished (tests wait on it). */
  idle(): Promise<void>;
}

export function createRibbon(deps: RibbonDeps): Ribbon {
  const { app, locale, tell } = deps;
  const t = translator(locale);
  let pending: Promise<void> = Promise.resolve();

  function showPane(fragment = ""): void {
    const url = new URL("taskpane.html", deps.baseUrl).href + fragment;
    const storage = app.PluginStorage;
    const known = storage.getItem(TASKPANE_ID_KEY);
    let pane: WPS.CustomTaskpane | undefined;
    if (known) {
      try {
        pane = app.GetTaskPane(Number(known)) ?? undefined;
      } catch {
        // The pane went with an earlier session of WPS: a new one is made below.
        pane = undefined;
      }
    }
    if (pane) {
      if (fragment) pane.Navigate(url);
    } else {
      pane = app.CreateTaskPane(url, t("appTitle"));
      pane.DockPosition = XL.dockRight as Kso.MsoCTPDockPosition;
      storage.setItem(TASKPANE_ID_KEY, pane.ID);
    }
    pane.Visible = true;
  }

  /** Runs a button's work after any earlier one, and tells its outcome or its failure. */
  function work(task: (host: RatingHost) => Promise<string>, failed: (detail: string) => string): void {
    pending = pending.then(async () => {
      let text: string;
      try {
        text = await task(await deps.host());
      } catch (error) {
        text = failed(errorDetail(error, t));
      }
      tell(text);
    });
  }

  const actions: Record<ButtonId, () => void> = {
    zrRecalculate: () => work(async (host) => (await recalculate(host, locale)).text, (detail) => t("ribbonFailed", { detail })),
    zrShowPane: () => showPane(),
    zrInsertRules: () =>
      work(
        async (host) => t("rulesInserted", { sheet: await host.insertRulesSheet((await host.overview(locale)).presetId, locale), button: RUN_BUTTON_LABEL }),
        (detail) => t("failedAction", { detail }),
      ),
    zrInsertSample: () => work(async (host) => t("sampleInserted", { sheet: await host.insertSampleSheet(locale) }), (detail) => t("failedAction", { detail })),
    zrImportPrevious: () => showPane(IMPORT_FRAGMENT),
    zrRemoveResults: () =>
      work(
        async (host) => {
          const count = await host.removeResultSheets();
          return count > 0 ? t("resultsRemoved", { count }) : t("noResultsToRemove");
        },
        (detail) => t("failedAction", { detail }),
      ),
  };

  return {
    OnAddinLoad: () => true,
    OnAction(control) {
      const action = actions[control.Id as ButtonId];
      if (!action) return false;
      try {
        action();
      } catch (error) {
        tell(t("failedAction", { detail: errorDetail(error, t) }));
      }
      return true;
    },
    GetImage: (control) => `images/${control.Id}.svg`,
    idle: () => pending,
  };
}

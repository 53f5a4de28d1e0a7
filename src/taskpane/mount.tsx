import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { RatingHost } from "../host/host";
import type { PaneSettings } from "../host/settings";
import { localeFromOfficeLanguage } from "../i18n/locale";
import { App } from "./components/App";
import type { WorkerPort } from "./robustnessClient";
import { translator } from "./strings";

export interface PaneOptions {
  /** Makes the robustness analysis's worker (default: robustness.worker.js beside the page). */
  createWorker?: () => WorkerPort;
}

/** Renders the pane for a host into the container; the language follows the host's display language. */
export function mountPane(container: HTMLElement, host: RatingHost, displayLanguage: string | undefined, settings: PaneSettings, options: PaneOptions = {}): Root {
  const locale = localeFromOfficeLanguage(displayLanguage);
  document.documentElement.lang = locale;
  document.title = translator(locale)("appTitle");
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} dir="ltr">
      <App host={host} locale={locale} settings={settings} createWorker={options.createWorker} />
    </FluentProvider>,
  );
  return root;
}

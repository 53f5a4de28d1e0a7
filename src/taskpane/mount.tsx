import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { RatingHost } from "../excel/host";
import { documentSettings, type PaneSettings } from "../excel/settings";
import { localeFromOfficeLanguage } from "../i18n/locale";
import { App } from "./components/App";
import { translator } from "./strings";

/** Renders the pane for a host into the container; the language follows Office's display language. */
export function mountPane(container: HTMLElement, host: RatingHost, displayLanguage: string | undefined, settings: PaneSettings): Root {
  const locale = localeFromOfficeLanguage(displayLanguage);
  document.documentElement.lang = locale;
  document.title = translator(locale)("appTitle");
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} dir="ltr">
      <App host={host} locale={locale} settings={settings} />
    </FluentProvider>,
  );
  return root;
}

/** Waits for Office, then mounts the pane with the host the caller builds (Office.js in Excel, the fake in the demo). */
export async function startPane(container: HTMLElement, createHost: () => RatingHost): Promise<Root> {
  await Office.onReady();
  return mountPane(container, createHost(), Office.context.displayLanguage, documentSettings());
}

import type { Root } from "react-dom/client";
import type { RatingHost } from "../host/host";
import { mountPane } from "../taskpane/mount";
import { documentSettings } from "./settings";

/** Waits for Office, then mounts the pane with the host the caller builds (Office.js in Excel, the fake in the demo). */
export async function startPane(container: HTMLElement, createHost: () => RatingHost): Promise<Root> {
  await Office.onReady();
  return mountPane(container, createHost(), Office.context.displayLanguage, documentSettings());
}

// The offline page: the task pane over the file host, the language from ?lang= or the browser's.
// The worker's code (engine, reader, writer) comes in a chunk of its own, loaded as the page
// starts, so the pane draws first.
import { sessionSettings } from "../host/settings";
import { mountPane } from "../taskpane/mount";
import type { RobustnessReply, RobustnessRequest } from "../taskpane/robustnessProtocol";
import { scriptUrl, startWorker } from "./blobWorker";
import { createFileHost } from "./fileHost";
import { ROBUSTNESS_WORKER_NAME, type FileReply, type FileRequest } from "./protocol";

const container = document.getElementById("container");
if (container) {
  const workerUrl = scriptUrl(import(/* webpackChunkName: "worker" */ "zone-rating-web-worker").then((m) => m.default));
  const host = createFileHost(startWorker<FileRequest, FileReply>(workerUrl));
  const language = new URLSearchParams(window.location.search).get("lang") ?? navigator.language;
  mountPane(container, host, language, sessionSettings(), {
    createWorker: () => startWorker<RobustnessRequest, RobustnessReply>(workerUrl, ROBUSTNESS_WORKER_NAME),
  });
}

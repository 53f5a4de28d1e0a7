// The offline page's Web Worker: reading, rating and writing the chosen workbook off the page's
// thread (src/web/fileJobs.ts), or, started under the robustness name, the robustness analysis the
// pane runs (src/taskpane/robustnessJob.ts). One script for both, which the page embeds and starts
// from a Blob URL: a page opened from disk may not start a worker from a file.
import { runRobustnessJob } from "../taskpane/robustnessJob";
import type { RobustnessReply, RobustnessRequest } from "../taskpane/robustnessProtocol";
import { createFileJobs, serveFileRequest } from "./fileJobs";
import { ROBUSTNESS_WORKER_NAME, type FileReply, type FileRequest } from "./protocol";

/** The members of a worker's global scope this entry uses (the project's types are the DOM's). */
interface WorkerScope {
  readonly name: string;
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(reply: FileReply | RobustnessReply): void;
}

const scope = self as unknown as WorkerScope;
if (scope.name === ROBUSTNESS_WORKER_NAME) {
  scope.onmessage = (event: MessageEvent<RobustnessRequest>) => runRobustnessJob(event.data, (reply) => scope.postMessage(reply));
} else {
  const jobs = createFileJobs();
  scope.onmessage = (event: MessageEvent<FileRequest>) => void serveFileRequest(jobs, event.data, (reply) => scope.postMessage(reply));
}

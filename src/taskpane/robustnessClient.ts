// The pane's side of the robustness worker: one worker per analysis, its progress passed on, its
// answer (or its failure) as a promise, and a way to stop it.
import type { RobustnessResult } from "../engine/robustness";
import { ROBUSTNESS_WORKER_FILE, type RobustnessReply, type RobustnessRequest } from "./robustnessProtocol";

/** The part of a Worker this client uses, so a test can stand in for one. */
export interface WorkerPort {
  onmessage: ((event: MessageEvent<RobustnessReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: RobustnessRequest): void;
  terminate(): void;
}

export interface RobustnessRun {
  done: Promise<{ result: RobustnessResult; elapsedMs: number }>;
  /** Stops the worker; `done` rejects with a RobustnessCancelled. */
  cancel(): void;
}

export class RobustnessCancelled extends Error {
  constructor() {
    super("The robustness analysis was stopped.");
    this.name = "RobustnessCancelled";
  }
}

/** The worker script beside the pane's page (both are built into the same folder). */
function browserWorker(): WorkerPort {
  return new Worker(new URL(ROBUSTNESS_WORKER_FILE, document.baseURI)) as unknown as WorkerPort;
}

/**
 * A worker made from its script's text through a Blob URL: what a page opened from file:// does,
 * where the browser refuses `new Worker(fileUrl)` (WPS's offline add-ins, the offline web page).
 */
export function sourceWorker(source: string): WorkerPort {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(url);
  const terminate = worker.terminate.bind(worker);
  worker.terminate = () => {
    terminate();
    URL.revokeObjectURL(url);
  };
  return worker as unknown as WorkerPort;
}

export function startRobustness(request: RobustnessRequest, onProgress: (done: number, total: number) => void, createWorker: () => WorkerPort = browserWorker): RobustnessRun {
  const worker = createWorker();
  let settle: { resolve: (value: { result: RobustnessResult; elapsedMs: number }) => void; reject: (error: Error) => void } | undefined;
  const done = new Promise<{ result: RobustnessResult; elapsedMs: number }>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (outcome: { result: RobustnessResult; elapsedMs: number } | Error): void => {
    if (!settle) return;
    const { resolve, reject } = settle;
    settle = undefined;
    worker.terminate();
    if (outcome instanceof Error) reject(outcome);
    else resolve(outcome);
  };
  worker.onmessage = (event) => {
    const reply = event.data;
    if (reply.type === "progress") onProgress(reply.done, reply.total);
    else if (reply.type === "done") finish({ result: reply.result, elapsedMs: reply.elapsedMs });
    else finish(new Error(reply.message));
  };
  // A script that failed to load or threw outside the job: the event's message is all there is.
  worker.onerror = (event) => finish(new Error(event.message || "the analysis could not start"));
  worker.postMessage(request);
  return { done, cancel: () => finish(new RobustnessCancelled()) };
}

// A Web Worker started from code the page already holds, through a Blob URL: Chromium refuses
// `new Worker(url)` for a file: URL, so a page opened from disk cannot start its worker from a file
// beside it. The code arrives in a chunk loaded on demand; until it has, the port keeps the
// messages it is given and passes them on once the worker runs.

/** The part of a Worker a caller uses (the shape of the pane's WorkerPort). */
export interface Port<In, Out> {
  onmessage: ((event: MessageEvent<Out>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: In): void;
  terminate(): void;
}

/** The worker's script as a Blob URL, made once from its source text. */
export function scriptUrl(source: Promise<string>): Promise<string> {
  return source.then((code) => URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
}

/** A worker of the script at `url` (a Blob URL), usable at once; a script that cannot start is reported through onerror. */
export function startWorker<In, Out>(url: Promise<string>, name?: string): Port<In, Out> {
  let worker: Worker | undefined;
  let waiting: In[] = [];
  let stopped = false;
  const port: Port<In, Out> = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (worker) worker.postMessage(message);
      else waiting.push(message);
    },
    terminate() {
      stopped = true;
      worker?.terminate();
    },
  };
  const fail = (error: unknown) => port.onerror?.(new ErrorEvent("error", { message: error instanceof Error ? error.message : String(error) }));
  url.then((href) => {
    if (stopped) return;
    try {
      worker = new Worker(href, name === undefined ? undefined : { name });
    } catch (error) {
      fail(error);
      return;
    }
    worker.onmessage = (event: MessageEvent<Out>) => port.onmessage?.(event);
    worker.onerror = (event) => port.onerror?.(event);
    for (const message of waiting) worker.postMessage(message);
    waiting = [];
  }, fail);
  return port;
}

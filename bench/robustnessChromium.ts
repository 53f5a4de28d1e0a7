// The robustness bench's Chromium half: the worker bundle the pane ships (webpack entry
// robustness.worker), built in production mode and run in headless Chromium the way the pane runs it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, launchChromium, serve } from "../test/e2e/harness";
import { ROBUSTNESS_WORKER_FILE, type RobustnessReply, type RobustnessRequest } from "../src/taskpane/robustnessProtocol";

/**
 * Milliseconds each request took inside the worker (the job's own clock, as the pane reports it),
 * in order. One page and a fresh worker per request, as the pane starts one per analysis.
 */
export async function chromiumWorkerMs(requests: readonly RobustnessRequest[]): Promise<number[]> {
  const out = mkdtempSync(join(tmpdir(), "robustness-bench-"));
  try {
    await build(out, true);
    const server = await serve(out);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // An empty page of the same origin: the worker script must come from the page's origin.
      const blank = `${server.url}robustness-bench.html`;
      await page.route(blank, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>robustness bench</title>" }));
      await page.goto(blank);
      const times: number[] = [];
      for (const request of requests) {
        times.push(
          await page.evaluate(
            ({ file, request }) =>
              new Promise<number>((resolve, reject) => {
                const worker = new Worker(file);
                worker.onmessage = (event: MessageEvent<RobustnessReply>) => {
                  const reply = event.data;
                  if (reply.type === "progress") return;
                  worker.terminate();
                  if (reply.type === "done") resolve(reply.elapsedMs);
                  else reject(new Error(reply.message));
                };
                worker.onerror = (event) => reject(new Error(event.message));
                worker.postMessage(request);
              }),
            { file: ROBUSTNESS_WORKER_FILE, request },
          ),
        );
      }
      return times;
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

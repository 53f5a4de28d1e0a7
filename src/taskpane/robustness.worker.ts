// Web Worker entry: the robustness analysis off Excel's (and the pane's) thread, so thousands of
// draws never freeze the workbook. One request in, progress messages and one answer out.
import { runRobustnessJob } from "./robustnessJob";
import type { RobustnessReply, RobustnessRequest } from "./robustnessProtocol";

/** The members of a worker's global scope this entry uses (the project's types are the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<RobustnessRequest>) => void) | null;
  postMessage(reply: RobustnessReply): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => runRobustnessJob(event.data, (reply) => scope.postMessage(reply));

// Runs the rate CLI as a child process, the way a user does.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const REPO = resolve(__dirname, "../..");
const MAIN = resolve(REPO, "src/cli/main.ts");
/** tsx's loader by absolute URL, so the child also runs from a temp directory. */
const TSX = pathToFileURL(require.resolve("tsx")).href;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string = REPO): CliRun {
  const child = spawnSync(process.execPath, ["--import", TSX, MAIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Starts the CLI as a child process and hands it back, for a test that signals it while it runs. */
export function startCli(args: readonly string[], cwd: string = REPO): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["--import", TSX, MAIN, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: "" } });
}

/** The same as runCli, without blocking, so many runs can go at once. */
export function runCliAsync(args: readonly string[], cwd: string = REPO): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = startCli(args, cwd);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolvePromise({ status, stdout, stderr }));
  });
}

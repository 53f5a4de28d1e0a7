// Runs the rate CLI as a child process, the way a user does.
import { spawnSync } from "node:child_process";
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

// The command line as `npm run rate` runs it (its bundle) on every crafted input of
// test/xlsx/crafted.ts (zip bombs in each part the reader parses, tens of thousands of zip entries,
// cells scattered over the whole sheet, a table of 1,048,575 zones, a rules file nested a million
// arrays deep), each run in a fresh process: its wall time, CPU time and peak resident set until
// it answers, against the goal of a clear answer in under 10 s and 500 MB. Every run must end with
// exit 2 and the expected issue.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CRAFTED } from "../test/xlsx/crafted";
import { report } from "./measure";
import { buildCliIfStale, runCliMeasured } from "./support/cliRun";

async function main(): Promise<void> {
  buildCliIfStale();
  const root = mkdtempSync(join(tmpdir(), "hostile-bench-"));
  try {
    for (const input of CRAFTED) {
      const dir = join(root, String(CRAFTED.indexOf(input)));
      mkdirSync(dir);
      const args = await input.make(dir);
      const run = runCliMeasured([...args, "--json", join(dir, "result.json"), "--out", join(dir, "rated.xlsx")], dir);
      const codes = run.status === 2 ? (JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { issues: Array<{ code: string }> }).issues.map((i) => i.code) : [];
      if (run.status !== 2 || codes.join() !== input.expected.code) throw new Error(`${input.name}: exit ${run.status}, ${codes.join() || run.stderr}`);
      report({ name: `${input.name}: answer`, value: run.ms / 1000, unit: "s", target: 10 });
      report({ name: `${input.name}: CPU time`, value: run.cpuMs / 1000, unit: "s" });
      report({ name: `${input.name}: peak RSS`, value: run.peakMiB, unit: "MiB", target: 500 });
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();

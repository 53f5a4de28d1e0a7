// Ctrl-C (SIGINT) or SIGTERM while the CLI writes its outputs: the run ends as interrupted (exit
// 128 + the signal's number), no temporary file is left beside the targets, and the files an
// earlier run wrote there are as they were.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLargeTable } from "../corpus/large";
import { startCli } from "./run";

/** Zones enough that writing the rated workbook takes a good part of a second or more. */
const ZONES = 40_000;

describe("a signal while the CLI writes", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rate-interrupt-"));
    input = join(dir, "zones.xlsx");
    await writeLargeTable(input, ZONES);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s: exit %i, the earlier outputs unchanged, no temporary file", async (signal, code) => {
    const folder = join(dir, signal);
    const out = join(folder, "rated.xlsx");
    const json = join(folder, "result.json");
    mkdirSync(folder);
    writeFileSync(out, "earlier workbook");
    writeFileSync(json, "earlier json");
    const child = startCli([input, "--out", out, "--json", json, "--lang", "en-US"]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // The signal goes as soon as a temporary output appears beside the targets: the write is under way.
    const sent = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(folder).some((f) => f.endsWith(".tmp"))) {
          clearInterval(poll);
          resolve(child.kill(signal));
        }
      }, 10);
      child.on("exit", () => {
        clearInterval(poll);
        resolve(false);
      });
    });
    const status = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", (c) => resolve(c))));
    expect(sent).toBe(true);
    expect(status).toBe(code);
    // A run this big says on stderr what it is doing (src/cli/bigRuns.ts) until it is stopped.
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Read 40,000 zones \(\d+\.\d s\); rating…$/),
      expect.stringMatching(/^Rated \(\d+\.\d s\); writing the results…$/),
      "Interrupted: no result was written; existing files were left as they were.",
    ]);
    expect(readdirSync(folder).sort()).toEqual(["rated.xlsx", "result.json"]);
    expect(readFileSync(out, "utf8")).toBe("earlier workbook");
    expect(readFileSync(json, "utf8")).toBe("earlier json");
  }, 120_000);
});

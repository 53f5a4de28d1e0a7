import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, copyFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Issue } from "../../src/engine/types";
import { readXlsxGrids } from "../../src/xlsx/read";
import { hasErrors, prepareRun } from "../../src/workbook/read/prepare";
import { runCliAsync, type CliRun } from "../cli/run";
import { CASES } from "./cases";
import { writeCorpus } from "./generate";

const dir = mkdtempSync(join(tmpdir(), "corpus-"));
let files: string[] = [];

interface CliOutcome {
  work: string;
  input: string;
  run: CliRun;
}

/** CLI runs of the error cases, by case index, started together to keep the suite short. */
const cliRuns = new Map<number, CliOutcome>();

async function runErrorCases(): Promise<void> {
  const pending = CASES.map((c, i) => ({ c, i })).filter(({ c }) => c.errors);
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const work = mkdtempSync(join(tmpdir(), "corpus-cli-"));
      const input = join(work, basename(files[next.i]));
      copyFileSync(files[next.i], input);
      mkdirSync(join(work, "json"));
      cliRuns.set(next.i, { work, input, run: await runCliAsync([input, "--json", "json/result.json"], work) });
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, Math.min(8, availableParallelism())) }, worker));
}

beforeAll(async () => {
  files = await writeCorpus(dir);
  await runErrorCases();
}, 300_000);

function codes(issues: readonly Pick<Issue, "code" | "cell">[]): string[] {
  return issues.map((i) => `${i.code}@${i.cell ?? "-"}`);
}

describe("corpus of bad and awkward workbooks", () => {
  it("has at least 40 workbooks covering every reader error and warning", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(CASES.flatMap((c) => c.issues.map((i) => i.split("@")[0])));
    for (const code of ["NO_HEADER", "MISSING_COLUMN_REQUIRED", "NO_DATA_ROWS", "DUPLICATE_ZONE", "REQUIRED_BLANK", "NOT_A_NUMBER", "EXCEL_ERROR", "NEGATIVE_VALUE", "PERCENT_OUT_OF_RANGE", "BAD_STAR_LEVEL", "BAD_PREV_RANK", "UNKNOWN_UNIT", "TOTALS_ROW_SKIPPED", "BLANK_ROW_SKIPPED", "TOO_MANY_ERRORS"]) {
      expect(covered.has(code) ? code : `${code} not covered`).toBe(code);
    }
  });

  describe.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_name, index) => {
    const c = CASES[index];

    it(`reads with exactly the expected issues${c.errors ? "" : " and zones"}`, async () => {
      const grids = await readXlsxGrids(files[index]);
      const prepared = prepareRun(grids, { locale: "zh-CN" });
      expect(codes(prepared.issues)).toEqual(c.issues);
      expect(prepared.issues.every((i) => typeof i.message === "string" && i.message.length > 0)).toBe(true);
      expect(hasErrors(prepared.issues)).toBe(c.errors);
      if (c.errors) {
        expect(prepared.table === undefined || prepared.rules === undefined).toBe(true);
        return;
      }
      expect(prepared.table?.zones).toHaveLength(c.zoneCount ?? 0);
      for (const [zi, key, expected] of c.values ?? []) {
        const zone = prepared.table?.zones[zi];
        if (key === "zone") expect(zone?.zone).toBe(expected);
        else expect(zone?.values[key as keyof typeof zone.values]).toBeCloseTo(expected as number, 9);
      }
    });

    if (c.errors) {
      it("makes the CLI exit 2, writing only the JSON with the issues and no zones", () => {
        const outcome = cliRuns.get(index);
        if (!outcome) throw new Error("the CLI was not run for this case");
        const { work, input, run } = outcome;
        expect(run.stderr).toBe("");
        expect(run.status).toBe(2);
        const json = JSON.parse(readFileSync(join(work, "json/result.json"), "utf8")) as { zones: unknown[]; zoneCount: number; issues: Issue[] };
        expect(json.zones).toEqual([]);
        expect(json.zoneCount).toBe(0);
        expect(codes(json.issues.map((i) => ({ code: i.code, cell: i.cell ?? undefined })))).toEqual(c.issues);
        expect(readdirSync(work).sort()).toEqual([basename(input), "json"]);
        expect(existsSync(join(work, "out"))).toBe(false);
      });
    }
  });
});

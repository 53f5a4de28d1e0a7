// `npm run rate`: reads an .xlsx (default: the bundled sample), rates it and prints a summary;
// with --json writes the result of SPEC §6. Exit 0 done, 2 input errors, 1 anything else.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { getPreset, rate } from "../engine";
import type { Issue, Rules } from "../engine/types";
import { localizeIssues } from "../i18n/issues";
import { readXlsxGrids } from "../xlsx/read";
import { writeResultXlsx } from "../xlsx/write";
import { buildResultPlans } from "../workbook/plan/results";
import { hasErrors, prepareRun } from "../workbook/read/prepare";
import { parseArgs, USAGE, type CliArgs } from "./args";
import { failureJson, resultJson, type JsonResult } from "./json";
import { issueLines, summaryLines } from "./summary";

export const SAMPLE_WORKBOOK = resolve(__dirname, "../../samples/henan-zones-sample.xlsx");

/** A failure that is not the user's input data: bad arguments, an unreadable file. */
class UsageError extends Error {}

function loadRulesOption(value: string | undefined): { presetId?: string; rules?: Rules } {
  if (value === undefined) return {};
  if (getPreset(value)) return { presetId: value };
  if (!existsSync(value)) throw new UsageError(`--rules "${value}" is neither a preset (henan-2013, henan-2017, service-zones-2016) nor an existing rules .json file.`);
  try {
    return { rules: JSON.parse(readFileSync(value, "utf8")) as Rules };
  } catch (e) {
    throw new UsageError(`Cannot read the rules file "${value}": ${(e as Error).message}`);
  }
}

function writeJson(path: string | undefined, json: JsonResult): void {
  if (path === undefined) return;
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, JSON.stringify(json, null, 2) + "\n", "utf8");
}

async function run(args: CliArgs, out: (line: string) => void): Promise<number> {
  const input = args.input ?? SAMPLE_WORKBOOK;
  const rulesOption = loadRulesOption(args.rules);
  if (!existsSync(input)) throw new UsageError(`Input workbook not found: ${input}`);
  const outPath = resolve(args.out ?? `out/${basename(input, extname(input))}-rated.xlsx`);
  // The rated workbook is the input rewritten by ExcelJS, which drops what it cannot model (charts, pivots, …): never over the user's file.
  if (outPath === resolve(input)) throw new UsageError(`--out must not be the input workbook (${input}): the user's workbook is never overwritten. Choose another file.`);
  let grids;
  try {
    grids = await readXlsxGrids(input);
  } catch (e) {
    throw new UsageError(`Cannot read "${input}" as an .xlsx workbook: ${(e as Error).message}`);
  }
  const prepared = prepareRun(grids, { sheet: args.sheet, locale: args.locale, ...rulesOption });
  if (hasErrors(prepared.issues) || !prepared.table || !prepared.rules) {
    writeJson(args.json, failureJson(prepared.rules?.id ?? null, prepared.table?.year ?? null, prepared.rules?.awards.map((a) => a.key) ?? [], prepared.issues));
    for (const line of issueLines(prepared.issues, args.locale)) out(line);
    return 2;
  }
  const result = rate(prepared.table, prepared.rules);
  const issues: Issue[] = [...prepared.issues, ...localizeIssues(result.issues, args.locale)];
  mkdirSync(dirname(outPath), { recursive: true });
  await writeResultXlsx(buildResultPlans(result, issues, args.locale), { inputPath: input, outPath });
  writeJson(args.json, resultJson(result, issues));
  for (const line of summaryLines(result, prepared.sheet ?? "", prepared.rulesSource, issues, args.locale)) out(line);
  out(args.locale === "zh-CN" ? `结果工作簿: ${outPath}` : `Rated workbook: ${outPath}`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.args) {
    process.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  if (parsed.args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await run(parsed.args, (line) => process.stdout.write(`${line}\n`));
  } catch (e) {
    process.stderr.write(e instanceof UsageError ? `${e.message}\n` : `Unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

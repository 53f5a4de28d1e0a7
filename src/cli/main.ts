// `npm run rate`: reads an .xlsx (default: the bundled sample), rates it and prints a summary;
// with --json writes the result of SPEC §6. Exit 0 done, 2 input errors, 1 anything else.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { PRESET_IDS, analyseRobustness, getPreset, rate } from "../engine";
import type { Issue, Rules } from "../engine/types";
import type { Locale } from "../i18n/locale";
import { localizeIssues } from "../i18n/issues";
import { readXlsxWorkbook } from "../xlsx/read";
import { takenSheetNames, writeResultXlsx } from "../xlsx/write";
import { buildResultPlans, buildValidationPlan } from "../workbook/plan/results";
import { buildRobustnessPlan } from "../workbook/plan/robustness";
import { hasErrors, prepareRun } from "../workbook/read/prepare";
import { parseArgs, USAGE, type CliArgs } from "./args";
import { failureJson, resultJson, type JsonResult } from "./json";
import { largestTableLine, MAX_ZONES, Progress } from "./bigRuns";
import { CliError, fileErrorMessage, inputNotFound, rulesNeitherPresetNorFile, type FileRef, type OutputRef } from "./messages";
import { writeAllOrNothing, OutputWriteError, type Output } from "./outputs";
import { checkDistinct, checkTarget } from "./paths";
import { readRulesFile } from "./rulesFile";
import { readWorkbookBytes } from "./sniff";
import { issueLines, renamedSheetsLine, robustnessLines, summaryLines } from "./summary";
import { addYearCycleJson, startCliYearCycle, yearCycleLines } from "./yearCycle";
import { finishYearCycle } from "../workbook/yearCycle";

export const SAMPLE_WORKBOOK = resolve(__dirname, "../../samples/henan-zones-sample.xlsx");

/** Reads a file the run takes in; an operating-system error becomes the user's one sentence. */
function readSource(ref: FileRef, locale: Locale): Buffer {
  try {
    return readFileSync(ref.path);
  } catch (e) {
    const message = fileErrorMessage(e, ref, "read", locale);
    if (message === undefined) throw e;
    throw new CliError(message);
  }
}

/** The preset named, or the rules file's rules, or the issue that says why the file cannot be read. */
function loadRules(value: string | undefined, rulesFile: FileRef | undefined, locale: Locale): { presetId?: string; rules?: Rules; issue?: Issue } {
  if (value === undefined) return {};
  if (rulesFile === undefined) return { presetId: value };
  return readRulesFile(rulesFile.path, () => readSource(rulesFile, locale));
}

function jsonOutput(ref: OutputRef, json: JsonResult): Output {
  return { ref, write: (tempPath, fs) => fs.writeFile(tempPath, JSON.stringify(json, null, 2) + "\n") };
}

/** Writes the outputs all or none; a failure the user can act on becomes their one sentence. */
async function writeOutputs(outputs: readonly Output[], locale: Locale): Promise<void> {
  try {
    await writeAllOrNothing(outputs);
  } catch (e) {
    if (!(e instanceof OutputWriteError)) throw e;
    const message = fileErrorMessage(e.cause, e.ref, "write", locale);
    if (message === undefined) throw e.cause;
    throw new CliError(message);
  }
}

interface Stop {
  issues: Issue[];
  rules?: Rules;
  year?: number;
}

/** Ends a run stopped by its input: the issues printed, and in the JSON when asked for; no workbook. */
async function stopOnInput(stop: Stop, json: OutputRef | undefined, locale: Locale, out: (line: string) => void): Promise<number> {
  for (const line of issueLines(stop.issues, locale)) out(line);
  if (json) await writeOutputs([jsonOutput(json, failureJson(stop.rules?.id ?? null, stop.year ?? null, stop.rules?.awards.map((a) => a.key) ?? [], stop.issues))], locale);
  return 2;
}

async function run(args: CliArgs, out: (line: string) => void): Promise<number> {
  const locale = args.locale;
  const input: FileRef = { role: "input", path: args.input ?? SAMPLE_WORKBOOK };
  if (!existsSync(input.path)) throw new CliError(inputNotFound(input.path, locale));
  const rulesFile: FileRef | undefined = args.rules !== undefined && !getPreset(args.rules) ? { role: "rules", path: args.rules } : undefined;
  if (rulesFile && !existsSync(rulesFile.path)) throw new CliError(rulesNeitherPresetNorFile(rulesFile.path, PRESET_IDS, locale));
  const workbookOut: OutputRef = { role: "out", path: args.out ?? join("out", `${basename(input.path, extname(input.path))}-rated.xlsx`) };
  const jsonOut: OutputRef | undefined = args.json !== undefined ? { role: "json", path: args.json } : undefined;
  const targets = jsonOut ? [workbookOut, jsonOut] : [workbookOut];
  // The rated workbook is the input rewritten by ExcelJS, which drops what it cannot model (charts, pivots, …): never over the user's file.
  // Last year's workbook is read like the input, and no output may go over it either.
  const prevFile: FileRef | undefined = args.prev !== undefined ? { role: "input", path: args.prev } : undefined;
  checkDistinct([input, rulesFile, prevFile].filter((ref) => ref !== undefined), targets, locale);
  for (const target of targets) checkTarget(target, locale);

  const { issue: rulesIssue, ...rulesOption } = loadRules(args.rules, rulesFile, locale);
  if (rulesIssue) return stopOnInput({ issues: localizeIssues([rulesIssue], locale) }, jsonOut, locale, out);
  const progress = new Progress(locale);
  const inputBytes = readSource(input, locale);
  progress.reading(input.path, inputBytes.length);
  const read = await readWorkbookBytes(inputBytes, input.path, (bytes) => readXlsxWorkbook(bytes, { limits: { tableRows: MAX_ZONES } }), locale);
  if ("issues" in read) return stopOnInput({ issues: read.issues }, jsonOut, locale, out);
  const book = read.workbook;
  const grids = book.grids;
  const prepared = prepareRun(grids, { sheet: args.sheet, locale, ...rulesOption });
  // Cells the reader left out (far from the data) are reported with the input's other problems.
  prepared.issues.unshift(...localizeIssues(book.issues, locale));
  if (prepared.table && prepared.table.zones.length > MAX_ZONES) {
    prepared.issues.push(...localizeIssues([{ severity: "error", code: "TABLE_TOO_LARGE", sheet: prepared.sheet, params: { sheet: prepared.sheet ?? "", limit: MAX_ZONES } }], locale));
  }
  if (hasErrors(prepared.issues) || !prepared.table || !prepared.rules) {
    return stopOnInput({ issues: prepared.issues, rules: prepared.rules, year: prepared.table?.year }, jsonOut, locale, out);
  }
  const cycle = await startCliYearCycle(prepared.table, { bytes: inputBytes, grids, sheets: book.sheets }, { prev: args.prev, history: args.history === true, locale });
  if (hasErrors(cycle.issues)) return stopOnInput({ issues: [...prepared.issues, ...cycle.issues], rules: prepared.rules, year: prepared.table.year }, jsonOut, locale, out);
  progress.rating(cycle.table.zones.length);
  const result = rate(cycle.table, prepared.rules);
  const cycleEnd = finishYearCycle(cycle, result, locale);
  const issues: Issue[] = [...prepared.issues, ...cycle.issues, ...localizeIssues(result.issues, locale), ...cycleEnd.issues];
  const plans = [...buildResultPlans(result, issues, locale), ...cycleEnd.plans];
  const robustness = args.robustness ? analyseRobustness(cycle.table, prepared.rules, args.robustness) : undefined;
  if (robustness) plans.push(buildRobustnessPlan(robustness, locale));
  // A result sheet that must take another name because a user's sheet holds its own is said in 校验报告 too.
  const taken = takenSheetNames(plans, book.sheets);
  if (taken.length > 0) {
    issues.push(...localizeIssues(taken.map((t) => ({ severity: "warning" as const, code: "SHEET_NAME_TAKEN", params: { wanted: t.wanted, name: t.name } })), locale));
    plans[plans.findIndex((p) => p.kind === "validation")] = buildValidationPlan(result, issues, locale);
  }
  progress.writing();
  let sheetNames: string[] = [];
  const workbook: Output = {
    ref: workbookOut,
    write: async (tempPath) => {
      sheetNames = await writeResultXlsx(plans, { input: inputBytes, outPath: tempPath });
    },
  };
  await writeOutputs(jsonOut ? [workbook, jsonOutput(jsonOut, addYearCycleJson(resultJson(result, issues, robustness), cycle, cycleEnd))] : [workbook], locale);
  progress.done();
  for (const line of summaryLines(result, prepared.sheet ?? "", prepared.rulesSource, issues, locale)) out(line);
  if (robustness) for (const line of robustnessLines(robustness, locale)) out(line);
  for (const line of yearCycleLines(cycle, cycleEnd, locale)) out(line);
  const renamed = renamedSheetsLine(plans.map((p) => p.name), sheetNames, locale);
  if (renamed !== undefined) out(renamed);
  out(locale === "zh-CN" ? `结果工作簿: ${resolve(workbookOut.path)}` : `Rated workbook: ${resolve(workbookOut.path)}`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.args) {
    process.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  if (parsed.args.help) {
    process.stdout.write(`${USAGE}\n${largestTableLine(parsed.args.locale)}\n`);
    return 0;
  }
  try {
    return await run(parsed.args, (line) => process.stdout.write(`${line}\n`));
  } catch (e) {
    process.stderr.write(e instanceof CliError ? `${e.message}\n` : `Unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

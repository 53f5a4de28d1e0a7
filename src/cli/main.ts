// `npm run rate`: reads an .xlsx (default: the bundled sample), rates it and prints a summary;
// with --json writes the result of SPEC §6. Exit 0 done, 2 input errors, 1 anything else.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { PRESET_IDS, getPreset } from "../engine";
import type { Issue, Rules } from "../engine/types";
import { localizeIssues } from "../i18n/issues";
import type { Locale } from "../i18n/locale";
import type { SheetKind, SheetPlan } from "../workbook/plan/types";
import { rateInput, readInputWorkbook, withRobustness, type RateWorkbookOptions, type RatedWorkbook, type RatingStopped } from "../xlsx/rateWorkbook";
import { measured } from "../xlsx/timeline";
import { writeResultXlsx } from "../xlsx/writeFile";
import { parseArgs, USAGE, type CliArgs } from "./args";
import { largestTableLine, MAX_ZONES, Progress } from "./bigRuns";
import { failureJson, resultJson, type JsonResult } from "./json";
import { prettyJson } from "./prettyJson";
import { CliError, fileErrorMessage, inputNotFound, interrupted, rulesNeitherPresetNorFile, type FileRef, type OutputRef } from "./messages";
import { Interrupted, writeAllOrNothing, OutputWriteError, type Output, type OutputFs } from "./outputs";
import { checkDistinct, checkTarget } from "./paths";
import { readRulesFile } from "./rulesFile";
import { allIssuesAt, issueLines, renamedSheetsLine, robustnessLines, summaryLines } from "./summary";
import { addYearCycleJson, readPrevious, yearCycleLines } from "./yearCycle";

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

function* jsonText(json: JsonResult): Generator<string, void, undefined> {
  yield* prettyJson(json);
  yield "\n";
}

/** The JSON as an output, built when it is written: after the workbook, whose plans are gone by then. */
function jsonOutput(ref: OutputRef, build: () => JsonResult): Output {
  return {
    ref,
    write: (tempPath, fs) => {
      const json = measured("build the JSON", build);
      return measured("write the JSON", () => fs.writeFile(tempPath, jsonText(json)));
    },
  };
}

/**
 * The rated workbook as an output, with the names its sheets were meant to have and, once written,
 * got. It lets the plans go as it writes them, so the JSON after it is written with their memory free.
 */
function workbookOutput(ref: OutputRef, plans: SheetPlan[], input: Uint8Array): { output: Output; planNames: string[]; planKinds: SheetKind[]; sheetNames: string[] } {
  let pending: SheetPlan[] | undefined = plans;
  const out = {
    planNames: plans.map((p) => p.name),
    planKinds: plans.map((p) => p.kind),
    sheetNames: [] as string[],
    output: {
      ref,
      write: async (tempPath: string, _fs: OutputFs, signal: AbortSignal) => {
        const written = pending ?? [];
        pending = undefined;
        out.sheetNames = await writeResultXlsx(written, { input, outPath: tempPath, signal });
      },
    },
  };
  return out;
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

/** Ends a run stopped by its input: the issues printed, and in the JSON when asked for; no workbook. */
async function stopOnInput(stop: RatingStopped, json: OutputRef | undefined, locale: Locale, out: (line: string) => void): Promise<number> {
  for (const line of issueLines(stop.issues, locale, allIssuesAt(undefined, json?.path, locale))) out(line);
  if (json) await writeOutputs([jsonOutput(json, () => failureJson(stop.rules?.id ?? null, stop.year ?? null, stop.rules?.awards.map((a) => a.key) ?? [], stop.issues))], locale);
  return 2;
}

/**
 * Reads the input and rates it (last year's workbook read once the input is known good); a table of
 * more than MAX_ZONES zones stops the read. The input's grids are out of reach once this returns,
 * so the sheets are planned in the memory they held.
 */
async function readAndRate(bytes: Uint8Array, path: string, locale: Locale, options: () => Promise<RateWorkbookOptions>): Promise<RatedWorkbook | RatingStopped> {
  const read = await measured("read the input", () => readInputWorkbook(bytes, path, locale, MAX_ZONES));
  return "input" in read ? rateInput(read.input, await options()) : read;
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
  // The rated workbook is written beside the input, never over it: a run must not cost the user their file.
  // Last year's workbook is read like the input, and no output may go over it either.
  const prevFile: FileRef | undefined = args.prev !== undefined ? { role: "input", path: args.prev } : undefined;
  checkDistinct([input, rulesFile, prevFile].filter((ref) => ref !== undefined), targets, locale);
  for (const target of targets) checkTarget(target, locale);

  const { issue: rulesIssue, ...rulesOption } = loadRules(args.rules, rulesFile, locale);
  if (rulesIssue) return stopOnInput({ ok: false, issues: localizeIssues([rulesIssue], locale) }, jsonOut, locale, out);
  const progress = new Progress(locale);
  const inputBytes = readSource(input, locale);
  progress.reading(input.path, inputBytes.length);
  const unplanned = await readAndRate(inputBytes, input.path, locale, async () => {
    const previous = args.prev === undefined ? undefined : await readPrevious(args.prev, locale);
    return {
      locale,
      ...rulesOption,
      ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
      ...(previous ? { previous } : {}),
      history: args.history === true,
      ...(args.robustness ? { robustness: args.robustness } : {}),
      onRating: (zones) => progress.rating(zones),
    };
  });
  if (!unplanned.ok) return stopOnInput(unplanned, jsonOut, locale, out);
  const rated = withRobustness(unplanned, unplanned.robustness);
  const { result, issues, robustness, cycle, cycleEnd } = rated;
  // The plans move out of the run's result (splice empties it), so the writer holds the only reference.
  const workbook = workbookOutput(workbookOut, rated.plans.splice(0), inputBytes);
  progress.writing();
  const json = jsonOut && jsonOutput(jsonOut, () => addYearCycleJson(resultJson(result, issues, robustness), cycle, cycleEnd));
  await writeOutputs(json ? [workbook.output, json] : [workbook.output], locale);
  progress.done();
  const validationSheet = workbook.sheetNames[workbook.planKinds.indexOf("validation")];
  for (const line of summaryLines(result, rated.sheet, rated.rulesSource, issues, locale, allIssuesAt(validationSheet, jsonOut?.path, locale))) out(line);
  if (robustness) for (const line of robustnessLines(robustness, locale)) out(line);
  for (const line of yearCycleLines(cycle, cycleEnd, locale)) out(line);
  const renamed = renamedSheetsLine(workbook.planNames, workbook.sheetNames, locale);
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
    if (e instanceof Interrupted) {
      process.stderr.write(`${interrupted(parsed.args.locale)}\n`);
      return e.exitCode;
    }
    process.stderr.write(e instanceof CliError ? `${e.message}\n` : `Unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

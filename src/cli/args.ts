// Command-line arguments of `npm run rate`, parsed into a plain value (errors as text, not throws).
import type { Locale } from "../i18n/locale";
import { ROBUSTNESS_DEFAULTS } from "../engine/robustnessSettings";

export interface CliArgs {
  input?: string;
  rules?: string;
  sheet?: string;
  json?: string;
  /** Where the rated workbook goes; default out/<input name>-rated.xlsx. */
  out?: string;
  locale: Locale;
  help: boolean;
  /** --prev: last year's rated workbook, whose results are carried forward (年度结转). */
  prev?: string;
  /** --history: start the 历年评定 sheet even where the input keeps none and nothing is imported. */
  history?: boolean;
  /** --robustness N and its settings: run the robustness analysis (稳健性分析) with N draws. */
  robustness?: RobustnessArgs;
}

export interface RobustnessArgs {
  runs: number;
  seed: number;
  weightShare: number;
  varyMethods: boolean;
}

export const USAGE = "Usage: npm run rate -- [in.xlsx] [--rules henan-2013|henan-2017|henan-2019|service-zones-2016|rules.json] [--sheet NAME] [--json out.json] [--out rated.xlsx] [--lang zh-CN|en-US] [--prev last-year-rated.xlsx] [--history] [--robustness N [--seed S] [--weight-share 0.2] [--vary-methods]]";

const VALUE_FLAGS = new Set(["--rules", "--sheet", "--json", "--out", "--prev", "--lang", "--robustness", "--seed", "--weight-share"]);

/** More draws than this is a typo, not an analysis (a million take about a minute). */
const MAX_ROBUSTNESS_RUNS = 1_000_000;

/** The robustness settings given, checked; an error's text when one is out of range or given without --robustness. */
function robustnessArgs(given: Map<string, string>, varyMethods: boolean): { value?: RobustnessArgs; error?: string } {
  const runsText = given.get("--robustness");
  if (runsText === undefined) {
    const stray = [...given.keys()][0] ?? (varyMethods ? "--vary-methods" : undefined);
    return stray === undefined ? {} : { error: `${stray} needs --robustness N.\n${USAGE}` };
  }
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || runs < 1 || runs > MAX_ROBUSTNESS_RUNS) return { error: `--robustness must be a whole number of draws from 1 to ${MAX_ROBUSTNESS_RUNS}, not "${runsText}".\n${USAGE}` };
  const seedText = given.get("--seed") ?? String(ROBUSTNESS_DEFAULTS.seed);
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || seed > 0xffffffff) return { error: `--seed must be a whole number from 0 to 4294967295, not "${seedText}".\n${USAGE}` };
  const shareText = given.get("--weight-share") ?? String(ROBUSTNESS_DEFAULTS.weightShare);
  const weightShare = Number(shareText);
  if (!/^\d*\.?\d+$/.test(shareText) || !(weightShare < 1)) return { error: `--weight-share must be a fraction from 0 to below 1 (0.2 moves each weight by up to ±20 %), not "${shareText}".\n${USAGE}` };
  return { value: { runs, seed, weightShare, varyMethods } };
}

export function parseArgs(argv: readonly string[]): { args?: CliArgs; error?: string } {
  const args: CliArgs = { locale: "zh-CN", help: false };
  const robustness = new Map<string, string>();
  let varyMethods = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      args.help = true;
      continue;
    }
    if (a === "--vary-methods") {
      varyMethods = true;
      continue;
    }
    if (a === "--history") {
      args.history = true;
      continue;
    }
    const eq = a.indexOf("=");
    const flag = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.has(flag)) {
      const value = flag !== a ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") return { error: `${flag} needs a value.\n${USAGE}` };
      if (flag === "--rules") args.rules = value;
      else if (flag === "--sheet") args.sheet = value;
      else if (flag === "--json") args.json = value;
      else if (flag === "--out") args.out = value;
      else if (flag === "--prev") args.prev = value;
      else if (flag === "--robustness" || flag === "--seed" || flag === "--weight-share") robustness.set(flag, value);
      else if (value === "zh-CN" || value === "en-US") args.locale = value;
      else return { error: `--lang must be zh-CN or en-US, not "${value}".\n${USAGE}` };
      continue;
    }
    if (a.startsWith("-")) return { error: `Unknown option "${a}".\n${USAGE}` };
    if (args.input !== undefined) return { error: `Only one input workbook may be given (got "${args.input}" and "${a}").\n${USAGE}` };
    args.input = a;
  }
  const checked = robustnessArgs(robustness, varyMethods);
  if (checked.error !== undefined) return { error: checked.error };
  if (checked.value) args.robustness = checked.value;
  return { args };
}

// Command-line arguments of `npm run rate`, parsed into a plain value (errors as text, not throws).
import type { Locale } from "../i18n/locale";

export interface CliArgs {
  input?: string;
  rules?: string;
  sheet?: string;
  json?: string;
  /** Where the rated workbook goes; default out/<input name>-rated.xlsx. */
  out?: string;
  locale: Locale;
  help: boolean;
}

export const USAGE = "Usage: npm run rate -- [in.xlsx] [--rules henan-2013|henan-2017|service-zones-2016|rules.json] [--sheet NAME] [--json out.json] [--out rated.xlsx] [--lang zh-CN|en-US]";

const VALUE_FLAGS = new Set(["--rules", "--sheet", "--json", "--out", "--lang"]);

export function parseArgs(argv: readonly string[]): { args?: CliArgs; error?: string } {
  const args: CliArgs = { locale: "zh-CN", help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      args.help = true;
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
      else if (value === "zh-CN" || value === "en-US") args.locale = value;
      else return { error: `--lang must be zh-CN or en-US, not "${value}".\n${USAGE}` };
      continue;
    }
    if (a.startsWith("-")) return { error: `Unknown option "${a}".\n${USAGE}` };
    if (args.input !== undefined) return { error: `Only one input workbook may be given (got "${args.input}" and "${a}").\n${USAGE}` };
    args.input = a;
  }
  return { args };
}

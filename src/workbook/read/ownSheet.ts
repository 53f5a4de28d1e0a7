// Whether a sheet that a marker calls the add-in's is the add-in's. A marker (a hidden defined name,
// a custom property, a registry row) is only a claim: a user can re-point or copy one. A sheet
// counts as a sheet of its kind only where its content agrees: cell A1 holds that kind's title as
// the product writes it, in zh-CN or en-US, after the year where it has one. The .xlsx reader and
// writer ask this one question (src/xlsx/sheets.ts), so a user's sheet is never skipped or dropped
// on a marker's word alone.
import type { Grid } from "../grid";
import { planLabels } from "../plan/labels";
import type { SheetKind } from "../plan/types";
import { RULES_SHEET_NAMES } from "./rulesLabels";

/** The rows of a sheet the check reads (from row 1): the title row. */
export const OWN_SHEET_ROWS = 1;

const LABELS = [planLabels("zh-CN"), planLabels("en-US")];

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "2013年度" / "2013 ": each language's year prefix, with any year. */
const YEAR = LABELS.map((l) => escaped(l.yearPrefix(1234)).replace("1234", "\\d{4}"));
/** What may follow a title: the years it covers, the year carried from, the template's note, the rules' name. */
const SUFFIX = "(?:\\s*[（(].*[）)]|\\s*[：:].*)?";

const patterns = new Map<SheetKind, RegExp>();

function titlePattern(kind: SheetKind): RegExp {
  let pattern = patterns.get(kind);
  if (!pattern) {
    // The rules sheet's title is its name and the rule set's: 评定规则：河南… / Rules: Henan…
    const titles = kind === "rules" ? [RULES_SHEET_NAMES.zh, RULES_SHEET_NAMES.en] : LABELS.map((l) => l.titles[kind]);
    const alternatives = titles.map((t, i) => `(?:${YEAR[i]})?${escaped(t)}`);
    pattern = new RegExp(`^(?:${alternatives.join("|")})${SUFFIX}$`, "s");
    patterns.set(kind, pattern);
  }
  return pattern;
}

/**
 * True when the sheet's first rows (a grid from row 1, at least OWN_SHEET_ROWS of them) carry the
 * title the product writes on a sheet of this kind.
 */
export function isOwnSheet(head: Grid, kind: SheetKind): boolean {
  if (head.originRow !== 0 || head.originCol !== 0) return false;
  const a1 = head.values[0]?.[0];
  return typeof a1 === "string" && titlePattern(kind).test(a1.trim());
}

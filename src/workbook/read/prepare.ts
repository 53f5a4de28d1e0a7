// Everything between the workbook's grids and the engine's input: which sheet to rate, which rules
// to use, and every problem found on the way, in the report language.
import type { Issue, Rules, ZoneTable } from "../../engine/types";
import { DEFAULT_PRESET_ID, PRESET_IDS, getPreset, validateRules } from "../../engine";
import type { Locale } from "../../i18n/locale";
import { localizeIssues } from "../../i18n/issues";
import type { Grid } from "../grid";
import { acceptedSpellings, columnSpec } from "./columns";
import { findHeader } from "./header";
import { isRulesSheetName, readRulesSheet } from "./rulesSheet";
import { readIndicatorTable } from "./table";

export interface PrepareOptions {
  /** Rate this sheet instead of the first with an indicator header. */
  sheet?: string;
  /** Preset used when the workbook has no rules sheet and no rules are given. */
  presetId?: string;
  /** Rules from a file, used when the workbook has no rules sheet. */
  rules?: Rules;
  locale: Locale;
}

export interface PreparedRun {
  sheet?: string;
  table?: ZoneTable;
  rules?: Rules;
  rulesSource: "sheet" | "preset" | "file";
  issues: Issue[];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

function pickIndicatorGrid(grids: readonly Grid[], sheet: string | undefined): { grid?: Grid; issues: Issue[] } {
  const candidates = grids.filter((g) => !isRulesSheetName(g.sheet));
  if (sheet !== undefined) {
    const grid = grids.find((g) => g.sheet === sheet) ?? grids.find((g) => g.sheet.trim() === sheet.trim());
    if (grid) return { grid, issues: [] };
    return { issues: [{ severity: "error", code: "SHEET_NOT_FOUND", params: { name: sheet, sheets: grids.map((g) => g.sheet).join("、") } }] };
  }
  const grid = candidates.find((g) => findHeader(g) !== undefined) ?? candidates[0];
  if (grid) return { grid, issues: [] };
  return { issues: [{ severity: "error", code: "NO_HEADER", params: { accepted: acceptedSpellings(columnSpec("zone")) } }] };
}

function pickRules(grids: readonly Grid[], opts: PrepareOptions): { rules?: Rules; rulesSource: PreparedRun["rulesSource"]; issues: Issue[] } {
  const rulesGrid = grids.find((g) => isRulesSheetName(g.sheet));
  if (rulesGrid) return { ...readRulesSheet(rulesGrid, opts.locale), rulesSource: "sheet" };
  // A rules file holding null or false is a rules file all the same: validation says what is wrong with it.
  if (opts.rules !== undefined) {
    const issues = validateRules(opts.rules);
    return hasErrors(issues) ? { issues, rulesSource: "file" } : { rules: opts.rules, issues, rulesSource: "file" };
  }
  const id = opts.presetId ?? DEFAULT_PRESET_ID;
  const preset = getPreset(id);
  if (preset) return { rules: preset, issues: [], rulesSource: "preset" };
  return { rulesSource: "preset", issues: [{ severity: "error", code: "UNKNOWN_PRESET", params: { preset: id, presets: PRESET_IDS.join(", ") } }] };
}

/** Picks the indicator sheet and the rules, reads both, and returns localised issues. */
export function prepareRun(grids: readonly Grid[], opts: PrepareOptions): PreparedRun {
  const picked = pickIndicatorGrid(grids, opts.sheet);
  const read = picked.grid ? readIndicatorTable(picked.grid) : { issues: [] };
  const rules = pickRules(grids, opts);
  const issues = localizeIssues([...picked.issues, ...read.issues, ...rules.issues], opts.locale);
  const out: PreparedRun = { rulesSource: rules.rulesSource, issues };
  if (picked.grid) out.sheet = picked.grid.sheet;
  if (read.table) out.table = read.table;
  if (rules.rules) out.rules = rules.rules;
  return out;
}

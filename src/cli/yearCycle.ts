// The command line's part of the yearly cycle: `--prev last-year-rated.xlsx` read from disk, and
// what the run prints and puts in the JSON about the cycle.
import { existsSync, readFileSync } from "node:fs";
import type { Locale } from "../i18n/locale";
import { targetSummaryLines } from "../workbook/plan/history";
import type { PreviousRating } from "../workbook/read/previous";
import type { YearCycle, YearCycleEnd } from "../workbook/yearCycle";
import { readPreviousWorkbook } from "../xlsx/rateWorkbook";
import type { JsonResult } from "./json";
import { CliError } from "./messages";

function prevNotFound(path: string, locale: Locale): string {
  return locale === "zh-CN" ? `找不到上年结果工作簿“${path}”（--prev）。请检查路径和文件名。` : `Last year's rated workbook not found: "${path}" (--prev). Check the path and the file name.`;
}

/** Last year's results from --prev, or the issues that stop the run (a file that is no .xlsx, no result sheets). */
export async function readPrevious(path: string, locale: Locale): Promise<PreviousRating> {
  if (!existsSync(path)) throw new CliError(prevNotFound(path, locale));
  return readPreviousWorkbook(readFileSync(path), path, locale);
}

/** The years the history holds, each once, oldest first. */
function historyYears(end: YearCycleEnd): number[] {
  return [...new Set(end.history.map((r) => r.year))].sort((a, b) => a - b);
}

/** The zones under 退出预警, with the years that put them there. */
function exitWarnings(end: YearCycleEnd): Array<{ zone: string; years: number[] }> {
  return [...end.tracks.values()].flatMap((t) => (t.exitWarning ? [{ zone: t.zone, years: t.exitWarning.years }] : []));
}

/** The year-cycle lines of the run's summary: what was carried forward, the history, 退出预警 and 达标情况. */
export function yearCycleLines(cycle: YearCycle, end: YearCycleEnd, locale: Locale): string[] {
  const zh = locale === "zh-CN";
  const lines: string[] = [];
  const m = cycle.match;
  if (m) {
    const from = cycle.prevYear === undefined ? (zh ? "上年" : "last year") : String(cycle.prevYear);
    lines.push(
      zh
        ? `上年结果（${from}）: 对应 ${m.links.length} 个，新评 ${m.added.length} 个，上年有本年无 ${m.dropped.length + m.droppedByMapping.length} 个`
        : `Last year (${from}): ${m.links.length} matched, ${m.added.length} new, ${m.dropped.length + m.droppedByMapping.length} gone`,
    );
  }
  const years = historyYears(end);
  if (cycle.keepsHistory && years.length > 0) lines.push(zh ? `历年评定: ${years[0]}–${years[years.length - 1]} 年（${years.length} 个年度）` : `History: ${years[0]}–${years[years.length - 1]} (${years.length} years)`);
  const warned = exitWarnings(end).map((w) => w.zone);
  if (cycle.keepsHistory) lines.push(zh ? `退出预警: ${warned.length} 个${warned.length > 0 ? `：${warned.join("、")}` : ""}` : `Exit warnings: ${warned.length}${warned.length > 0 ? `: ${warned.join(", ")}` : ""}`);
  const targets = targetSummaryLines(end.targets, locale);
  if (targets.length > 0) lines.push(zh ? "达标情况:" : "Targets:", ...targets.map((t) => `  ${t}`));
  return lines;
}

export interface JsonYearCycle {
  year: number | null;
  prevYear: number | null;
  matched: Array<{ zone: string; from: string[]; by: string }>;
  newZones: string[];
  droppedZones: string[];
  historyYears: number[];
  exitWarnings: Array<{ zone: string; years: number[] }>;
  targets: Array<{ indicator: string; target: number; interim: boolean; met: number; notMet: number; missing: number }>;
  targetsAllMet: number;
}

/**
 * The JSON's year-cycle part, and per zone its streak, highest level, 退出预警 and targets; SPEC
 * §6's JSON unchanged for a run with no history, no import and no targets.
 */
export function addYearCycleJson(json: JsonResult, cycle: YearCycle, end: YearCycleEnd): JsonResult & { yearCycle?: JsonYearCycle } {
  const m = cycle.match;
  if (!m && !cycle.keepsHistory && end.targets.targets.length === 0) return json;
  const checks = new Map(end.targets.zones.map((z) => [z.zone, z.checks]));
  const zones = json.zones.map((z) => {
    const track = end.tracks.get(z.zone);
    const out: Record<string, unknown> = { ...z };
    if (track) out.history = { yearsAtLevel: track.yearsAtLevel, maxStars: track.maxStars, exitWarning: track.exitWarning ? track.exitWarning.years : null };
    const c = checks.get(z.zone);
    if (c) out.targets = Object.fromEntries(c.map((x) => [x.key, { value: x.value, target: x.target, met: x.met, margin: x.margin }]));
    return out as unknown as typeof z;
  });
  return {
    ...json,
    zones,
    yearCycle: {
      year: cycle.year ?? null,
      prevYear: cycle.prevYear ?? null,
      matched: m?.links.map((l) => ({ zone: l.zone, from: l.from, by: l.kind })) ?? [],
      newZones: m?.added.map((u) => u.name) ?? [],
      droppedZones: [...(m?.dropped.map((u) => u.name) ?? []), ...(m?.droppedByMapping ?? [])],
      historyYears: historyYears(end),
      exitWarnings: exitWarnings(end),
      targets: end.targets.targets.map((t, i) => {
        const { met, notMet, missing } = end.targets.counts[i];
        return { indicator: t.key, target: t.value, interim: t.interim, met, notMet, missing };
      }),
      targetsAllMet: end.targets.allMet,
    },
  };
}

// The year-cycle parts of the 评定规则 sheet: 退出预警 (N, K over a window, with its source) and
// 阶段目标 (a target for one year only). Both sections are optional: a sheet inserted before they
// existed reads as before, and rules without them write none.
import type { ExitRule, InterimTarget, Rules } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import type { CellValue } from "../grid";
import { indicatorLabel } from "../../i18n/indicators";
import { choice, OPTION_HEADER, PROVENANCE, word, type Words } from "./rulesLabels";
import type { Section, SheetCursor } from "./rulesCursor";

export const YEAR_CYCLE_SECTIONS = {
  exit: { zh: "退出预警", en: "Exit warning" },
  interim: { zh: "阶段目标", en: "Interim targets" },
} as const satisfies Record<string, Words>;

export type YearCycleSectionKey = keyof typeof YEAR_CYCLE_SECTIONS;

type ExitKey = "bottomN" | "times" | "window";

const EXIT_ROWS: Record<ExitKey, Words & { noteZh: string; noteEn: string }> = {
  bottomN: { zh: "全省后N名", en: "Bottom N of the province", noteZh: "综合排名居全省最后 N 名即计一次", noteEn: "A year in the province's last N by rank counts once" },
  times: { zh: "预警次数", en: "Times", noteZh: "近若干年中居后或未达门槛达到此次数即预警", noteEn: "Warn after this many years in the bottom or below the gate" },
  window: { zh: "统计年数", en: "Years looked at", noteZh: "含本年；次数 = 年数 即“连续 K 年”", noteEn: "This year included; times = years means K years in a row" },
};

const INTERIM_HEADER: Words[] = [
  { zh: "指标键", en: "Indicator key" },
  { zh: "指标名称", en: "Indicator" },
  { zh: "年度", en: "Year" },
  { zh: "目标值", en: "Target" },
  { zh: "来源", en: "Source" },
];

/** The sections' rows, after the awards; none for rules that set neither. */
export function yearCycleRuleRows(rules: Rules, locale: Locale): CellValue[][] {
  const rows: CellValue[][] = [];
  const w = (x: Words) => word(x, locale);
  if (rules.exit) {
    const exit = rules.exit;
    rows.push([], [w(YEAR_CYCLE_SECTIONS.exit)], OPTION_HEADER.map(w));
    for (const key of Object.keys(EXIT_ROWS) as ExitKey[]) {
      const row = EXIT_ROWS[key];
      rows.push([w(row), exit[key], key === "bottomN" ? w(PROVENANCE[exit.provenance]) : null, locale === "zh-CN" ? row.noteZh : row.noteEn]);
    }
  }
  if (rules.interimTargets && rules.interimTargets.length > 0) {
    rows.push([], [w(YEAR_CYCLE_SECTIONS.interim)], INTERIM_HEADER.map(w));
    for (const t of rules.interimTargets) rows.push([t.key, indicatorLabel(t.key, locale === "zh-CN" ? "zh" : "en"), t.year, t.value, w(PROVENANCE[t.provenance])]);
  }
  return rows;
}

function readExit(cur: SheetCursor, section: Section): ExitRule {
  const exit: ExitRule = { bottomN: NaN, times: NaN, window: NaN, provenance: "inferred" };
  cur.mark("exit", section.title, 0);
  for (const r of section.body) {
    const label = cur.value(r, 0);
    const key = typeof label === "string" ? choice(label, EXIT_ROWS) : undefined;
    if (!key) continue;
    exit[key] = cur.number(r, 1, `exit.${key}`, EXIT_ROWS[key]) ?? NaN;
    if (key === "bottomN") exit.provenance = cur.pick(r, 2, "exit.provenance", OPTION_HEADER[2], PROVENANCE) ?? "inferred";
  }
  return exit;
}

function readInterim(cur: SheetCursor, section: Section): InterimTarget[] {
  const h = INTERIM_HEADER;
  return section.body.map((r, i) => {
    const p = `interimTargets[${i}]`;
    cur.mark(p, r, 0);
    return {
      key: (cur.text(r, 0, `${p}.key`, h[0]) ?? "") as InterimTarget["key"],
      year: cur.number(r, 2, `${p}.year`, h[2]) ?? NaN,
      value: cur.number(r, 3, `${p}.value`, h[3]) ?? NaN,
      provenance: cur.pick(r, 4, `${p}.provenance`, h[4], PROVENANCE) ?? "inferred",
    };
  });
}

/** What the optional sections add to the rules read from the sheet. */
export function readYearCycleRules(cur: SheetCursor, sections: Partial<Record<YearCycleSectionKey, Section>>): Pick<Rules, "exit" | "interimTargets"> {
  const out: Pick<Rules, "exit" | "interimTargets"> = {};
  if (sections.exit) out.exit = readExit(cur, sections.exit);
  if (sections.interim) out.interimTargets = readInterim(cur, sections.interim);
  return out;
}

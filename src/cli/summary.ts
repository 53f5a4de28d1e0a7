// The short text summary the command line prints after a run.
import type { Issue, RatingResult } from "../engine/types";
import type { AwardChance, RobustnessResult } from "../engine/robustness";
import type { Locale } from "../i18n/locale";
import { planLabels } from "../workbook/plan/labels";
import { formatQuantity } from "../workbook/plan/quantities";

function yuan(n: number, locale: Locale): string {
  const s = formatQuantity(n, "yuan", locale);
  return locale === "zh-CN" ? `${s} 元` : `${s} yuan`;
}

/** Warnings the summary prints in full; the rest are counted and found where the run put every issue. */
export const LISTED_WARNINGS = 10;

/** One line per star level, highest first, e.g. "3★ 2". */
export function starLine(starCounts: Record<string, number>, locale: Locale): string {
  const parts = ["6", "5", "4", "3", "2", "1", "0"].map((k) => `${k}★ ${starCounts[k] ?? 0}`);
  return `${locale === "zh-CN" ? "星级" : "Stars"}: ${parts.join(" · ")}`;
}

const RULES_SOURCE: Record<"sheet" | "preset" | "file", { zh: string; en: string }> = {
  sheet: { zh: "评定规则表", en: "rules sheet" },
  preset: { zh: "内置规则", en: "built-in preset" },
  file: { zh: "规则文件", en: "rules file" },
};

/**
 * The run's summary; `allIssuesAt` says where every issue is (the 校验报告 sheet, the JSON), for
 * the warnings not listed.
 */
export function summaryLines(result: RatingResult, sheet: string, source: "sheet" | "preset" | "file", issues: readonly Issue[], locale: Locale, allIssuesAt?: string): string[] {
  const zh = locale === "zh-CN";
  const lines: string[] = [];
  const rulesSource = zh ? RULES_SOURCE[source].zh : RULES_SOURCE[source].en;
  const year = result.year ?? (zh ? "未注明" : "not stated");
  lines.push(zh ? `评定规则: ${result.rules.id}（${rulesSource}）` : `Rules: ${result.rules.id} (${rulesSource})`);
  lines.push(zh ? `工作表: ${sheet}，集聚区 ${result.zones.length} 个，年度 ${year}` : `Sheet: ${sheet}, ${result.zones.length} zones, year ${year}`);
  lines.push(starLine(result.starCounts, locale));
  for (const a of result.awards) {
    const name = zh ? a.nameZh : a.nameEn;
    lines.push(`${name} (${a.zones.length} × ${yuan(a.prizeYuan, locale)}): ${a.zones.join(planLabels(locale).listJoin)}`);
  }
  lines.push(`${zh ? "奖金合计" : "Prize total"}: ${yuan(result.prizeTotalYuan, locale)}`);
  lines.push(...issueLines(issues, locale, allIssuesAt));
  return lines;
}

function chances(list: readonly AwardChance[], locale: Locale): string {
  return list.map((c) => `${c.zone} ${Math.round(c.probability * 100)}${locale === "zh-CN" ? "%" : " %"}`).join(locale === "zh-CN" ? "、" : ", ");
}

/** The zones' chances in brackets after a count; nothing when there are none. */
function chancesAside(list: readonly AwardChance[], locale: Locale): string {
  if (list.length === 0) return "";
  return locale === "zh-CN" ? `（${chances(list, locale)}）` : ` (${chances(list, locale)})`;
}

/** The robustness analysis in a few lines: its settings, then each award's borderline winners and close contenders. */
export function robustnessLines(r: RobustnessResult, locale: Locale): string[] {
  const zh = locale === "zh-CN";
  const share = Math.round(r.weightShare * 1000) / 10;
  const runs = r.runs.toLocaleString("en-US");
  const lines = [
    zh
      ? `稳健性分析: 模拟 ${runs} 次（种子 ${r.seed}，权重 ±${share}%，计分方法${r.varyMethods ? "随机抽取" : "不变"}；星级不受权重影响）`
      : `Robustness: ${runs} draws (seed ${r.seed}, weights ±${share} %, scoring methods ${r.varyMethods ? "drawn" : "fixed"}; stars do not depend on weights)`,
  ];
  for (const a of r.awards) {
    const name = zh ? a.nameZh : a.nameEn;
    const borderline = chancesAside(a.borderline, locale);
    const close = chancesAside(a.close, locale);
    lines.push(
      zh
        ? `  ${name}: 稳定 ${a.stable.length} 个，临界 ${a.borderline.length} 个${borderline}；名单外接近 ${a.close.length} 个${close}`
        : `  ${name}: ${a.stable.length} stable, ${a.borderline.length} borderline${borderline}; ${a.close.length} close${close}`,
    );
  }
  return lines;
}

/** An issue as the summary lists it: its sheet, then the message every other place shows. */
function issueLine(i: Issue): string {
  return `  ${i.sheet === undefined ? "" : `[${i.sheet}] `}${i.message ?? i.code}`;
}

/**
 * The warnings, the first LISTED_WARNINGS of them in full and where the rest are (`allIssuesAt`),
 * then every error in full.
 */
export function issueLines(issues: readonly Issue[], locale: Locale, allIssuesAt?: string): string[] {
  const zh = locale === "zh-CN";
  const severity = planLabels(locale).severityNames;
  const warnings = issues.filter((i) => i.severity === "warning");
  const errors = issues.filter((i) => i.severity === "error");
  const lines = [zh ? `${severity.warning}: ${warnings.length} 条` : `${severity.warning}s: ${warnings.length}`];
  lines.push(...warnings.slice(0, LISTED_WARNINGS).map(issueLine));
  const rest = warnings.length - LISTED_WARNINGS;
  if (rest > 0) {
    if (zh) lines.push(`  另有 ${rest} 条警告未列出${allIssuesAt === undefined ? "" : `，全部见${allIssuesAt}`}。`);
    else lines.push(`  ${rest} more warning${rest === 1 ? "" : "s"} not listed${allIssuesAt === undefined ? "" : `; all are in ${allIssuesAt}`}.`);
  }
  if (errors.length > 0) {
    lines.push(zh ? `${severity.error}: ${errors.length} 条` : `${severity.error}s: ${errors.length}`);
    lines.push(...errors.map(issueLine));
  }
  return lines;
}

/** Where a run's every issue is: 校验报告 of the rated workbook, and the JSON where written. */
export function allIssuesAt(validationSheet: string | undefined, json: string | undefined, locale: Locale): string | undefined {
  const zh = locale === "zh-CN";
  const places = [
    ...(validationSheet === undefined ? [] : [zh ? `结果工作簿的“${validationSheet}”表` : `the rated workbook's "${validationSheet}" sheet`]),
    ...(json === undefined ? [] : [zh ? `JSON 文件“${json}”的 issues` : `the issues of the JSON "${json}"`]),
  ];
  return places.length === 0 ? undefined : places.join(zh ? "，以及 " : " and ");
}

/**
 * The line saying which result sheets went under another name because the input workbook already
 * held a sheet so named; undefined when every sheet got its planned name.
 */
export function renamedSheetsLine(planned: readonly string[], written: readonly string[], locale: Locale): string | undefined {
  const zh = locale === "zh-CN";
  const renamed = planned.flatMap((name, i) => (written[i] !== undefined && written[i] !== name ? [zh ? `${name} 已存在（用户工作表），结果写入 ${written[i]}` : `${name} already exists (a user's sheet); the result went to ${written[i]}`] : []));
  return renamed.length === 0 ? undefined : renamed.join(zh ? "；" : "; ");
}

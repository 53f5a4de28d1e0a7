// Messages of the yearly cycle (年度结转, 历年评定, 退出预警) in zh-CN and en-US: what happened and
// what the user can do. Other codes pass to the product's catalogue.
import type { Issue } from "../engine/types";
import { formatIssue, withLocation } from "./issues";
import type { Locale } from "./locale";

type Params = Record<string, string | number>;
type Entry = Record<Locale, (p: Params) => string>;

function s(p: Params, key: string): string {
  const v = p[key];
  return v === undefined ? "" : String(v);
}

const COLUMN: Record<string, { zh: string; en: string }> = {
  prevRank: { zh: "上年综合排名", en: "PrevRank" },
  prevStars: { zh: "上年星级", en: "PrevStars" },
  maxStars: { zh: "历史最高星级", en: "MaxStars" },
};

function lastYearZh(p: Params): string {
  return s(p, "prevYear") === "" ? "上年" : `${s(p, "prevYear")}年`;
}

function lastYearEn(p: Params): string {
  return s(p, "prevYear") === "" ? "last year" : s(p, "prevYear");
}

function likelyZh(p: Params): string {
  return s(p, "suggestions") === "" ? "" : `可能对应：${s(p, "suggestions")}。`;
}

function likelyEn(p: Params): string {
  return s(p, "suggestions") === "" ? "" : ` Likely matches: ${s(p, "suggestions")}.`;
}

function starsZh(p: Params): string {
  return Number(p.stars) > 0 ? `${s(p, "stars")}星` : "无星";
}

function starsEn(p: Params): string {
  return Number(p.stars) > 0 ? `level ${s(p, "stars")}` : "no star";
}

const YEAR_CYCLE_MESSAGES: Record<string, Entry> = {
  PREV_NO_RESULTS: {
    "zh-CN": (p) => `“${s(p, "file")}”中没有本工具写出的“星级评定”表，也没有“历年评定”表，无法导入上年结果。请选择上年评定后保存的结果工作簿。`,
    "en-US": (p) => `"${s(p, "file")}" holds neither a Stars sheet written by this tool nor a Rating history sheet, so last year's results cannot be imported. Choose the workbook last year's rating was saved in.`,
  },
  PREV_NO_YEAR: {
    "zh-CN": () => "导入的结果表标题中没有年度，无法记入历年评定。请选择本工具评定后保存的工作簿（其结果表标题写有年度，如“2012年度…”）。",
    "en-US": () => "The imported result sheets state no year in their titles, so they cannot join the history. Choose a workbook this tool rated and saved (its result sheets' titles state the year).",
  },
  PREV_YEAR_NOT_BEFORE: {
    "zh-CN": (p) => `导入的结果是 ${s(p, "prevYear")} 年度的，不早于本次评定的 ${s(p, "year")} 年度。请选择上一年度的结果工作簿，或检查指标表标题中的年度。`,
    "en-US": (p) => `The imported results are for ${s(p, "prevYear")}, not before this rating's year ${s(p, "year")}. Choose the previous year's rated workbook, or check the year in the indicator table's title.`,
  },
  HISTORY_ROW_SKIPPED: {
    "zh-CN": (p) => `第 ${s(p, "row")} 行的“${s(p, "column")}”（${s(p, "value") || "空"}）无法识别，该行未计入历年结果。年度须为四位数，星级数须为 0–6 的整数。`,
    "en-US": (p) => `Row ${s(p, "row")}: "${s(p, "columnEn")}" (${s(p, "value") || "blank"}) cannot be read, so the row is left out of the history. The year must have four digits and the star level be a whole number 0–6.`,
  },
  HISTORY_NO_YEAR: {
    "zh-CN": () => "指标表标题中没有年度，本年结果未记入历年评定。请在表头上方的标题中写明年度，如“2013年度…”，然后重新评定。",
    "en-US": () => "The indicator table's title states no year, so this year's results were not added to the history. Put the year in the title above the header (e.g. \"2013 …\") and rate again.",
  },
  ZONE_NOT_IN_PREVIOUS: {
    "zh-CN": (p) => `${lastYearZh(p)}结果中没有这个集聚区，按新评处理。${likelyZh(p)}如是改名或合并，请在“名称对照”表中填写上年名称后重新评定。`,
    "en-US": (p) => `This zone is not in the results of ${lastYearEn(p)}, so it is rated as new.${likelyEn(p)} If it was renamed or merged, enter its old name in the Name map sheet and rate again.`,
  },
  ZONE_DROPPED: {
    "zh-CN": (p) => `${lastYearZh(p)}评定过（${starsZh(p)}，第 ${s(p, "rank")} 名），本年指标表中没有。${likelyZh(p)}如是改名或合并，请在“名称对照”表中填写本年名称；如已撤销，填“撤销”。`,
    "en-US": (p) => `Rated in ${lastYearEn(p)} (${starsEn(p)}, rank ${s(p, "rank")}) but not in this year's table.${likelyEn(p)} If it was renamed or merged, enter its name this year in the Name map sheet; if it was closed, write "dropped".`,
  },
  NAME_MAP_UNKNOWN: {
    "zh-CN": (p) => (p.side === "prev" ? `名称对照中的上年名称“${s(p, "name")}”在${lastYearZh(p)}结果中没有。请核对名称。` : `名称对照中的本年名称“${s(p, "name")}”在本年指标表中没有。请核对名称。`),
    "en-US": (p) => (p.side === "prev" ? `The name map's "${s(p, "name")}" is not in the results of ${lastYearEn(p)}. Check the name.` : `The name map's "${s(p, "name")}" is not in this year's table. Check the name.`),
  },
  PREV_VALUE_CONFLICT: {
    "zh-CN": (p) => `“${COLUMN[s(p, "column")]?.zh ?? s(p, "column")}”填的是 ${s(p, "user")}，${lastYearZh(p)}结果为 ${s(p, "imported")}；按所填的 ${s(p, "user")} 评定。如应以上年结果为准，请改正或清空该单元格后重新评定。`,
    "en-US": (p) => `"${COLUMN[s(p, "column")]?.en ?? s(p, "column")}" holds ${s(p, "user")} but the results of ${lastYearEn(p)} say ${s(p, "imported")}; the rating uses your ${s(p, "user")}. Correct or clear the cell and rate again if last year's result is right.`,
  },
  EXIT_WARNING: {
    "zh-CN": (p) => `退出预警：近 ${s(p, "window")} 年中有 ${s(p, "count")} 年（${s(p, "years")}）居全省后 ${s(p, "bottomN")} 名或未达门槛（规则：${s(p, "window")} 年中 ${s(p, "times")} 年）。`,
    "en-US": (p) => `Exit warning: in the province's bottom ${s(p, "bottomN")} or below the gate in ${s(p, "count")} of the last ${s(p, "window")} years (${s(p, "years")}; the rule: ${s(p, "times")} in ${s(p, "window")}).`,
  },
};

/** The issue as one line, led by its cell (else its zone), as the product's catalogue words its own. */
function formatYearCycleIssue(issue: Issue, locale: Locale): string {
  const entry = YEAR_CYCLE_MESSAGES[issue.code];
  if (!entry) return formatIssue(issue, locale);
  return withLocation(issue, entry[locale]({ code: issue.code, zone: issue.zone ?? "", ...(issue.params ?? {}) }), locale);
}

export function localizeYearCycleIssues(issues: readonly Issue[], locale: Locale): Issue[] {
  return issues.map((i) => ({ ...i, message: formatYearCycleIssue(i, locale) }));
}

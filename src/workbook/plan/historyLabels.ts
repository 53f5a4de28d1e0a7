// The words of the year-cycle sheets (历年评定, 名称对照, 年度结转, 历年趋势, 达标情况) in both
// languages. The readers accept either language, so a history kept in Chinese still reads when
// the report language is English.
import type { Words } from "../read/rulesLabels";
import type { MatchKind } from "../read/zoneNames";

/** Columns of the 历年评定 sheet, in order: the writer's header and what the reader looks for. */
export const HISTORY_COLUMNS = {
  year: { zh: "年度", en: "Year" },
  zone: { zh: "集聚区名称", en: "Zone" },
  prevNames: { zh: "上年名称", en: "Last year's name" },
  city: { zh: "所属地市", en: "City" },
  stars: { zh: "星级数", en: "Star level" },
  status: { zh: "晋级情况", en: "Status" },
  rank: { zh: "综合排名", en: "Rank" },
  cityRank: { zh: "市内排名", en: "City rank" },
  composite: { zh: "综合得分", en: "Composite" },
  awards: { zh: "奖项", en: "Awards" },
} as const satisfies Record<string, Words>;

export type HistoryColumn = keyof typeof HISTORY_COLUMNS;

export const HISTORY_NOTE: Words = {
  zh: "每次评定写入当年各集聚区的结果，重评同一年度时替换该年。改名或合并的集聚区在“上年名称”中写上年名称（多个用“、”分隔），历年结果即按此接续。",
  en: "Each rating writes its year's results here; rating the same year again replaces that year. For a renamed or merged zone, \"Last year's name\" holds its name(s) last year (separated by 、), which links its years.",
};

/** Columns of the 名称对照 sheet the user edits. */
export const NAME_MAP_COLUMNS = {
  prevName: { zh: "上年名称", en: "Last year's name" },
  zone: { zh: "本年名称", en: "This year's name" },
  suggestions: { zh: "可能对应（供参考）", en: "Likely matches (for reference)" },
} as const satisfies Record<string, Words>;

export const NAME_MAP_NOTE: Words = {
  zh: "请在“本年名称”中填写上年集聚区本年的名称（合并：多行填同一本年名称；拆分：同一上年名称填多行；已撤销的填“撤销”），保存后重新评定即按此对应。",
  en: "Fill in \"This year's name\" for each of last year's zones (merged: several rows with the same name this year; split: several rows for one name last year; closed: write \"dropped\"), then rate again.",
};

/** What a user writes in 本年名称 for a zone that no longer exists. */
export const DROPPED_MARKERS: readonly string[] = ["撤销", "已撤销", "取消", "删除", "dropped", "removed", "closed"];

export const MATCH_KINDS: Record<MatchKind | "none", Words> = {
  mapping: { zh: "名称对照表", en: "name map" },
  same: { zh: "同名", en: "same name" },
  normalised: { zh: "名称相近（规范化后相同）", en: "same name once normalised" },
  renamed: { zh: "行政区划调整", en: "administrative rename" },
  none: { zh: "未对应（按新评）", en: "no match (rated as new)" },
};

export type ValueSource = "imported" | "user" | "conflict" | "none";

export const VALUE_SOURCES: Record<ValueSource, Words> = {
  imported: { zh: "导入上年结果", en: "imported" },
  user: { zh: "表中所填（与导入一致）", en: "typed (same as imported)" },
  conflict: { zh: "表中所填（与导入不同，见校验报告）", en: "typed (differs from imported, see Validation)" },
  none: { zh: "无", en: "none" },
};

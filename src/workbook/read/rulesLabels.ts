// The words of the 评定规则 sheet in both languages. The reader accepts either language (and the
// internal codes), so a sheet inserted in Chinese still reads when the report language is English.
import type { AwardMetric, AwardSelection, MissingPolicy, NormMethod, Provenance } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { withoutInvisible } from "./invisible";

export interface Words {
  zh: string;
  en: string;
}

export const RULES_SHEET_NAMES: Words = { zh: "评定规则", en: "Rules" };

export const SECTIONS = {
  options: { zh: "基本设置", en: "Settings" },
  dimensions: { zh: "维度与指标", en: "Dimensions and indicators" },
  stars: { zh: "星级标准", en: "Star levels" },
  awards: { zh: "奖项", en: "Awards" },
} as const satisfies Record<string, Words>;

export type SectionKey = keyof typeof SECTIONS;

export const OPTION_HEADER: Words[] = [
  { zh: "项目", en: "Item" },
  { zh: "值", en: "Value" },
  { zh: "来源", en: "Source" },
  { zh: "说明", en: "Note" },
];

export type OptionKey = "id" | "nameZh" | "nameEn" | "bonusCap" | "missingPolicy" | "minIndicatorsMet" | "maxStepPerYear" | "vetoBlocksPromotion" | "plaqueMinStars";

export const OPTIONS: Record<OptionKey, Words & { noteZh: string; noteEn: string }> = {
  id: { zh: "规则编号", en: "Rule set id", noteZh: "所依据的内置规则", noteEn: "The built-in rule set this sheet started from" },
  nameZh: { zh: "规则名称", en: "Name (Chinese)", noteZh: "", noteEn: "" },
  nameEn: { zh: "英文名称", en: "Name (English)", noteZh: "", noteEn: "" },
  bonusCap: { zh: "加分上限", en: "Bonus cap", noteZh: "加分超过此数按此数计", noteEn: "Bonus points above this count as this" },
  missingPolicy: { zh: "缺项处理", en: "Missing values", noteZh: "记0分 或 取均值", noteEn: "zero or mean" },
  minIndicatorsMet: { zh: "星级须达标项数", en: "Star indicators to meet", noteZh: "增加值、税收、从业人员中须达标的项数（3 = 全部）", noteEn: "How many of value added, tax, employment must meet a level (3 = all)" },
  maxStepPerYear: { zh: "每年最多晋级", en: "Max levels up per year", noteZh: "留空 = 不限", noteEn: "Blank = no limit" },
  vetoBlocksPromotion: { zh: "否决阻止晋级", en: "Veto blocks promotion", noteZh: "是 或 否", noteEn: "yes or no" },
  plaqueMinStars: { zh: "授牌最低星级", en: "Plaque from stars", noteZh: "达到此星级及以上授牌", noteEn: "Zones at this star level or more get a plaque" },
};

export const DIMENSION_HEADER: Words[] = [
  { zh: "维度键", en: "Dimension key" },
  { zh: "维度名称", en: "Dimension" },
  { zh: "英文名称", en: "Dimension (English)" },
  { zh: "维度权重", en: "Dimension weight" },
  { zh: "维度来源", en: "Dimension source" },
  { zh: "指标键", en: "Indicator key" },
  { zh: "指标名称", en: "Indicator" },
  { zh: "指标权重", en: "Indicator weight" },
  { zh: "方法", en: "Method" },
  { zh: "目标值", en: "Target" },
  { zh: "指标来源", en: "Indicator source" },
];

export const STAR_HEADER: Words[] = [
  { zh: "级别", en: "Level" },
  { zh: "增加值（亿元）", en: "ValueAdded (100M yuan)" },
  { zh: "税收（亿元）", en: "Tax (100M yuan)" },
  { zh: "从业人员（万人）", en: "Employment (10k persons)" },
  { zh: "来源", en: "Source" },
];

export const GATE: Words = { zh: "门槛", en: "Gate" };

export function levelLabel(level: number, locale: Locale): string {
  return locale === "zh-CN" ? `${level}星` : `Level ${level}`;
}

export const AWARD_HEADER: Words[] = [
  { zh: "奖项键", en: "Award key" },
  { zh: "名称", en: "Name" },
  { zh: "英文名称", en: "Name (English)" },
  { zh: "选取方式", en: "Selection" },
  { zh: "名额", en: "Count" },
  { zh: "依据", en: "Ranked by" },
  { zh: "奖金（元）", en: "Prize (yuan)" },
  { zh: "排他", en: "Exclusive" },
  { zh: "来源", en: "Source" },
];

export const PROVENANCE: Record<Provenance, Words> = {
  official: { zh: "省文件", en: "official" },
  otherProvince: { zh: "参照外省", en: "other province" },
  inferred: { zh: "推定", en: "inferred" },
};

export const MISSING_POLICY: Record<MissingPolicy, Words> = {
  zero: { zh: "记0分", en: "zero" },
  mean: { zh: "取均值", en: "mean" },
};

export const YES_NO: Record<"yes" | "no", Words> = { yes: { zh: "是", en: "yes" }, no: { zh: "否", en: "no" } };

export const SELECTION: Record<AwardSelection["kind"], Words> = {
  top: { zh: "前N名", en: "top" },
  firstStar: { zh: "首次晋星", en: "first star" },
};

export const METRIC: Record<Exclude<AwardMetric["kind"], "dimensions">, Words> & { dimensions: Words } = {
  composite: { zh: "综合得分", en: "composite" },
  rankChange: { zh: "名次进步", en: "rank change" },
  dimensions: { zh: "维度得分", en: "dimensions" },
};

export const METHODS: readonly NormMethod[] = ["minmax", "p90cap", "zscore", "target"];

export function word(w: Words, locale: Locale): string {
  return locale === "zh-CN" ? w.zh : w.en;
}

/** Compares what a user typed with a word in either language or with the internal code, spaces and invisible characters aside. */
export function sameWord(typed: string, w: Words, code?: string): boolean {
  const t = withoutInvisible(typed).normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return [w.zh, w.en, code ?? ""].some((x) => x !== "" && x.normalize("NFKC").replace(/\s+/g, "").toLowerCase() === t);
}

/** The key of the first entry whose words match what was typed. */
export function choice<K extends string>(typed: string, table: Record<K, Words>): K | undefined {
  return (Object.keys(table) as K[]).find((k) => sameWord(typed, table[k], k));
}

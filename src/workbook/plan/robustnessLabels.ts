// The words of the 稳健性分析 sheet in both report languages.
import type { Locale } from "../../i18n/locale";
import { CN_DIGITS, grouped } from "./labels";

export interface RobustnessLabels {
  /** How many draws, from which seed, moving the weights how far. */
  draws: (runs: number, seed: number, sharePercent: number) => string;
  /**
   * How the scoring methods were drawn: from `names` (null when they stayed as the rules set
   * them), plus the `target` method for indicators that set a target.
   */
  methods: (names: string[] | null, target: string | null) => string;
  starsNote: string;
  medianRank: string;
  /** Places from the 5 % rank to the 95 % rank, both counted: where the chart's bar runs. */
  span: string;
  rankP5: string;
  rankP95: string;
  currentAwards: string;
  probabilityOf: (award: string) => string;
  anyAward: string;
  awardSection: (index: number, name: string, winners: number, stable: number, borderline: number, close: number) => string;
  stable: (percent: number) => string;
  borderline: (percent: number) => string;
  close: (percent: number) => string;
  allZones: (index: number) => string;
  /** "一、现获奖集聚区（30 个，按现排名）" */
  winnersSection: (index: number, count: number) => string;
  chartTitle: string;
  rankAxis: string;
}

const ZH: RobustnessLabels = {
  draws: (runs, seed, share) => `模拟 ${grouped(runs)} 次（随机种子 ${seed}）：各维度权重和维度内各指标权重在 ±${share}% 内随机变动，维度权重再按比例还原为原合计。`,
  methods: (names, target) =>
    names === null ? "计分方法：按规则不变。" : `计分方法：每次从${names.join("、")}中随机抽取${target === null ? "" : `（设有目标值的指标另含${target}）`}。`,
  starsNote: "星级按增加值、税收、从业人员的绝对标准评定，与权重无关，不随模拟变化；本表只分析综合排名和表彰名单。",
  medianRank: "名次中位数",
  span: "区间内名次数",
  rankP5: "名次（5%）",
  rankP95: "名次（95%）",
  currentAwards: "现获奖项",
  probabilityOf: (award) => `${award}概率`,
  anyAward: "任一奖项概率",
  awardSection: (i, name, winners, stable, borderline, close) =>
    `${CN_DIGITS[i] ?? i + 1}、${name}（现名单 ${winners} 个：稳定 ${stable} 个，临界 ${borderline} 个；名单外接近 ${close} 个）`,
  stable: (p) => `稳定获奖（获奖概率 ≥ ${p}%）`,
  borderline: (p) => `临界（在现名单内，获奖概率 < ${p}%）`,
  close: (p) => `接近（不在现名单内，获奖概率 ≥ ${p}%）`,
  allZones: (i) => `${CN_DIGITS[i] ?? i + 1}、全部集聚区（按现综合排名）`,
  winnersSection: (i, n) => `${CN_DIGITS[i] ?? i + 1}、现获奖集聚区（${n} 个，按现综合排名）及其名次区间`,
  chartTitle: "现获奖集聚区的名次区间（5%–95%）",
  rankAxis: "名次",
};

const EN: RobustnessLabels = {
  draws: (runs, seed, share) =>
    `${grouped(runs)} draws (seed ${seed}): every dimension weight, and every indicator weight within its dimension, moved at random within ±${share} %; the dimension weights then scaled back to their total.`,
  methods: (names, target) =>
    names === null
      ? "Scoring methods: as the rules set them."
      : `Scoring methods: each draw picks every indicator's method from ${names.join(", ")}${target === null ? "" : ` (and ${target} where the indicator sets a target)`}.`,
  starsNote: "Stars are thresholds on value added, tax and employment: no weight moves them, so they do not change across the draws. This sheet is about the ranking and the award lists.",
  medianRank: "Median rank",
  span: "Places in interval",
  rankP5: "5 % rank",
  rankP95: "95 % rank",
  currentAwards: "Awards now",
  probabilityOf: (award) => `P(${award})`,
  anyAward: "P(any award)",
  awardSection: (i, name, winners, stable, borderline, close) => `${i + 1}. ${name} (${winners} on the list: ${stable} stable, ${borderline} borderline; ${close} close outside it)`,
  stable: (p) => `Stable (probability ≥ ${p} %)`,
  borderline: (p) => `Borderline (on the list, probability < ${p} %)`,
  close: (p) => `Close (not on the list, probability ≥ ${p} %)`,
  allZones: (i) => `${i + 1}. Every zone (by current rank)`,
  winnersSection: (i, n) => `${i + 1}. The award winners (${n}, by current rank) and their rank intervals`,
  chartTitle: "Rank interval of each award winner (5 %–95 %)",
  rankAxis: "Rank",
};

export function robustnessLabels(locale: Locale): RobustnessLabels {
  return locale === "en-US" ? EN : ZH;
}

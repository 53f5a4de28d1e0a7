// Every word the result sheets print, in zh-CN and en-US.
import type { AwardList, StarIndicator, StarStatus, NormMethod, Severity, ZoneResult } from "../../engine/types";
import { STAR_INDICATORS } from "../../engine/types";
import { formatQuantity } from "./quantities";
import type { Locale } from "../../i18n/locale";
import { sameWord } from "../read/rulesLabels";
import type { SheetKind } from "./types";

export interface PlanLabels {
  sheetNames: Record<SheetKind, string>;
  titles: Record<SheetKind, string>;
  /** "2013年" / "2013 " prefix for titles; empty without a year. */
  yearPrefix: (year: number | undefined) => string;
  footer: string;
  rank: string;
  tied: string;
  zone: string;
  city: string;
  stars: string;
  starCount: string;
  prevStars: string;
  status: string;
  statusNames: Record<StarStatus, string>;
  nextLevel: string;
  shortfall: string;
  /** "税收差 1.23 亿元" */
  shortfallItem: (indicator: StarIndicator, amount: string) => string;
  shortfallJoin: string;
  /** Between the items of a list in a cell: award names, zone names. */
  listJoin: string;
  starLevelName: (level: number) => string;
  noStars: string;
  starCountsTitle: string;
  chartTitle: string;
  /** Value axis of the star-count charts. */
  zoneCountAxis: string;
  /** The main table of a sheet that opens with a summary: "二、各集聚区星级评定结果". */
  starsListTitle: string;
  /** "一、综合得分前 20 名": the ranking's chart and its figures; the chart's title without the numbering. */
  topSection: (count: number) => string;
  topTitle: (count: number) => string;
  rankingListTitle: string;
  /** Value axis of the composite chart. */
  compositeAxis: string;
  /** A city's heading on 分市排名: "郑州市（12 个）". */
  citySection: (city: string, count: number) => string;
  total: string;
  composite: string;
  bonus: string;
  penalty: string;
  rankChange: string;
  veto: string;
  cityRank: string;
  provinceRank: string;
  award: string;
  serial: string;
  basis: string;
  /** What an award's winner was chosen by, with its figure: "综合得分 90.41", "名次上升 15 位". */
  awardBasis: (metric: AwardList["metricUsed"], figure: number, figureText: string, dimensions: string) => string;
  /** The plaque list's award column and basis: "授牌", "★★ 二星级". */
  plaque: string;
  plaqueBasis: (level: number) => string;
  prizeWan: string;
  /** "一、十强（每个奖励 500 万元）" */
  awardSection: (index: number, name: string, prizeWan: number, count: number) => string;
  awardTieNote: string;
  subtotal: string;
  prizeTotal: (wan: number, yuan: number) => string;
  plaqueSection: (index: number) => string;
  plaqueGroup: (level: number, count: number) => string;
  noWinners: string;
  dimension: string;
  indicator: string;
  raw: string;
  unit: string;
  method: string;
  methodNames: Record<NormMethod, string>;
  score: string;
  weight: string;
  contribution: string;
  missing: string;
  severity: string;
  severityNames: Record<Severity, string>;
  sheet: string;
  cell: string;
  /** What kind of problem (校验报告's column of issue kinds). */
  issueKind: string;
  message: string;
  noIssues: string;
  indicatorNames: Record<string, string>;
  units: Record<string, string>;
  /** Appended to the template's title. */
  templateNote: string;
  /** Ends a list cut at Excel's cell limit: "…（另有 4,321 个未列出）". */
  moreItems: (count: number) => string;
  /** Ends a text cut at Excel's cell limit, counting the characters left out. */
  moreChars: (count: number) => string;
}

const SHEETS_ZH: Record<SheetKind, string> = {
  stars: "星级评定",
  ranking: "综合排名",
  byCity: "分市排名",
  awards: "表彰名单",
  promotions: "晋级名单",
  robustness: "稳健性分析",
  details: "计算明细",
  profile: "集聚区档案",
  validation: "校验报告",
  rules: "评定规则",
  template: "指标数据",
  history: "历年评定",
  trend: "历年趋势",
  carry: "年度结转",
  targets: "达标情况",
  nameMap: "名称对照",
};

const SHEETS_EN: Record<SheetKind, string> = {
  stars: "Stars",
  ranking: "Ranking",
  byCity: "By city",
  awards: "Awards",
  promotions: "Promotions",
  robustness: "Robustness",
  details: "Score details",
  profile: "Zone profile",
  validation: "Validation",
  rules: "Rules",
  template: "Indicators",
  history: "Rating history",
  trend: "Trend",
  carry: "Carried forward",
  targets: "Targets",
  nameMap: "Name map",
};

const UNITS: Record<string, string> = {
  va: "亿元",
  tax: "亿元",
  emp: "万人",
  rev: "亿元",
  vaPrev: "亿元",
  fai: "亿元",
  outCap: "亿元",
  leadShare: "%",
  landMu: "亩",
  rd: "亿元",
  smart: "%",
  energy: "吨标准煤/万元",
  energyPrev: "吨标准煤/万元",
  vaGrowth: "%",
  taxPerMu: "万元/亩",
  rdIntensity: "%",
  energyDrop: "%",
};

/** Amounts in printed sentences, digits grouped as on the prize notices (15,000,000). */
export function grouped(value: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value);
}

export const CN_DIGITS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function ZH_LEVEL(level: number): string {
  return level === 0 ? "无星" : `${CN_DIGITS[level - 1]}星级`;
}

const ZH: PlanLabels = {
  sheetNames: SHEETS_ZH,
  titles: {
    stars: "产业集聚区星级评定结果",
    ranking: "产业集聚区综合考评排名",
    byCity: "产业集聚区分市排名",
    awards: "产业集聚区表彰名单",
    promotions: "产业集聚区晋级名单",
    robustness: "产业集聚区综合排名与表彰名单稳健性分析",
    details: "产业集聚区综合考评计算明细",
    profile: "产业集聚区档案（一区一档）",
    validation: "数据校验报告",
    rules: "评定规则",
    template: "产业集聚区主要指标",
    history: "产业集聚区历年评定结果",
    trend: "产业集聚区历年趋势",
    carry: "产业集聚区上年结果结转",
    targets: "产业集聚区高质量发展目标达标情况",
    nameMap: "集聚区名称对照（上年名称 → 本年名称）",
  },
  yearPrefix: (y) => (y === undefined ? "" : `${y}年度`),
  footer: "第 &P 页，共 &N 页",
  rank: "排名",
  tied: "并列",
  zone: "集聚区名称",
  city: "所属地市",
  stars: "星级",
  starCount: "星级数",
  prevStars: "上年星级",
  status: "晋级情况",
  statusNames: { promoted: "晋级", first: "首次晋星", kept: "保持", demoted: "降级", belowGate: "未达门槛", new: "新评" },
  nextLevel: "下一级",
  shortfall: "晋级差距",
  shortfallItem: (i, amount) => `${{ va: "增加值", tax: "税收", emp: "从业人员" }[i]}差 ${amount} ${UNITS[i]}`,
  shortfallJoin: "；",
  listJoin: "、",
  starLevelName: (l) => ZH_LEVEL(l),
  noStars: "无星",
  starCountsTitle: "一、各市星级集聚区数量",
  chartTitle: "各市星级集聚区数量",
  zoneCountAxis: "集聚区数（个）",
  starsListTitle: "二、各集聚区星级评定结果",
  topSection: (n) => `一、综合得分前 ${n} 名`,
  topTitle: (n) => `综合得分前 ${n} 名`,
  rankingListTitle: "二、全部集聚区综合排名",
  compositeAxis: "综合得分（分）",
  citySection: (city, n) => `${city}（${n} 个）`,
  total: "合计",
  composite: "综合得分",
  bonus: "加分",
  penalty: "扣分",
  rankChange: "名次变化",
  veto: "否决事项",
  cityRank: "市内排名",
  provinceRank: "全省排名",
  award: "奖项",
  serial: "序号",
  basis: "评选依据",
  awardBasis: (metric, figure, text, dims) => {
    switch (metric) {
      case "composite":
        return `综合得分 ${text}`;
      case "rankChange":
        return figure > 0 ? `名次上升 ${text} 位` : figure < 0 ? `名次下降 ${text.replace("-", "")} 位` : "名次持平";
      case "vaGrowth":
        return `增加值增速 ${text}%`;
      case "dimensions":
        return `${dims}得分 ${text}`;
      case "firstStar":
        return `首次晋星（${ZH_LEVEL(figure)}）`;
    }
  },
  plaque: "授牌",
  plaqueBasis: (level) => `${"★".repeat(level)} ${ZH_LEVEL(level)}`,
  prizeWan: "奖金（万元）",
  awardSection: (i, name, wan, n) => `${CN_DIGITS[i] ?? i + 1}、${name}（${n} 个，每个奖励 ${grouped(wan)} 万元）`,
  awardTieNote: "末位并列，需人工确认",
  subtotal: "小计",
  prizeTotal: (wan, yuan) => `奖金合计：${grouped(wan)} 万元（${grouped(yuan)} 元）`,
  plaqueSection: (i) => `${CN_DIGITS[i] ?? i + 1}、授牌名单`,
  plaqueGroup: (l, n) => `${CN_DIGITS[l - 1]}星级产业集聚区（${n} 个）`,
  noWinners: "（无）",
  dimension: "维度",
  indicator: "指标",
  raw: "原始值",
  unit: "单位",
  method: "计分方法",
  methodNames: { minmax: "极差法", p90cap: "P90 封顶", zscore: "标准分", target: "目标值" },
  score: "标准化得分",
  weight: "权重（分）",
  contribution: "得分贡献",
  missing: "缺失",
  severity: "级别",
  severityNames: { error: "错误", warning: "警告" },
  sheet: "工作表",
  cell: "单元格",
  issueKind: "问题类型",
  message: "说明",
  noIssues: "未发现问题。",
  indicatorNames: {
    va: "增加值",
    tax: "税收收入",
    emp: "从业人员",
    rev: "主营业务收入",
    vaPrev: "上年增加值",
    fai: "固定资产投资",
    outCap: "实际利用省外资金",
    leadShare: "主导产业增加值占比",
    landMu: "工业用地面积",
    rd: "研发经费支出",
    smart: "智能化改造普及率",
    energy: "万元工业增加值能耗",
    energyPrev: "上年万元工业增加值能耗",
    vaGrowth: "增加值增速",
    taxPerMu: "亩均税收",
    rdIntensity: "研发投入强度",
    energyDrop: "能耗降低率",
  },
  units: UNITS,
  templateNote: "（示例数据，请替换为本地数据）",
  moreItems: (n) => `…（另有 ${grouped(n)} 个未列出）`,
  moreChars: (n) => `…（另有 ${grouped(n)} 个字符未显示）`,
};

const UNITS_EN: Record<string, string> = {
  va: "100M yuan",
  tax: "100M yuan",
  emp: "10k persons",
  rev: "100M yuan",
  vaPrev: "100M yuan",
  fai: "100M yuan",
  outCap: "100M yuan",
  leadShare: "%",
  landMu: "mu",
  rd: "100M yuan",
  smart: "%",
  energy: "tce/10k yuan",
  energyPrev: "tce/10k yuan",
  vaGrowth: "%",
  taxPerMu: "10k yuan/mu",
  rdIntensity: "%",
  energyDrop: "%",
};

const EN: PlanLabels = {
  sheetNames: SHEETS_EN,
  titles: {
    stars: "Industrial cluster zones: star ratings",
    ranking: "Industrial cluster zones: composite ranking",
    byCity: "Industrial cluster zones: ranking by city",
    awards: "Industrial cluster zones: awards",
    promotions: "Industrial cluster zones: promotions",
    robustness: "Industrial cluster zones: how robust the ranking and award lists are",
    details: "Industrial cluster zones: score details",
    profile: "Industrial cluster zones: zone profiles",
    validation: "Validation report",
    rules: "Rating rules",
    template: "Industrial cluster zone indicators",
    history: "Industrial cluster zones: ratings over the years",
    trend: "Industrial cluster zones: trend over the years",
    carry: "Industrial cluster zones: last year carried forward",
    targets: "Industrial cluster zones: targets met",
    nameMap: "Zone names: last year's name → this year's name",
  },
  yearPrefix: (y) => (y === undefined ? "" : `${y} `),
  footer: "Page &P of &N",
  rank: "Rank",
  tied: "Tied",
  zone: "Zone",
  city: "City",
  stars: "Stars",
  starCount: "Star level",
  prevStars: "Last year",
  status: "Status",
  statusNames: { promoted: "Promoted", first: "First star", kept: "Kept", demoted: "Demoted", belowGate: "Below gate", new: "New" },
  nextLevel: "Next level",
  shortfall: "Shortfall",
  shortfallItem: (i, amount) => `${{ va: "value added", tax: "tax", emp: "employment" }[i]} short by ${amount} ${UNITS_EN[i]}`,
  shortfallJoin: "; ",
  listJoin: ", ",
  starLevelName: (l) => (l === 0 ? "No star" : `${l}-star`),
  noStars: "No star",
  starCountsTitle: "1. Star-rated zones by city",
  chartTitle: "Star-rated zones by city",
  zoneCountAxis: "Zones",
  starsListTitle: "2. Each zone's star rating",
  topSection: (n) => `1. The top ${n} by composite`,
  topTitle: (n) => `The top ${n} by composite`,
  rankingListTitle: "2. Every zone's composite rank",
  compositeAxis: "Composite (points)",
  citySection: (city, n) => `${city} (${n})`,
  total: "Total",
  composite: "Composite",
  bonus: "Bonus",
  penalty: "Penalty",
  rankChange: "Rank change",
  veto: "Veto",
  cityRank: "City rank",
  provinceRank: "Province rank",
  award: "Award",
  serial: "No.",
  basis: "Basis",
  awardBasis: (metric, figure, text, dims) => {
    switch (metric) {
      case "composite":
        return `Composite ${text}`;
      case "rankChange":
        return figure > 0 ? `Up ${text} place${figure === 1 ? "" : "s"}` : figure < 0 ? `Down ${text.replace("-", "")} place${figure === -1 ? "" : "s"}` : "Rank unchanged";
      case "vaGrowth":
        return `Value-added growth ${text} %`;
      case "dimensions":
        return `${dims} points ${text}`;
      case "firstStar":
        return `First star (${figure}-star)`;
    }
  },
  plaque: "Plaque",
  plaqueBasis: (level) => `${"★".repeat(level)} ${level}-star`,
  prizeWan: "Prize (10k yuan)",
  awardSection: (i, name, wan, n) => `${i + 1}. ${name} (${n}, ${grouped(wan)} × 10k yuan each)`,
  awardTieNote: "Tie at last place: confirm by hand",
  subtotal: "Subtotal",
  prizeTotal: (wan, yuan) => `Prize total: ${grouped(wan)} × 10k yuan (${grouped(yuan)} yuan)`,
  plaqueSection: (i) => `${i + 1}. Plaques`,
  plaqueGroup: (l, n) => `${l}-star zones (${n})`,
  noWinners: "(none)",
  dimension: "Dimension",
  indicator: "Indicator",
  raw: "Raw value",
  unit: "Unit",
  method: "Method",
  methodNames: { minmax: "min–max", p90cap: "P90 capped", zscore: "z-score", target: "target" },
  score: "Normalised score",
  weight: "Weight (points)",
  contribution: "Contribution",
  missing: "missing",
  severity: "Severity",
  severityNames: { error: "Error", warning: "Warning" },
  sheet: "Sheet",
  cell: "Cell",
  issueKind: "Kind",
  message: "Message",
  noIssues: "No problems found.",
  indicatorNames: {
    va: "Value added",
    tax: "Tax",
    emp: "Employment",
    rev: "Revenue",
    vaPrev: "Value added last year",
    fai: "Fixed-asset investment",
    outCap: "Outside capital",
    leadShare: "Lead industry share",
    landMu: "Industrial land",
    rd: "R&D spending",
    smart: "Smart-upgrade rate",
    energy: "Energy intensity",
    energyPrev: "Energy intensity last year",
    vaGrowth: "Value-added growth",
    taxPerMu: "Tax per mu",
    rdIntensity: "R&D intensity",
    energyDrop: "Energy intensity drop",
  },
  units: UNITS_EN,
  templateNote: " (example rows: replace them with your own data)",
  moreItems: (n) => `… (${grouped(n)} more not shown)`,
  moreChars: (n) => `… (${grouped(n)} more characters not shown)`,
};

/** Names of sheets an earlier version wrote: the readers still know them ("History" is a name Excel reserves). */
const LEGACY_SHEET_NAMES: Partial<Record<SheetKind, readonly string[]>> = { history: ["History"] };

/** Whether a sheet's name is the name of a kind of sheet, in either language or as an earlier version named it. */
export function isSheetNamed(name: string, kind: SheetKind): boolean {
  return [SHEETS_ZH[kind], SHEETS_EN[kind], ...(LEGACY_SHEET_NAMES[kind] ?? [])].some((n) => sameWord(name, { zh: n, en: n }));
}

/** A sheet's title, after the assessment year where known. */
export function sheetTitle(l: PlanLabels, kind: SheetKind, year: number | undefined): string {
  return `${l.yearPrefix(year)}${l.titles[kind]}`;
}

export function planLabels(locale: Locale): PlanLabels {
  return locale === "en-US" ? EN : ZH;
}

/** "★★★" for 3 stars, the no-star word for 0. */
export function starText(stars: number, l: PlanLabels): string {
  return stars > 0 ? "★".repeat(stars) : l.noStars;
}

export function shortfallText(z: Pick<ZoneResult, "nextStar">, l: PlanLabels): string {
  if (!z.nextStar) return "";
  const parts = STAR_INDICATORS.filter((k: StarIndicator) => z.nextStar!.shortfall[k] > 0).map((k) => l.shortfallItem(k, formatQuantity(z.nextStar!.shortfall[k], "amount")));
  return parts.join(l.shortfallJoin);
}

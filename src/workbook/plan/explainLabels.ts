// Words of the two explaining sheets, in zh-CN and en-US: 计算明细's references and its check, and
// the zone page (集聚区档案), which the task pane shows too.
import type { AwardList, NormMethod } from "../../engine/types";
import type { AwardStatus } from "../../engine/explain";
import type { Locale } from "../../i18n/locale";
import { grouped } from "./labels";

export interface ExplainLabels {
  // 计算明细
  referenceSection: string;
  formulaText: string;
  zonesWithValue: string;
  direction: string;
  directions: { higher: string; lower: string };
  referenceItems: string;
  reference1: string;
  reference2: string;
  missingScore: string;
  recomputed: string;
  difference: string;
  checkRow: string;
  /** The check row when the table is too long for a formula on every row. */
  checkOmitted(rows: number, limit: number): string;
  checkOk: string;
  checkBad: string;
  /** Names of the references a method used, e.g. "最小值 / 最大值". */
  referenceNames: (method: NormMethod, lowerIsBetter: boolean) => string;
  /** The method as a formula in words, x the raw value. */
  methodFormula: (method: NormMethod, lowerIsBetter: boolean) => string;

  // 集聚区档案
  picker: string;
  pickerHint: string;
  pickerError: string;
  /** Said above the pages when the run has more zones than pages are printed for. */
  pagesCapped(shown: number, total: number): string;
  dataBlock: string;
  /** "郑州航空港区（郑州市）" */
  heading: (zone: string, city: string) => string;
  sections: { stars: string; ranking: string; dimensions: string; indicators: string; awards: string; veto: string };
  nextLevel: string;
  noNextLevel: string;
  composite: string;
  provinceRank: string;
  cityRank: string;
  rankChange: string;
  cityRankChange: string;
  /** "第 3 名（并列，共 180 个）" */
  rankOf: (rank: number, of: number, tied: boolean) => string;
  /** "↑2（上年第 5 名）"; null: no prevRank. */
  changeText: (change: number | null, prev: number | null) => string;
  dimensionPoints: string;
  maxPoints: string;
  median: string;
  /** "十强平均" or, without an award by composite, "前 10 名平均". */
  leadersMean: (award: string | null, count: number) => string;
  vsMedian: string;
  category: string;
  strong: string;
  weak: string;
  indicatorRank: string;
  /** "第 3 / 180 名（并列）" */
  indicatorRankOf: (rank: number, of: number, tied: boolean) => string;
  /** One indicator in a sentence (the task pane): name, raw value, score, rank. */
  standingLine: (indicator: string, raw: string, score: string, rank: string) => string;
  awardsWon: string;
  noAward: string;
  /** Why the zone has or lacks an award; `nearest` marks the one it missed by the fewest places. */
  awardReason: (status: AwardStatus, award: string, metricUsed: AwardList["metricUsed"], nearest: boolean, earlierName: string) => string;
  veto: string;
  noVeto: string;
  bonus: string;
  penalty: string;
  note: (zoneCount: number) => string;
}

/** A gap in the award metric's unit, two decimals for points and percentages. */
function gapText(metricUsed: AwardList["metricUsed"], gap: number, zh: boolean): string {
  switch (metricUsed) {
    case "rankChange":
      return zh ? `${gap} 个名次` : `${gap} place${gap === 1 ? "" : "s"}`;
    case "vaGrowth":
      return zh ? `${gap.toFixed(2)} 个百分点` : `${gap.toFixed(2)} percentage points`;
    case "firstStar":
      return zh ? `${gap} 级` : `${gap} level${gap === 1 ? "" : "s"}`;
    default:
      return zh ? `${gap.toFixed(2)} 分` : `${gap.toFixed(2)} points`;
  }
}

const REFERENCES_ZH: Record<NormMethod, [string, string]> = {
  minmax: ["最小值 / 最大值", "最小值 / 最大值"],
  p90cap: ["P90", "P10"],
  zscore: ["均值 / 标准差", "均值 / 标准差"],
  target: ["目标值", "目标值"],
};

const REFERENCES_EN: Record<NormMethod, [string, string]> = {
  minmax: ["min / max", "min / max"],
  p90cap: ["P90", "P10"],
  zscore: ["mean / SD", "mean / SD"],
  target: ["target", "target"],
};

const FORMULAS_ZH: Record<NormMethod, [string, string]> = {
  minmax: ["(x−最小值)÷(最大值−最小值)×100；全部相同得 100", "(最大值−x)÷(最大值−最小值)×100；全部相同得 100"],
  p90cap: ["x÷P90×100，最高 100", "P10÷x×100，最高 100"],
  zscore: ["50+10×(x−均值)÷标准差，限 0–100", "50−10×(x−均值)÷标准差，限 0–100"],
  target: ["x÷目标值×100，最高 100", "目标值÷x×100，最高 100"],
};

const FORMULAS_EN: Record<NormMethod, [string, string]> = {
  minmax: ["(x − min) ÷ (max − min) × 100; 100 when all equal", "(max − x) ÷ (max − min) × 100; 100 when all equal"],
  p90cap: ["x ÷ P90 × 100, at most 100", "P10 ÷ x × 100, at most 100"],
  zscore: ["50 + 10 × (x − mean) ÷ SD, within 0–100", "50 − 10 × (x − mean) ÷ SD, within 0–100"],
  target: ["x ÷ target × 100, at most 100", "target ÷ x × 100, at most 100"],
};

const ZH: ExplainLabels = {
  referenceSection: "计分参照（每项指标一次）：标准化得分按下列公式由原始值 x 和参照值算出，得分贡献＝标准化得分÷100×权重；下方每行的参照值取自此表",
  formulaText: "计分公式",
  zonesWithValue: "参评数",
  direction: "方向",
  directions: { higher: "越高越好", lower: "越低越好" },
  referenceItems: "参照项",
  reference1: "参照值一",
  reference2: "参照值二",
  missingScore: "缺失得分",
  recomputed: "公式复算",
  difference: "差异",
  checkRow: "复算核对：“公式复算”用 Excel 公式由原始值、参照值和权重重算每行的得分贡献，“差异”＝公式复算－得分贡献；右侧为差异绝对值合计与结论",
  checkOmitted: (rows, limit) => `复算核对：本表共 ${grouped(rows)} 行明细，超过 ${grouped(limit)} 行时不逐行写入复算公式（文件过大、Excel 打开过慢）；每行的参照值仍在右侧，可按上方公式逐行核算`,
  checkOk: "一致",
  checkBad: "有差异",
  referenceNames: (m, lower) => REFERENCES_ZH[m][lower ? 1 : 0],
  methodFormula: (m, lower) => FORMULAS_ZH[m][lower ? 1 : 0],

  picker: "选择集聚区",
  pickerHint: "在左侧黄色单元格的下拉列表中选择",
  pickerError: "请从下拉列表中选择集聚区名称。",
  pagesCapped: (shown, total) => `本次共评定 ${grouped(total)} 个集聚区，此处按综合排名列出前 ${grouped(shown)} 个的档案；其余集聚区的档案请在任务窗格中点选查看。`,
  dataBlock: "本页公式查找的数据（请勿修改）",
  heading: (zone, city) => `${zone}（${city}）`,
  sections: { stars: "一、星级评定", ranking: "二、综合排名", dimensions: "三、分项得分", indicators: "四、优势与弱项指标", awards: "五、表彰情况", veto: "六、否决事项与加扣分" },
  nextLevel: "下一星级",
  noNextLevel: "已是最高星级",
  composite: "综合得分",
  provinceRank: "全省排名",
  cityRank: "市内排名",
  rankChange: "名次变化",
  cityRankChange: "市内名次变化",
  rankOf: (rank, of, tied) => `第 ${rank} 名（${tied ? "并列，" : ""}共 ${of} 个）`,
  changeText: (change, prev) => (change === null || prev === null ? "无上年排名" : `${change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : "持平"}（上年第 ${prev} 名）`),
  dimensionPoints: "本区得分",
  maxPoints: "满分",
  median: "全省中位数",
  leadersMean: (award, count) => (award === null ? `前 ${count} 名平均` : `${award}平均`),
  vsMedian: "与中位数差",
  category: "类别",
  strong: "优势",
  weak: "弱项",
  indicatorRank: "全省排名",
  indicatorRankOf: (rank, of, tied) => `第 ${rank} / ${of} 名${tied ? "（并列）" : ""}`,
  standingLine: (indicator, raw, score, rank) => `${indicator}：${raw}，得分 ${score}，${rank}`,
  awardsWon: "获得表彰",
  noAward: "未获表彰",
  awardReason: (s, award, metricUsed, nearest, earlier) => {
    const mark = nearest ? "（最接近）" : "";
    switch (s.kind) {
      case "won":
        return `获${award}`;
      case "vetoed":
        return "有否决事项，不参评";
      case "belowGate":
        return "未达门槛，不参评";
      case "titled":
        return `已获${earlier}（每区限一项）`;
      case "notFirstStar":
        return "本年未首次晋星";
      case "noMetric":
        return metricUsed === "rankChange" ? "无上年排名，不参评" : "缺少评选依据，不参评";
      case "noWinners":
        return "本项无获奖集聚区";
      case "behind":
        return s.gap > 0
          ? `排第 ${s.place} 位，距${award}第 ${s.lastPlace} 名差 ${gapText(metricUsed, s.gap, true)}${mark}`
          : `与${award}第 ${s.lastPlace} 名同分，按综合得分、增加值、税收依次比较排在其后${mark}`;
    }
  },
  veto: "否决事项",
  noVeto: "无",
  bonus: "加分（封顶后）",
  penalty: "扣分",
  note: (n) => `注：分项得分为计入综合得分的分数；中位数取全省 ${n} 个集聚区；指标排名按标准化得分排序，同分并列。`,
};

const EN: ExplainLabels = {
  referenceSection:
    "Scoring references (once per indicator): the normalised score comes from the raw value x and the references by the formula below; contribution = score ÷ 100 × weight. Each row below repeats its indicator's references",
  formulaText: "Formula",
  zonesWithValue: "Zones with value",
  direction: "Direction",
  directions: { higher: "higher is better", lower: "lower is better" },
  referenceItems: "References",
  reference1: "Reference 1",
  reference2: "Reference 2",
  missingScore: "Score if missing",
  recomputed: "Recomputed",
  difference: "Difference",
  checkRow: "Check: \"Recomputed\" redoes each row's contribution with an Excel formula from the raw value, references and weight; \"Difference\" = recomputed − contribution. Right: total absolute difference and verdict",
  checkOmitted: (rows, limit) => `Check: this table has ${grouped(rows)} rows; past ${grouped(limit)} rows no recomputing formula is written on each row (the file would be too large and slow to open). Each row still carries its references, to check by the formulas above`,
  checkOk: "Match",
  checkBad: "Differs",
  referenceNames: (m, lower) => REFERENCES_EN[m][lower ? 1 : 0],
  methodFormula: (m, lower) => FORMULAS_EN[m][lower ? 1 : 0],

  picker: "Zone",
  pickerHint: "Pick from the yellow cell's drop-down",
  pickerError: "Pick a zone name from the drop-down list.",
  pagesCapped: (shown, total) => `This run rated ${grouped(total)} zones; the profiles of the first ${grouped(shown)} by composite rank are printed here. See any other zone's profile by clicking it in the task pane.`,
  dataBlock: "Data this page's formulas look up (do not edit)",
  heading: (zone, city) => `${zone} (${city})`,
  sections: { stars: "1. Star rating", ranking: "2. Ranking", dimensions: "3. Dimension points", indicators: "4. Strongest and weakest indicators", awards: "5. Awards", veto: "6. Veto, bonus and penalty" },
  nextLevel: "Next level",
  noNextLevel: "Highest level reached",
  composite: "Composite",
  provinceRank: "Province rank",
  cityRank: "City rank",
  rankChange: "Rank change",
  cityRankChange: "City rank change",
  rankOf: (rank, of, tied) => `${rank} of ${of}${tied ? " (tied)" : ""}`,
  changeText: (change, prev) => (change === null || prev === null ? "no rank last year" : `${change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : "unchanged"} (last year ${prev})`),
  dimensionPoints: "Points",
  maxPoints: "Maximum",
  median: "Province median",
  leadersMean: (award, count) => (award === null ? `Top ${count} mean` : `${award} mean`),
  vsMedian: "vs median",
  category: "Kind",
  strong: "Strong",
  weak: "Weak",
  indicatorRank: "Province rank",
  indicatorRankOf: (rank, of, tied) => `${rank} of ${of}${tied ? " (tied)" : ""}`,
  standingLine: (indicator, raw, score, rank) => `${indicator}: ${raw}, score ${score}, rank ${rank}`,
  awardsWon: "Awards won",
  noAward: "none",
  awardReason: (s, award, metricUsed, nearest, earlier) => {
    const mark = nearest ? " (nearest)" : "";
    switch (s.kind) {
      case "won":
        return `Won ${award}`;
      case "vetoed":
        return "Vetoed: not eligible";
      case "belowGate":
        return "Below the gate: not eligible";
      case "titled":
        return `Already won ${earlier} (one title per zone)`;
      case "notFirstStar":
        return "No first-time star this year";
      case "noMetric":
        return metricUsed === "rankChange" ? "No rank last year: not eligible" : "No figure to rank by: not eligible";
      case "noWinners":
        return "No zone won this award";
      case "behind":
        return s.gap > 0
          ? `Placed ${s.place}, ${gapText(metricUsed, s.gap, false)} short of ${award} place ${s.lastPlace}${mark}`
          : `Level with ${award} place ${s.lastPlace}, behind it on composite, value added and tax${mark}`;
    }
  },
  veto: "Veto",
  noVeto: "none",
  bonus: "Bonus (capped)",
  penalty: "Penalty",
  note: (n) => `Points are what each dimension adds to the composite; medians over all ${n} zones; indicator ranks by normalised score, ties shared.`,
};

export function explainLabels(locale: Locale): ExplainLabels {
  return locale === "en-US" ? EN : ZH;
}

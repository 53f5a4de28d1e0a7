// The display names of the indicators, raw and derived, in both report languages: the words the
// template writes as headers (the reader accepts them first) and every message uses.
import type { DerivedIndicatorKey, RawIndicatorKey } from "../engine/types";

type Names = { zh: string; en: string };

export const INDICATOR_NAMES: Readonly<Record<RawIndicatorKey | DerivedIndicatorKey, Names>> = {
  va: { zh: "增加值", en: "ValueAdded" },
  tax: { zh: "税收收入", en: "Tax" },
  emp: { zh: "从业人员", en: "Employment" },
  rev: { zh: "主营业务收入", en: "Revenue" },
  vaPrev: { zh: "上年增加值", en: "ValueAddedPrev" },
  fai: { zh: "固定资产投资", en: "Investment" },
  outCap: { zh: "实际利用省外资金", en: "OutsideCapital" },
  leadShare: { zh: "主导产业增加值占比", en: "LeadIndustryShare" },
  landMu: { zh: "工业用地面积", en: "IndustrialLandMu" },
  rd: { zh: "研发经费支出", en: "RnD" },
  smart: { zh: "智能化改造普及率", en: "SmartRate" },
  energy: { zh: "万元工业增加值能耗", en: "EnergyIntensity" },
  energyPrev: { zh: "上年万元工业增加值能耗", en: "EnergyIntensityPrev" },
  vaGrowth: { zh: "增加值增速", en: "ValueAddedGrowth" },
  taxPerMu: { zh: "亩均税收", en: "TaxPerMu" },
  rdIntensity: { zh: "研发投入强度", en: "RnDIntensity" },
  energyDrop: { zh: "能耗下降率", en: "EnergyIntensityDrop" },
};

/** The display name of an indicator key (raw or derived) in the report language; the key itself when unknown. */
export function indicatorLabel(key: string, lang: "zh" | "en"): string {
  return Object.prototype.hasOwnProperty.call(INDICATOR_NAMES, key) ? INDICATOR_NAMES[key as RawIndicatorKey][lang] : key;
}

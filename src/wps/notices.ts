// What the WPS host tells the user of the steps WPS did not take, in the report language. Each of
// these steps is optional: the results are written without it, and the notice says what to do.
import type { Locale } from "../i18n/locale";

export type SkippedStep = "numberFormats" | "freezePanes" | "printSetup" | "charts" | "validation" | "picker";

const TEXT: Record<SkippedStep, { zh: string; en: string }> = {
  numberFormats: {
    zh: "此版本 WPS 未接受部分数字格式：结果表中的数值照常写入，但小数位数或百分号可能与 Excel 中不同。",
    en: "This version of WPS refused some number formats: the figures are written, but their decimals or percent signs may look different from Excel.",
  },
  freezePanes: {
    zh: "此版本 WPS 未能由加载项冻结窗格，结果表的表头行不会固定；可在“视图 → 冻结窗格”中手动设置。",
    en: "This version of WPS could not freeze panes from the add-in: the header rows of the result sheets scroll with the data (View → Freeze Panes sets them by hand).",
  },
  printSetup: {
    zh: "此版本 WPS 未能由加载项设置打印格式：打印前请手动设置 A4 纸、打印标题行、缩放为一页宽和页脚。",
    en: "This version of WPS could not set up printing from the add-in: set A4, print titles, fit to one page wide and the footer by hand before printing.",
  },
  charts: {
    zh: "此版本 WPS 未能由加载项插入图表：图表的数据表已写入，可选中后手动插入图表。",
    en: "This version of WPS could not insert charts from the add-in: the tables they draw are written; select one and insert a chart by hand.",
  },
  validation: {
    zh: "此版本 WPS 未能由加载项设置数据有效性，模板未设输入检查。",
    en: "This version of WPS could not add entry checks from the add-in: the template has none.",
  },
  picker: {
    zh: "此版本 WPS 未能由加载项设置下拉列表：请在“集聚区档案”表的黄色单元格中直接输入集聚区名称。",
    en: "This version of WPS could not add drop-down lists from the add-in: on the zone profile sheet, type a zone's name into the yellow cell.",
  },
};

export function skippedNotice(step: SkippedStep, locale: Locale): string {
  return locale === "en-US" ? TEXT[step].en : TEXT[step].zh;
}

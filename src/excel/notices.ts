// What the Office host tells the user of what this Excel cannot do, in the report language.
import type { Locale } from "../i18n/locale";

export const NOTICES = {
  noPrintSetup: (locale: Locale): string =>
    locale === "en-US"
      ? "This version of Excel does not support page setup from add-ins (ExcelApi 1.9): set A4, print titles and the footer by hand before printing."
      : "当前 Excel 版本不支持由加载项设置打印格式（需 ExcelApi 1.9）：打印前请手动设置 A4 纸、打印标题行和页脚。",
  noFreezePanes: (locale: Locale): string =>
    locale === "en-US"
      ? "This version of Excel cannot freeze panes from add-ins (ExcelApi 1.7): the header rows of the result sheets scroll with the data."
      : "当前 Excel 版本不支持由加载项冻结窗格（需 ExcelApi 1.7），结果表的表头行不会固定。",
  noValidation: (locale: Locale): string =>
    locale === "en-US" ? "This version of Excel cannot add entry checks (ExcelApi 1.8): the template has none." : "当前 Excel 版本不支持数据有效性设置（需 ExcelApi 1.8），模板未设输入检查。",
  noPicker: (locale: Locale): string =>
    locale === "en-US"
      ? "This version of Excel cannot add drop-down lists (ExcelApi 1.8): on the zone profile sheet, type a zone's name into the yellow cell."
      : "当前 Excel 版本不支持下拉列表（需 ExcelApi 1.8）：请在“集聚区档案”表的黄色单元格中直接输入集聚区名称。",
};

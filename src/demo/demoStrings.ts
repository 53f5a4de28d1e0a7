import type { Locale } from "../i18n/locale";

export interface DemoStrings {
  banner: string;
  switchLanguage: string;
  workbookLabel: string;
  paneLabel: string;
  tabsLabel: string;
  emptyWorkbook: string;
  gridLabel: (sheet: string) => string;
  editLabel: (cell: string) => string;
}

const BUNDLES: Record<Locale, DemoStrings> = {
  "zh-CN": {
    banner: "演示：右侧是真实的任务窗格，左侧是浏览器内的模拟工作簿（示例数据）。双击单元格可修改。",
    switchLanguage: "English",
    workbookLabel: "模拟工作簿",
    paneLabel: "任务窗格",
    tabsLabel: "工作表",
    emptyWorkbook: "工作簿为空。",
    gridLabel: (sheet) => `工作表 ${sheet}`,
    editLabel: (cell) => `编辑 ${cell}`,
  },
  "en-US": {
    banner: "Demo: the real task pane on the right, an in-browser fake workbook (sample data) on the left. Double-click a cell to edit it.",
    switchLanguage: "中文",
    workbookLabel: "Fake workbook",
    paneLabel: "Task pane",
    tabsLabel: "Sheets",
    emptyWorkbook: "The workbook is empty.",
    gridLabel: (sheet) => `Sheet ${sheet}`,
    editLabel: (cell) => `Edit ${cell}`,
  },
};

export function demoStrings(locale: Locale): DemoStrings {
  return BUNDLES[locale];
}

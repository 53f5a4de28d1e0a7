// What every host tells the user about a run, in the report language.
import type { Locale } from "../i18n/locale";

export const HOST_NOTICES = {
  renamed: (locale: Locale, wanted: string, used: string): string =>
    locale === "en-US"
      ? `A sheet of yours is already named "${wanted}"; it was left untouched and the result went to "${used}".`
      : `工作簿中已有用户自己的工作表“${wanted}”，未作改动；结果写入“${used}”。`,
  progressRead: (locale: Locale): string => (locale === "en-US" ? "Reading the workbook" : "正在读取工作簿"),
  progressRate: (locale: Locale): string => (locale === "en-US" ? "Rating" : "正在评定"),
  progressWrite: (locale: Locale): string => (locale === "en-US" ? "Writing result sheets" : "正在写入结果表"),
  progressDone: (locale: Locale): string => (locale === "en-US" ? "Done" : "完成"),
};

/** Report and UI language. zh-CN is the default; en-US when Office runs in English. */
export type Locale = "zh-CN" | "en-US";

export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Maps an Office display language tag (e.g. "en-GB", "zh-CN", "zh-TW") to a supported locale. */
export function localeFromOfficeLanguage(tag: string | undefined | null): Locale {
  return tag && /^en\b/i.test(tag.trim()) ? "en-US" : DEFAULT_LOCALE;
}

import type { Locale } from "../i18n/locale";

/** Grouped integer or decimal, as the user's language writes it (5,000,000). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

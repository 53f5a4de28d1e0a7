import type { Locale } from "../i18n/locale";

// A formatter takes far longer to make than to use, and the pane formats thousands of figures.
const formatters = new Map<string, Intl.NumberFormat>();

/** Grouped integer or decimal, as the user's language writes it (5,000,000). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  const key = `${locale} ${maximumFractionDigits}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return format.format(value);
}

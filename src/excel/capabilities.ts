// What this Excel can do beyond the manifest's minimum (ExcelApi 1.2), asked once per host. Each
// flag is the only way the code reaches the members of its set, and `npm run api-sets` checks
// that: every use of a member above the minimum sits under one of these flags (or its own
// isSetSupported call), and each flag says what the add-in does without it (@fallback).

/** Answers like Office.context.requirements.isSetSupported. */
export type IsSetSupported = (set: string, version: string) => boolean;

export interface Capabilities {
  /**
   * ExcelApi 1.4: the *OrNullObject lookups, so the registry sheet is read with the sheet list and
   * each sheet's first cells come back with its size.
   * @fallback the registry sheet is found in the sheet list and read with the sheet sizes, and cell values come one request later
   */
  nullObjects: boolean;
  /**
   * ExcelApi 1.7: frozen header rows and columns.
   * @fallback header rows are not frozen; a notice says so
   */
  freezePanes: boolean;
  /**
   * ExcelApi 1.7: worksheet events (each sheet's onChanged, the sheet list's onAdded and
   * onDeleted), by which the pane notices edits and can recompute after them.
   * @fallback the pane does not notice edits: results are recomputed on request only, and the pane says so
   */
  sheetEvents: boolean;
  /**
   * ExcelApi 1.7: a chart's category order, so bar charts read top to bottom as their table does.
   * @fallback bar charts list their categories bottom to top
   */
  chartAxisOrder: boolean;
  /**
   * ExcelApi 1.8: entry checks in the template sheet.
   * @fallback the template has no entry checks; a notice says so
   */
  dataValidation: boolean;
  /**
   * ExcelApi 1.9: page layout (A4, print titles, fit to width, footer).
   * @fallback print setup is skipped; a notice asks the user to set it by hand
   */
  printSetup: boolean;
  /**
   * ExcelApi 1.12: worksheet custom properties, the add-in's marker on each of its sheets.
   * @fallback the add-in's sheets are recognised by the very hidden registry sheet alone
   */
  customProperties: boolean;
}

export function capabilities(isSetSupported: IsSetSupported): Capabilities {
  return {
    nullObjects: isSetSupported("ExcelApi", "1.4"),
    freezePanes: isSetSupported("ExcelApi", "1.7"),
    sheetEvents: isSetSupported("ExcelApi", "1.7"),
    chartAxisOrder: isSetSupported("ExcelApi", "1.7"),
    dataValidation: isSetSupported("ExcelApi", "1.8"),
    printSetup: isSetSupported("ExcelApi", "1.9"),
    customProperties: isSetSupported("ExcelApi", "1.12"),
  };
}

/**
 * Excel on the web refuses a request or response over 5 MB (RichApi.Error); the budgets below it
 * leave room for the operations around the data.
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
export const RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;

/** Bytes a string takes on the wire (UTF-8): a Chinese character is three, not one. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

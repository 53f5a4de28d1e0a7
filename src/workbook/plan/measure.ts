// How much room text takes on a sheet: the one estimate every plan sizes its columns, rows and
// pages by. Spreadsheet programs do not all fit rows to wrapped text on opening (LibreOffice and
// WPS keep the file's heights), so the plans carry heights worked out here.
//
// Units are Excel's: a column is `width` characters of the default font's digit (Calibri 11 pt,
// 7 px at 96 dpi, 5.25 pt), a row is `height` points. The estimate is Excel's, the tightest of the
// three programs: a CJK glyph at 11 pt is 1 em = 14.67 px ≈ 2.1 digits there (LibreOffice's digit
// is wider, WPS's 宋体 digit is half an em), so text sized here fits in all three.

/** The font size of cells that set none (Calibri 11, the workbook's default). */
export const DEFAULT_FONT_SIZE = 11;
/** Excel's height of a row of the default font, which every program gives a row the file leaves alone. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Points per line of wrapped text for each point of font size: the CJK fonts' ascent and descent (Noto Sans CJK's 1.45 em is the tallest). */
const LINE_PITCH = 1.45;
/** Room above and below the text of a row, in points. */
const ROW_PADDING = 3;
/** The padding inside a column, in digits (Excel's 5 px, rounded up). */
const COLUMN_PADDING = 0.8;
/** Points per digit of column width (7 px at 96 dpi). */
const POINTS_PER_DIGIT = 5.25;

const WIDE = 2.1;
/** Bold glyphs are wider than regular ones, Latin ones by up to a tenth. */
const BOLD = 1.1;

/** Width of one character at 11 pt, in digits of the default font. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x2e80) return WIDE;
  if (cp < 0x80) {
    if (ch === " " || /[il.,:;'!|`]/.test(ch)) return 0.5;
    if (/[fjrt()[\]{}\-"/\\]/.test(ch)) return 0.7;
    if (/[MW@%&mw]/.test(ch)) return 1.5;
    if (/[A-Z#$+<=>?^_~*]/.test(ch)) return 1.25;
    return 1;
  }
  // Arrows (↑↓→) and general punctuation (— … “”) sit between a digit and a CJK glyph in every font used.
  if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2190 && cp <= 0x21ff)) return 1.5;
  // CJK ideographs and punctuation, kana, hangul, full-width forms, symbols drawn from CJK fonts (★, ①): a whole em.
  if (cp >= 0x1100) return WIDE;
  // Latin with accents, Greek, Cyrillic.
  return 1.15;
}

/** Width of text on one line, in digits, at the font size. */
export function textWidth(text: string, fontSize = DEFAULT_FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return (w * fontSize) / DEFAULT_FONT_SIZE;
}

/** Characters that never start a line (Chinese line-breaking rules): they stay with the character before. */
const NO_LINE_START = /[，。、；：？！）》」』】〕…—,.;:?!)\]}%％]/;

/** A CJK character: a line may break before or after it. */
function breaksAround(ch: string): boolean {
  return ch.codePointAt(0)! >= 0x2e80;
}

/** The pieces a line may break between: a CJK character, or a word with its trailing spaces. */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of paragraph) {
    if (NO_LINE_START.test(ch) && (word !== "" || out.length > 0)) {
      if (word !== "") word += ch;
      else out[out.length - 1] += ch;
      continue;
    }
    if (breaksAround(ch)) {
      if (word !== "") out.push(word);
      word = "";
      out.push(ch);
    } else if (ch === " ") {
      word += ch;
      out.push(word);
      word = "";
    } else {
      word += ch;
    }
  }
  if (word !== "") out.push(word);
  return out;
}

/** Lines one paragraph takes in `room` digits (at 11 pt regular): greedy, as the programs wrap; a piece wider than a line is cut anywhere. */
function paragraphLines(paragraph: string, room: number, fontSize: number): number {
  let lines = 1;
  let used = 0;
  for (const token of tokens(paragraph)) {
    const w = textWidth(token.trimEnd(), fontSize);
    if (used > 0 && used + w > room) {
      lines++;
      used = 0;
    }
    if (w > room) {
      for (const ch of token) {
        const c = textWidth(ch, fontSize);
        if (used > 0 && used + c > room) {
          lines++;
          used = 0;
        }
        used += c;
      }
    } else {
      used += textWidth(token, fontSize);
    }
  }
  return lines;
}

/** Lines the text takes when wrapped in a column (or merged span) `width` digits wide; line breaks in the text count. */
export function wrappedLines(text: string, width: number, fontSize = DEFAULT_FONT_SIZE, bold = false): number {
  const room = Math.max(1, width - COLUMN_PADDING) / (bold ? BOLD : 1);
  return text.split("\n").reduce((n, p) => n + paragraphLines(p, room, fontSize), 0);
}

/** The column width (digits) that holds the text's widest word, so wrapping never breaks a word (bold: a header). */
export function widthForWords(text: string, bold = false): number {
  const widest = Math.max(0, ...text.split("\n").flatMap((p) => tokens(p)).map((t) => textWidth(t.trimEnd())));
  return Math.ceil(widest * (bold ? BOLD : 1) + COLUMN_PADDING);
}

/** The column width (digits) that holds the text on one line. */
export function widthFor(text: string, fontSize = DEFAULT_FONT_SIZE): number {
  const widest = text.includes("\n") ? Math.max(0, ...text.split("\n").map((p) => textWidth(p, fontSize))) : textWidth(text, fontSize);
  return Math.ceil(widest + COLUMN_PADDING);
}

/** Height in points of a row holding `lines` lines at the font size; never below a default row. */
export function rowHeight(lines: number, fontSize = DEFAULT_FONT_SIZE): number {
  if (lines <= 1 && fontSize <= DEFAULT_FONT_SIZE) return DEFAULT_ROW_HEIGHT;
  return Math.min(MAX_ROW_HEIGHT, Math.max(DEFAULT_ROW_HEIGHT, Math.ceil(lines * fontSize * LINE_PITCH + ROW_PADDING)));
}

/**
 * Excel's tallest row, in points (Excel specifications and limits: "Row height: 409 points"); Excel
 * refuses a taller one, so a longer text shows its first lines and the rest in the cell.
 */
export const MAX_ROW_HEIGHT = 409;

/** Printed width in points of columns of these widths (digits), before any fit-to-page scaling. */
export function columnsPoints(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w * POINTS_PER_DIGIT, 0);
}

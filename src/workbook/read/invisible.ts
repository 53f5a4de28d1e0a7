// Characters that show as nothing. Text copied from web pages, chat tools and PDFs brings them
// along: a zero-width space, a byte order mark, a word joiner, a direction mark. A name that holds
// one looks like the same name without it, so every comparison and every required text cell reads
// the text without them (a name made only of them is a blank name).

/**
 * Unicode's format characters (Cf: zero-width space and joiners, BOM, word joiner, direction
 * marks, tags), the other default-ignorable code points (variation selectors, Hangul fillers, the
 * Mongolian vowel separator), and the blank Braille pattern, which fonts draw as a space.
 */
const CLASS = "[\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u2800]";
const ANY = new RegExp(CLASS, "u");
const ALL = new RegExp(CLASS, "gu");
const ONE = new RegExp(`^${CLASS}$`, "u");

/** The text without its invisible characters. */
export function withoutInvisible(text: string): string {
  return ANY.test(text) ? text.replace(ALL, "") : text;
}

/** True when the text holds an invisible character. */
export function hasInvisible(text: string): boolean {
  return ANY.test(text);
}

/** True when the character (one code point) is invisible. */
export function isInvisible(char: string): boolean {
  return ONE.test(char);
}

// Reads a PDF's words with their boxes (poppler's pdftotext -bbox) page by page, and finds what a
// reader would see as a fault: words printed over one another, a page's footer.
import { execFileSync } from "node:child_process";

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  words: Word[];
  /** The page's text in reading order, lines as pdftotext lays them out. */
  text: string;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

export function readPages(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g;
  for (let m = pageRe.exec(html); m; m = pageRe.exec(html)) {
    const words: Word[] = [];
    for (let w = wordRe.exec(m[3]); w; w = wordRe.exec(m[3])) words.push({ x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: unescape(w[5]) });
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words, text: "" });
  }
  const layout = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }).split("\f");
  pages.forEach((p, i) => (p.text = layout[i] ?? ""));
  return pages;
}

/**
 * Pairs of words printed over one another: their boxes overlap across, and down by more than a
 * third of a line. A box is the font's full height, so the boxes of two snug rows touch by a
 * fraction of a point where no glyph does; overprinted text overlaps by most of a line.
 */
export function overlaps(page: Page, tolerance = 0.5): Array<[Word, Word]> {
  const found: Array<[Word, Word]> = [];
  const words = [...page.words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].y0 < a.y1 - tolerance; j++) {
      const b = words[j];
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const line = Math.min(a.y1 - a.y0, b.y1 - b.y0);
      if (across > tolerance && down > Math.max(tolerance, line / 3)) found.push([a, b]);
    }
  }
  return found;
}

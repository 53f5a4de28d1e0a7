// The result sheets' charts as LibreOffice draws them: the sample rated with last year's workbook
// and the robustness analysis, its chart-bearing sheets printed to PDF, and each chart found on its
// page by the words only a chart has (its title with its value axis's title) and by its bars'
// colour in the page's pixels.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChartSpec, SheetPlan } from "../../src/workbook/plan/types";
import { rateWorkbook, readInputWorkbook, readPreviousWorkbook } from "../../src/xlsx/rateWorkbook";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { escapeXml } from "../../src/xlsx/xmlEdit";
import { convertWithLibreOffice } from "../excel/formulasXlsx";
import { parts } from "./packageCheck";

const SAMPLES = join(__dirname, "../../samples");
/** Resolution the pages are rendered at for the pixel count. */
const DPI = 40;

interface PageImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Page `page` of the PDF as pixels (pdftoppm's binary PPM: a short text header, then RGB bytes). */
function pageImage(pdf: string, page: number): PageImage {
  const ppm = execFileSync("pdftoppm", ["-r", String(DPI), "-f", String(page), "-l", String(page), pdf], { maxBuffer: 64 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString("latin1"))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: new Uint8Array(ppm.subarray(header[0].length)) };
}

/** Hue of an RGB colour, 0 to 1 around the colour wheel, and its chroma (0 for a grey). */
function hue(r: number, g: number, b: number): { hue: number; chroma: number } {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma === 0) return { hue: 0, chroma };
  const sector = max === r ? ((g - b) / chroma + 6) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return { hue: sector / 6, chroma };
}

/**
 * Pixels of the hue of the colour "RRGGBB" that are no grey: a pattern fill prints as fine lines,
 * which the rendering blends with the white between them, so the bars' pixels are lighter than
 * the colour but keep its hue. The sheets' header fill is too pale to count.
 */
function pixelsOfHue(image: PageImage, colour: string): number {
  const want = hue(...([0, 2, 4].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number])).hue;
  let n = 0;
  for (let i = 0; i < image.rgb.length; i += 3) {
    const h = hue(image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]);
    const apart = Math.abs(h.hue - want);
    if (h.chroma >= 40 && Math.min(apart, 1 - apart) < 0.04) n++;
  }
  return n;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

describe("LibreOffice draws every chart of the result sheets", () => {
  let dir: string;
  let pdf: string;
  let pages: string[];
  let charts: Array<{ plan: SheetPlan; spec: ChartSpec; xml: string }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "charts-lo-"));
    const read = await readInputWorkbook(new Uint8Array(readFileSync(join(SAMPLES, "henan-zones-sample.xlsx"))), "sample.xlsx", "zh-CN");
    if (!("input" in read)) throw new Error("the sample did not read");
    const previous = await readPreviousWorkbook(new Uint8Array(readFileSync(join(SAMPLES, "henan-zones-2012-rated.xlsx"))), "prev.xlsx", "zh-CN");
    const rated = await rateWorkbook(read.input, { locale: "zh-CN", previous, robustness: { runs: 20, seed: 1, weightShare: 0.2, varyMethods: false } });
    if (!rated.ok) throw new Error("the sample did not rate");
    const withCharts = rated.plans.filter((p) => p.charts);
    const file = join(dir, "charts.xlsx");
    await writeResultXlsx(withCharts, { outPath: file });
    const written = [...(await parts(file))].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map(([, xml]) => xml);
    charts = withCharts.flatMap((plan) => plan.charts!.map((spec) => ({ plan, spec, xml: written.find((x) => x.includes(`<a:t>${escapeXml(spec.title)}</a:t>`))! })));
    convertWithLibreOffice(dir, [file], "pdf");
    pdf = join(dir, "out", "charts.pdf");
    pages = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f").map(squeeze);
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the sheets carry a chart of every type: stacked columns, clustered bars, floating bars", () => {
    expect(charts.map((c) => c.spec.type).sort()).toEqual(["clusteredBar", "floatingBar", "stackedColumn", "stackedColumn"]);
    for (const c of charts) expect([c.spec.title, c.xml]).toEqual([c.spec.title, expect.stringContaining("<c:barChart>")]);
  });

  /** Pages (1-based) that carry the chart's title and its value axis's title (a sheet's table may carry either). */
  const pagesOf = (spec: ChartSpec): number[] => pages.flatMap((p, i) => (p.includes(squeeze(spec.title)) && p.includes(squeeze(spec.valueAxisTitle!)) ? [i + 1] : []));

  test("each chart's title and value axis title are printed together on a page, with its categories", () => {
    for (const { plan, spec } of charts) {
      const first = squeeze(String(plan.values[spec.source.r0 + 1][spec.source.c0]));
      expect([spec.title, pagesOf(spec).some((p) => pages[p - 1].includes(first))]).toEqual([spec.title, true]);
    }
  });

  test("each chart's bars are drawn in its first filled series' colour; a floating bar's start series is not drawn", () => {
    const fillsOf = (xml: string): Array<string | undefined> => [...xml.matchAll(/<c:ser>.*?<c:spPr>(<a:noFill\/>|<a:pattFill[^>]*><a:fgClr><a:srgbClr val="([0-9A-F]{6})")/g)].map((m) => m[2]);
    // The first series' colour, as a stacked chart fills it: what a floating bar's start would show if it were drawn.
    const firstColour = fillsOf(charts.find((c) => c.spec.type === "stackedColumn")!.xml)[0]!;
    for (const { spec, xml } of charts) {
      const images = pagesOf(spec).map((p) => pageImage(pdf, p));
      const fills = fillsOf(xml);
      // A bar of a few points at 40 dpi covers dozens of pixels; the sheet's own cells have no such colour.
      const drawn = Math.max(0, ...images.map((image) => pixelsOfHue(image, fills.find((f) => f !== undefined)!)));
      expect([spec.title, drawn > 50 ? "drawn" : `${drawn} pixels`]).toEqual([spec.title, "drawn"]);
      if (spec.type === "floatingBar") {
        expect(fills[0]).toBeUndefined();
        expect(images.map((image) => pixelsOfHue(image, firstColour))).toEqual(images.map(() => 0));
      }
    }
  });
});

// What officials hold in their hands: the sample rated as a user rates it (last year's results
// imported, the robustness analysis run), printed through LibreOffice, and read back word by word.
// Keeps PNGs of each sheet's first pages under test-output/print/ for people to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Locale } from "../../src/i18n/locale";
import { readKindedSheets } from "../../src/xlsx/read";
import type { SheetKind } from "../../src/workbook/plan/types";
import { REPO, runCliAsync } from "../cli/run";
import { overlaps, readPages, type Page } from "./pdfWords";

const OUT = resolve(__dirname, "../../test-output/print");
const PREV = join(REPO, "samples/henan-zones-2012-rated.xlsx");
const LOCALES: Locale[] = ["zh-CN", "en-US"];

interface PrintedSheet {
  kind: SheetKind;
  name: string;
  title: string;
  pages: Page[];
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * The result sheets of a rated workbook with the pages each printed on: a sheet's first page is
 * the first page, after the previous sheet's, that carries its title (the input's own sheets print
 * before them).
 */
async function printedSheets(xlsx: string, pages: Page[]): Promise<PrintedSheet[]> {
  const sheets = (await readKindedSheets(readFileSync(xlsx), { allResults: true })).filter((s) => s.kind !== undefined);
  const starts: number[] = [];
  let from = 0;
  for (const s of sheets) {
    const title = squeeze(String(s.grid.values[0]?.[0] ?? ""));
    const at = pages.findIndex((p, i) => i >= from && squeeze(p.text).includes(title));
    if (at < 0) throw new Error(`no printed page carries the title of ${s.grid.sheet}: ${title}`);
    starts.push(at);
    from = at + 1;
  }
  return sheets.map((s, k) => ({ kind: s.kind!, name: s.grid.sheet, title: String(s.grid.values[0][0]), pages: pages.slice(starts[k], starts[k + 1] ?? pages.length) }));
}

describe("the rated sample printed through LibreOffice", () => {
  let dir: string;
  const printed = new Map<Locale, PrintedSheet[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "print-"));
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) rmSync(join(OUT, f), { recursive: true, force: true });
    const runs = await Promise.all(LOCALES.map((locale) => runCliAsync(["--prev", PREV, "--robustness", "50", "--lang", locale, "--out", join(dir, `${locale}.xlsx`)])));
    runs.forEach((run, i) => {
      if (run.status !== 0) throw new Error(`rating in ${LOCALES[i]} exited ${run.status}: ${run.stdout}${run.stderr}`);
    });
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...LOCALES.map((l) => join(dir, `${l}.xlsx`))], { stdio: "ignore", timeout: 280_000 });
    for (const locale of LOCALES) {
      const pdf = join(dir, `${locale}.pdf`);
      const sheets = await printedSheets(join(dir, `${locale}.xlsx`), readPages(pdf));
      printed.set(locale, sheets);
      for (const s of sheets) {
        const first = s.pages[0].number;
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(first), "-l", String(first + Math.min(1, s.pages.length - 1)), pdf, join(OUT, `${locale}-${s.kind}`)]);
      }
    }
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(LOCALES)("%s: every result sheet prints, on A4, in the report's language only", (locale) => {
    const sheets = printed.get(locale)!;
    expect(sheets.map((s) => s.kind)).toEqual(["stars", "ranking", "byCity", "awards", "promotions", "profile", "details", "validation", "carry", "history", "trend", "nameMap", "robustness"]);
    for (const s of sheets) {
      for (const p of s.pages) expect([s.name, p.number, [p.width, p.height].map(Math.round).sort((a, b) => a - b)]).toEqual([s.name, p.number, [595, 842]]);
    }
    const all = sheets.flatMap((s) => s.pages.map((p) => p.text)).join("\n");
    // No issue code, no award key in brackets.
    expect(all).not.toMatch(/\b[A-Z]+(_[A-Z]+)+\b/);
    expect(all).not.toMatch(/\[(strong|fast|advanced)\]/);
    if (locale === "en-US") expect(sheets.map((s) => s.name)).toContain("Rating history");
  });

  test.each(LOCALES)("%s: no word prints over another on any page of the result sheets", (locale) => {
    const faults = printed
      .get(locale)!
      .flatMap((s) => s.pages.flatMap((p) => overlaps(p).map(([a, b]) => `${s.name} p.${p.number}: "${a.text}" over "${b.text}" at y ${a.y0.toFixed(1)}`)));
    expect(faults).toEqual([]);
  });

  // LibreOffice restarts &P on each sheet (the file's firstPageNumber) but its &N, printing the
  // whole file, is the document's page count; Excel and WPS printing a sheet count that sheet's.
  test.each(LOCALES)("%s: each sheet numbers its own pages in its footer, from 1", (locale) => {
    const footers = printed.get(locale)!.flatMap((s) =>
      s.pages.map((p, i) => {
        const footer = locale === "zh-CN" ? `第 ${i + 1} 页，共` : `Page ${i + 1} of`;
        return [s.name, p.number, squeeze(p.text).includes(squeeze(footer))];
      }),
    );
    expect(footers.filter(([, , found]) => !found)).toEqual([]);
    expect(footers.length).toBeGreaterThan(LOCALES.length);
  });

  test("综合排名 opens with its leaders, then every zone under a header repeated on each page", () => {
    const ranking = printed.get("zh-CN")!.find((s) => s.kind === "ranking")!;
    expect(squeeze(ranking.pages[0].text)).toContain("一、综合得分前20名");
    const list = ranking.pages.slice(1);
    expect(list.length).toBeGreaterThan(1);
    for (const p of list) {
      expect(p.text).toContain("集聚区名称");
      expect(p.text).toContain("否决事项");
    }
    // The summary's page never carries the table's header above it.
    expect(ranking.pages[0].text).not.toContain("否决事项");
  });

  test("表彰名单 prints as a notice: each award with its basis, the plaque list under a header that fits it", () => {
    const awards = printed.get("zh-CN")!.find((s) => s.kind === "awards")!;
    const text = awards.pages.map((p) => p.text).join("\n");
    expect(text).toMatch(/综合得分 \d+\.\d\d/);
    expect(text).toMatch(/名次上升 \d+ 位/);
    const plaque = awards.pages.find((p) => p.text.includes("授牌名单"))!;
    expect(plaque.text).toMatch(/授牌\s+\S+产业集聚区/);
  });

  test("分市排名 lists the cities in the province's customary order, each under its heading", () => {
    const byCity = printed.get("zh-CN")!.find((s) => s.kind === "byCity")!;
    const text = squeeze(byCity.pages.map((p) => p.text).join(""));
    const at = ["郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "济源"].map((c) => text.indexOf(`${c}（`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  test("校验报告 names each problem's kind and zone in words", () => {
    const validation = printed.get("zh-CN")!.find((s) => s.kind === "validation")!;
    const text = validation.pages.map((p) => p.text).join("\n");
    expect(text).toContain("上年无此集聚区");
    expect(text).toContain("退出预警");
    expect(squeeze(text)).toContain("B138（南阳鸭河工区产业集聚区）：2012年结果中没有这个集聚区");
  });

  test("集聚区档案 prints one page per zone", () => {
    const profile = printed.get("zh-CN")!.find((s) => s.kind === "profile")!;
    expect(profile.pages).toHaveLength(180);
    for (const p of profile.pages) expect(p.text).toContain("六、否决事项与加扣分");
  });
});

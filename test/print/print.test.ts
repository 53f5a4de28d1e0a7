// Prints 表彰名单 and 综合排名 through LibreOffice to check what officials will hold in their hands.
// Keeps a PNG of every page under test-output/print/ for people to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeResultXlsx } from "../../src/xlsx/writeFile";
import { buildResultPlans } from "../../src/workbook/plan/results";
import type { SheetPlan } from "../../src/workbook/plan/types";
import { largeResult } from "../workbook/plan/fixtures";

const OUT = resolve(__dirname, "../../test-output/print");

interface PrintedPage {
  width: number;
  height: number;
  text: string;
}

/** Reads back the PDF LibreOffice made of `stem`.xlsx, page by page, and keeps PNGs of it. */
function readPdf(dir: string, stem: string): PrintedPage[] {
  const pdf = join(dir, `${stem}.pdf`);
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const out: PrintedPage[] = [];
  for (let p = 1; p <= count; p++) {
    const size = new RegExp(`^Page\\s+${p} size:\\s+([\\d.]+) x ([\\d.]+)`, "m").exec(info)!;
    const text = execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    out.push({ width: Math.round(Number(size[1])), height: Math.round(Number(size[2])), text });
  }
  execFileSync("pdftoppm", ["-png", "-r", "70", pdf, join(OUT, stem)]);
  return out;
}

describe("printing through LibreOffice", () => {
  let dir: string;
  const printed = new Map<string, PrintedPage[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "print-"));
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) rmSync(join(OUT, f));
    // 160 zones: the ranking runs over several landscape pages; 80 plaque zones push the award notice onto page 2.
    const plans = buildResultPlans(largeResult(160), [], "zh-CN");
    const wanted: Array<[SheetPlan["kind"], string]> = [
      ["ranking", "ranking"],
      ["awards", "awards"],
    ];
    const files: string[] = [];
    for (const [kind, stem] of wanted) {
      const file = join(dir, `${stem}.xlsx`);
      await writeResultXlsx([plans.find((p) => p.kind === kind)!], { outPath: file });
      files.push(file);
    }
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], { stdio: "ignore", timeout: 110_000 });
    for (const [kind, stem] of wanted) printed.set(kind, readPdf(dir, stem));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("综合排名 prints on A4 landscape, several pages, header row repeated, footer page x of n", () => {
    const pagesOut = printed.get("ranking")!;
    expect(pagesOut.length).toBeGreaterThan(1);
    for (const [i, page] of pagesOut.entries()) {
      expect([page.width, page.height]).toEqual([842, 595]);
      expect(page.text).toContain("集聚区名称");
      expect(page.text).toContain("否决事项");
      expect(page.text).toContain(`第 ${i + 1} 页，共 ${pagesOut.length} 页`);
    }
    expect(pagesOut[0].text).toContain("第1产业集聚区");
    expect(pagesOut[pagesOut.length - 1].text).toContain("第160产业集聚区");
  });

  test("表彰名单 prints on A4 portrait as a notice, with its header on page 2", () => {
    const pagesOut = printed.get("awards")!;
    expect(pagesOut.length).toBeGreaterThanOrEqual(2);
    for (const page of pagesOut) expect([page.width, page.height]).toEqual([595, 842]);
    expect(pagesOut[0].text).toContain("2013年度产业集聚区表彰名单");
    expect(pagesOut[0].text).toContain("十强");
    expect(pagesOut[1].text).toContain("集聚区名称");
    expect(pagesOut[1].text).toContain("奖金（万元）");
    expect(pagesOut[1].text).toContain(`第 2 页，共 ${pagesOut.length} 页`);
  });
});

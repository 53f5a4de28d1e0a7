// The offline page end to end: dist-web/index.html opened from disk (file://) in headless Chromium,
// the sample and last year's workbook chosen, the rated workbook downloaded and compared cell by
// cell with the command line's; bad input shows the CLI's messages at the CLI's cells; the page
// makes no request off the machine. Screenshots land in test-output/web/.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { runCliAsync, type CliRun } from "../cli/run";
import { CASES } from "../corpus/cases";
import { writeCorpus } from "../corpus/generate";
import { launchChromium, serve } from "../e2e/harness";
import { afterRun, buildWeb, chooseWorkbook, download, openPage, pageUrl, sheetsOf, type SheetCells } from "./site";

const REPO = resolve(__dirname, "../..");
const OUT = join(REPO, "test-output/web");
const SITE = join(OUT, "dist-web");
const SAMPLE = join(REPO, "samples/henan-zones-sample.xlsx");
const PREV = join(REPO, "samples/henan-zones-2012-rated.xlsx");
const ROBUSTNESS_RUNS = 1_000;

const work = mkdtempSync(join(tmpdir(), "web-page-"));
let browser: Browser;
let cli: { prev: CliRun; robustness: CliRun; bad: CliRun; notXlsx: CliRun };
const BAD = "bad-zones.xlsx";
const NOT_XLSX = "zones.csv";

function cliRun(args: string[], cwd = REPO): Promise<CliRun> {
  return runCliAsync(args, cwd).then((run) => {
    if (run.status !== 0 && run.status !== 2) throw new Error(`rate ${args.join(" ")} failed: ${run.stderr}`);
    return run;
  });
}

beforeAll(async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // The bad workbook and the CSV are given to the CLI by bare name from their folder, as the page knows them.
  const [bad] = await writeCorpus(work, CASES.filter((c) => c.name === "several errors on one sheet, all reported"));
  copyFileSync(bad, join(work, BAD));
  writeFileSync(join(work, NOT_XLSX), "集聚区名称,所属地市,增加值\n甲区产业集聚区,郑州,12\n");
  const [, prev, robustness, badRun, notXlsx] = await Promise.all([
    buildWeb(SITE),
    cliRun(["--prev", PREV, "--out", join(work, "cli-prev.xlsx")]),
    cliRun(["--prev", PREV, "--robustness", String(ROBUSTNESS_RUNS), "--seed", "7", "--out", join(work, "cli-robustness.xlsx")]),
    cliRun([BAD, "--json", "bad.json"], work),
    cliRun([NOT_XLSX, "--json", "csv.json"], work),
  ]);
  cli = { prev, robustness, bad: badRun, notXlsx };
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function context(locale = "zh-CN", width = 1280): Promise<BrowserContext> {
  return browser.newContext({ locale, acceptDownloads: true, viewport: { width, height: 900 } });
}

/** The result sheets (those the add-in marks) and the user's, each with its values and number formats. */
function bySheet(sheets: SheetCells[]): Map<string, SheetCells> {
  return new Map(sheets.map((s) => [s.name, s]));
}

/** Expects every sheet of the download to hold what the CLI's output holds, cell by cell, formats too. */
async function expectSameAsCli(downloaded: Uint8Array, cliFile: string): Promise<void> {
  const page = await sheetsOf(downloaded);
  const command = await sheetsOf(readFileSync(cliFile));
  expect(page.map((s) => [s.name, s.kind])).toEqual(command.map((s) => [s.name, s.kind]));
  const theirs = bySheet(command);
  for (const sheet of page) {
    const other = theirs.get(sheet.name)!;
    expect({ sheet: sheet.name, values: sheet.values }).toEqual({ sheet: sheet.name, values: other.values });
    expect({ sheet: sheet.name, formats: sheet.numberFormats }).toEqual({ sheet: sheet.name, formats: other.numberFormats });
  }
}

/** The problems the pane lists, as "sheet!cell message" (or the message alone), sorted. */
async function paneProblems(page: Page): Promise<string[]> {
  const items = await page.getByTestId("problem").all();
  const lines = await Promise.all(
    items.map(async (item) => {
      const cell = item.getByTestId("problem-cell");
      const at = (await cell.count()) > 0 ? `${await cell.textContent()} ` : "";
      return `${at}${await item.getByTestId("problem-message").textContent()}`;
    }),
  );
  return lines.sort();
}

/** The CLI's JSON issues, in the pane's words. */
function cliProblems(jsonFile: string): string[] {
  const json = JSON.parse(readFileSync(jsonFile, "utf8")) as { issues: Array<{ sheet?: string; cell?: string; message: string }> };
  return json.issues.map((i) => `${i.sheet && i.cell ? `${i.sheet}!${i.cell} ` : ""}${i.message}`).sort();
}

describe("the offline page, opened from disk", () => {
  it("rates the sample with last year's workbook into the workbook the CLI writes, then adds the robustness analysis as --robustness does", async () => {
    const ctx = await context();
    const { page, requests, errors } = await openPage(ctx, pageUrl(SITE));
    expect(await page.title()).toBe("产业集聚区星级评定");
    await expect(page.getByTestId("download").isDisabled()).resolves.toBe(true);
    // A live workbook's actions make no sense for a file.
    await expect(page.getByText("插入规则表").count()).resolves.toBe(0);
    await expect(page.getByTestId("auto-recompute").count()).resolves.toBe(0);

    expect(await chooseWorkbook(page, SAMPLE)).not.toBe("error");
    expect(await afterRun(page, () => page.getByTestId("prev-workbook-file").setInputFiles(PREV))).toBe("warning");
    await expect(page.getByTestId("prev-file-name").textContent()).resolves.toBe("上年评定结果：henan-zones-2012-rated.xlsx");
    const summary = await page.getByTestId("sheets-written").textContent();
    expect(summary).toContain("历年评定");
    for (let level = 0; level <= 6; level++) await expect(page.getByTestId(`star-count-${level}`).textContent()).resolves.toMatch(/^\d+$/);

    const rated = await download(page);
    expect(rated.name).toBe("henan-zones-sample-rated.xlsx");
    await expectSameAsCli(rated.bytes, join(work, "cli-prev.xlsx"));
    await page.screenshot({ path: join(OUT, "page-full.png"), fullPage: true });

    await page.getByTestId("robustness-runs").selectOption(String(ROBUSTNESS_RUNS));
    await page.getByTestId("robustness-seed").fill("7");
    await page.getByTestId("robustness-run").click();
    await page.locator('[data-testid="robustness-message"][data-intent="success"]').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId("robustness-message").textContent()).resolves.toContain("稳健性分析");
    await expectSameAsCli((await download(page)).bytes, join(work, "cli-robustness.xlsx"));

    expect(errors).toEqual([]);
    // Nothing but the page's own files, the Blob URL of its worker and the download: no request off the machine.
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
    await ctx.close();
  }, 300_000);

  it("shows a bad workbook's errors at the CLI's cells in the CLI's words, and offers no download", async () => {
    const ctx = await context();
    const { page } = await openPage(ctx, pageUrl(SITE));
    expect(cli.bad.status).toBe(2);
    expect(await chooseWorkbook(page, join(work, BAD))).toBe("error");
    await expect(page.getByTestId("message").textContent()).resolves.toContain("未生成评定结果");
    const expected = cliProblems(join(work, "bad.json"));
    expect(expected).toEqual([expect.stringMatching(/^指标数据!C2 /), expect.stringMatching(/^指标数据!D4 /), expect.stringMatching(/^指标数据!H6 /)]);
    expect(await paneProblems(page)).toEqual(expected);
    await expect(page.getByTestId("problem-link").count()).resolves.toBe(0);
    await expect(page.getByTestId("download").isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(OUT, "page-errors.png"), fullPage: true });

    expect(cli.notXlsx.status).toBe(2);
    expect(await chooseWorkbook(page, join(work, NOT_XLSX))).toBe("error");
    expect(await paneProblems(page)).toEqual([expect.stringContaining(NOT_XLSX)]);
    expect(await paneProblems(page)).toEqual(cliProblems(join(work, "csv.json")));
    await expect(page.getByTestId("download").isDisabled()).resolves.toBe(true);
    await ctx.close();
  }, 180_000);

  it("takes a workbook dropped onto the page, and fits a 350-pixel pane", async () => {
    const ctx = await context("zh-CN", 350);
    const { page, errors } = await openPage(ctx, pageUrl(SITE));
    const bytes = [...readFileSync(SAMPLE)];
    const dropped = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "dropped.xlsx"));
      return transfer;
    }, bytes);
    expect(await afterRun(page, () => page.dispatchEvent("main", "drop", { dataTransfer: dropped }))).not.toBe("error");
    await expect(page.getByTestId("workbook-file-name").textContent()).resolves.toBe("工作簿：dropped.xlsx");
    await expect(page.getByTestId("star-count-3").textContent()).resolves.toMatch(/^\d+$/);
    // Nothing wider than the pane: no sideways scrolling at 350 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    expect((await download(page)).name).toBe("dropped-rated.xlsx");
    await page.screenshot({ path: join(OUT, "page-350.png"), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it("speaks the browser's language, or the one ?lang= asks for", async () => {
    for (const [locale, query, title] of [
      ["en-US", "", "Industrial cluster zone rating"],
      ["zh-CN", "?lang=en-US", "Industrial cluster zone rating"],
      ["en-US", "?lang=zh-CN", "产业集聚区星级评定"],
    ] as const) {
      const ctx = await context(locale);
      const { page } = await openPage(ctx, pageUrl(SITE, query));
      await expect(page.locator("main h1").textContent()).resolves.toBe(title);
      await ctx.close();
    }
  }, 60_000);

  it("lets nothing connect anywhere: the Content-Security-Policy blocks every way out, even to this machine", async () => {
    let hits = 0;
    const server: Server = createServer((_request, response) => {
      hits++;
      response.end("ok");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ctx = await context();
      const { page } = await openPage(ctx, pageUrl(SITE));
      // What 'self' means on a file: page in Chromium: any local file, wherever it lies, but no web address.
      const localScript = join(work, "elsewhere.js");
      writeFileSync(localScript, "window.localScriptRan = true;");
      const local = await page.evaluate(
        (src) =>
          new Promise<boolean>((done) => {
            const script = document.createElement("script");
            script.onload = () => done((window as unknown as { localScriptRan?: boolean }).localScriptRan === true);
            script.onerror = () => done(false);
            script.src = src;
            document.head.append(script);
          }),
        pathToFileURL(localScript).href,
      );
      expect(local).toBe(true);
      const outcome = await page.evaluate(async (target) => {
        const violations: string[] = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
        const failed: string[] = [];
        await fetch(`${target}/fetch`).catch(() => failed.push("fetch"));
        await fetch(window.location.href).catch(() => failed.push("fetch own file"));
        const image = new Image();
        await new Promise((done) => {
          image.onerror = done;
          image.onload = done;
          image.src = `${target}/image`;
        });
        const script = document.createElement("script");
        await new Promise((done) => {
          script.onerror = done;
          script.onload = done;
          script.src = `${target}/script.js`;
          document.head.append(script);
        });
        if (!navigator.sendBeacon(`${target}/beacon`, "x")) failed.push("beacon");
        try {
          new WebSocket(`${target.replace("http", "ws")}/socket`);
        } catch {
          failed.push("websocket");
        }
        await new Promise((done) => setTimeout(done, 500));
        return { failed, violations: [...new Set(violations)].sort() };
      }, origin);
      expect(outcome.failed).toEqual(expect.arrayContaining(["fetch", "fetch own file"]));
      expect(outcome.violations).toEqual(expect.arrayContaining(["connect-src", "img-src", "script-src-elem"]));
      expect(hits).toBe(0);
      await ctx.close();
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  }, 60_000);

  it("works the same from a static web server, asking it for the page's own files only", async () => {
    const site = await serve(SITE);
    try {
      const ctx = await context("en-US");
      const { page, requests } = await openPage(ctx, site.url);
      expect(await chooseWorkbook(page, SAMPLE)).not.toBe("error");
      expect((await download(page)).name).toBe("henan-zones-sample-rated.xlsx");
      expect(requests.filter((url) => !url.startsWith(site.url) && !url.startsWith("blob:"))).toEqual([]);
      await ctx.close();
    } finally {
      await site.close();
    }
  }, 120_000);
});

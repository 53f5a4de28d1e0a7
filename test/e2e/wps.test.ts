// The WPS add-in as built (dist-wps): its scripts parse as ES2020 classic scripts, as the Chromium 87
// of WPS 11.x needs, and its pages run, opened from file:// as WPS opens an offline add-in, with the
// fake WPS (test/fake-wps/browser.ts) injected as window.Application before the pages' scripts.
// Screenshots land in test-output/e2e-wps/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "acorn";
import { buildSync } from "esbuild";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BUTTONS } from "../../src/wps/ribbon";
import { a1 } from "../../src/workbook/grid";
import type { WpsWorkbook, FakeWps } from "../fake-wps";
import { buildPart, launchChromium, makeConfig, until } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tabsterSelectorLoader = require("../../scripts/webpack/tabsterSelectorLoader.js") as (this: { resourcePath: string }, source: string) => string;

const OUT = resolve(__dirname, "../../test-output/e2e-wps");
const DIST = join(OUT, "dist-wps");
const PREV = resolve(__dirname, "../../samples/henan-zones-2012-rated.xlsx");

type Value = string | number | boolean;
interface Injected {
  fakeWps: { workbook: WpsWorkbook; fake: FakeWps };
}

let browser: Browser;
let fakeScript: string;

beforeAll(async () => {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await buildPart(DIST, { wps: true });
  fakeScript = buildSync({ entryPoints: [resolve(__dirname, "../fake-wps/browser.ts")], bundle: true, format: "iife", target: "chrome87", write: false }).outputFiles[0].text;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

function emitted(ext: string): string[] {
  return readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(ext));
}

function parseScript(code: string, where: string): void {
  try {
    parse(code, { ecmaVersion: 2020, sourceType: "script" });
  } catch (error) {
    throw new Error(`${where} is not an ES2020 classic script: ${(error as Error).message}`);
  }
}

describe("the built WPS add-in (dist-wps)", () => {
  test("every script, the robustness worker's text and every inline script parse as ES2020 classic scripts", () => {
    const scripts = emitted(".js");
    expect(scripts).toEqual(expect.arrayContaining(["main.js", "taskpane.js", "robustness.worker.source.js"]));
    for (const file of scripts) parseScript(readFileSync(join(DIST, file), "utf8"), file);
    const source = readFileSync(join(DIST, "robustness.worker.source.js"), "utf8");
    const worker = /^window\.ZR_ROBUSTNESS_WORKER=("(?:[^"\\]|\\.)*");\n$/.exec(source);
    expect(worker).not.toBeNull();
    parseScript(JSON.parse(worker![1]) as string, "the robustness worker");
    for (const page of emitted(".html")) {
      const html = readFileSync(join(DIST, page), "utf8");
      expect(html).not.toMatch(/type="module"/);
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) parseScript(m[1], `an inline script of ${page}`);
    }
  });

  test("no emitted script holds a :is() selector, which Chrome 87 rejects", () => {
    const all = emitted(".js").map((f) => readFileSync(join(DIST, f), "utf8"));
    expect(all.filter((code) => code.includes(":is("))).toEqual([]);
  });

  test("tabster's focusable selector, rewritten for Chrome 87 wherever Fluent bundles it, matches the same elements as before", async () => {
    const consts = require.resolve("tabster/dist/esm/Consts.js");
    const rule = (makeConfig({ wps: true }, { mode: "production" }).module?.rules ?? []).find((r) => r && typeof r === "object" && String(r.use).includes("tabsterSelectorLoader")) as { test: RegExp } | undefined;
    expect(rule?.test.test(consts)).toBe(true);
    const selectorOf = (code: string): string => {
      const exports: Record<string, unknown> = {};
      new Function("exports", code.replace(/export const (\w+) =/g, "exports.$1 ="))(exports);
      return String(exports.FOCUSABLE_SELECTOR);
    };
    const original = readFileSync(consts, "utf8");
    const before = selectorOf(original);
    const after = selectorOf(tabsterSelectorLoader.call({ resourcePath: consts }, original));
    expect(before).toContain(":is(");
    expect(after).not.toContain(":is(");
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<a href="#">a</a><a>b</a><button>c</button><button disabled>d</button><input><input disabled><select disabled></select><textarea></textarea>
      <div tabindex="0">e</div><div contenteditable>f</div><details><summary>g</summary></details><audio controls></audio><video></video><fieldset disabled><button>h</button></fieldset><span>i</span>`);
    const matches = await page.evaluate(([a, b]) => [...document.body.querySelectorAll("*")].map((el) => [el.outerHTML.slice(0, 30), el.matches(a), el.matches(b)]), [before, after]);
    for (const [html, was, is] of matches) expect([html, is]).toEqual([html, was]);
    // Both kinds are there: focusable ones (a link, enabled controls, tabindex, summary, …) and others (disabled ones, a bare <a>, a span).
    expect([matches.filter(([, was]) => was).length, matches.filter(([, was]) => !was).length]).toEqual([8, 9]);
    await context.close();
  });

  test("ribbon.xml names the main page's callbacks and every button, each with its icon; index.html loads the callbacks before WPS reads the ribbon", () => {
    const ribbon = readFileSync(join(DIST, "ribbon.xml"), "utf8");
    expect(ribbon).toContain('onLoad="OnAddinLoad"');
    const ids = [...ribbon.matchAll(/<button id="(\w+)"[^>]*onAction="OnAction" getImage="GetImage"/g)].map((m) => m[1]);
    expect(ids).toEqual([...BUTTONS]);
    for (const id of ids) expect(existsSync(join(DIST, "images", `${id}.svg`))).toBe(true);
    expect(ribbon).toContain('<tab id="zrTab" label="产业集聚区评定">');
    const index = readFileSync(join(DIST, "index.html"), "utf8");
    expect(index).toMatch(/<head>[\s\S]*<script src="main\.js"><\/script>[\s\S]*<\/head>/);
    expect(index).not.toMatch(/defer|async/);
  });
});

async function open(file: string, locale = "zh-CN", width = 350, fragment = ""): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  await context.addInitScript({ content: fakeScript });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(DIST, file)).href + fragment);
  return { context, page, errors };
}

function sheetValues(page: Page, sheet: string): Promise<Value[][] | null> {
  return page.evaluate((name) => {
    const s = (window as unknown as Injected).fakeWps.workbook.getSheet(name);
    const rect = s?.usedRect();
    return s && rect ? s.valuesOf({ r0: 0, c0: 0, r1: rect.r1, c1: rect.c1 }) : null;
  }, sheet);
}

function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Injected).fakeWps.workbook.sheets.map((s) => s.name));
}

/** Types into a cell of the fake workbook as an official would: WPS raises SheetChange. */
function setCell(page: Page, sheet: string, address: string, value: Value): Promise<void> {
  return page.evaluate(([s, a, v]) => (window as unknown as Injected).fakeWps.workbook.setCell(s as string, a as string, v as Value), [sheet, address, value]);
}

/** The first zone's 增加值 cell: its address and value. */
async function valueAddedCell(page: Page): Promise<{ address: string; value: number; zone: string }> {
  const values = (await sheetValues(page, "指标数据")) ?? [];
  const header = values.findIndex((row) => row.includes("集聚区名称"));
  const col = values[header].findIndex((v) => typeof v === "string" && /^增加值/.test(v));
  return { address: a1(header + 1, col), value: values[header + 1][col] as number, zone: String(values[header + 1][values[header].indexOf("集聚区名称")]) };
}

async function composite(page: Page, zone: string): Promise<Value | undefined> {
  const values = (await sheetValues(page, "综合排名")) ?? [];
  const header = values.findIndex((row) => row.includes("综合得分"));
  return values.slice(header + 1).find((row) => row[values[header].indexOf("集聚区名称")] === zone)?.[values[header].indexOf("综合得分")];
}

describe("the WPS add-in in headless Chromium, from file://", () => {
  test("the main page puts the ribbon's callbacks on window as it loads; 显示任务窗格 keeps one pane; 重新计算 rates and tells the outcome", async () => {
    const { context, page, errors } = await open("index.html");
    const kinds = await page.evaluate(() => ["OnAddinLoad", "OnAction", "GetImage"].map((f) => typeof (window as unknown as Record<string, unknown>)[f]));
    expect(kinds).toEqual(["function", "function", "function"]);
    expect(await page.evaluate(() => (window as unknown as { GetImage: (c: { Id: string }) => string }).GetImage({ Id: "zrShowPane" }))).toBe("images/zrShowPane.svg");
    // A ribbon callback answers at once, not with a promise.
    const answers = await page.evaluate(() => {
      const onAction = (window as unknown as { OnAction: (c: { Id: string }) => unknown }).OnAction;
      return [onAction({ Id: "zrShowPane" }), onAction({ Id: "zrShowPane" })];
    });
    expect(answers).toEqual([true, true]);
    const panes = await page.evaluate(() => [...(window as unknown as Injected).fakeWps.fake.taskPanes.values()].map((p) => ({ url: p.url, visible: p.Visible })));
    expect(panes).toEqual([{ url: pathToFileURL(join(DIST, "taskpane.html")).href, visible: true }]);

    const told = page.waitForEvent("dialog");
    await page.evaluate(() => (window as unknown as { OnAction: (c: { Id: string }) => unknown }).OnAction({ Id: "zrRecalculate" }));
    const dialog = await told;
    expect(dialog.message()).toBe("重新计算完成：已写入 8 张结果表。");
    await dialog.accept();
    expect(await sheetNames(page)).toEqual(["指标数据", "星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "集聚区档案", "计算明细", "校验报告"]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test("the pane at 350 px: rates, opens a problem's cell, recomputes after an edit", async () => {
    const { context, page, errors } = await open("taskpane.html");
    await page.getByTestId("run").waitFor();
    await expect(page.getByTestId("zone-count").textContent()).resolves.toBe("集聚区数量：180 个");
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("sheets-written").textContent()).toContain("星级评定");
    const stars = (await sheetValues(page, "星级评定")) ?? [];
    expect(stars.find((row) => row[0] === "合计")?.slice(1, 4)).toEqual([49, 11, 2]);
    await page.screenshot({ path: join(OUT, "01-rated-350px.png"), fullPage: true });

    // A broken cell: nothing written, and the problem's link selects the cell in WPS.
    const { address, value, zone } = await valueAddedCell(page);
    const rated = await composite(page, zone);
    await setCell(page, "指标数据", address, "十二点五");
    await page.getByTestId("run").click();
    const problem = page.locator('[data-testid="problem"][data-severity="error"]', { hasText: `指标数据!${address}` });
    await problem.waitFor();
    await page.evaluate(() => ((window as unknown as Injected).fakeWps.workbook.activeSheet = "星级评定"));
    await problem.getByTestId("problem-link").click();
    await until(
      () => page.evaluate(() => ((w) => [w.activeSheet, w.getSheet("指标数据")?.selection])((window as unknown as Injected).fakeWps.workbook)),
      (seen) => seen[0] === "指标数据" && seen[1] === address,
    );
    await page.screenshot({ path: join(OUT, "02-problem-350px.png"), fullPage: true });

    // Recompute after edits: the switch on, an edit (SheetChange) recomputes by itself.
    await setCell(page, "指标数据", address, value);
    await page.getByTestId("auto-recompute").check();
    await setCell(page, "指标数据", address, value * 2);
    await until(() => composite(page, zone), (c) => c !== undefined && c !== rated);
    expect(await page.evaluate(() => (window as unknown as Injected).fakeWps.workbook.names.find((n) => n.name === "_ZoneRatingAutoRecompute")?.refersTo)).toBe("=TRUE");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test("imports last year's results from a picked file and runs the robustness analysis in a Blob-URL worker", async () => {
    const { context, page, errors } = await open("taskpane.html", "zh-CN", 350, "#import-prev");
    await page.getByTestId("run").waitFor();
    // The ribbon's 导入上年结果 opens the pane here: its button is brought into view and focused.
    await until(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? ""), (id) => id === "import-prev");
    await page.getByTestId("prev-file").setInputFiles(PREV);
    await until(() => page.getByTestId("message").textContent(), (text) => (text ?? "").includes("已把 2012 年度结果（180 个集聚区）记入“历年评定”"), 60_000);
    expect(await sheetNames(page)).toContain("历年评定");

    await page.getByTestId("robustness-runs").selectOption("1000");
    await page.getByTestId("robustness-run").click();
    const message = page.getByTestId("robustness-message");
    await message.waitFor({ timeout: 120_000 });
    expect(await message.textContent()).toMatch(/完成：模拟 1,000 次，用时 [\d.]+ 秒，已写入工作表“稳健性分析”。/);
    expect(await sheetNames(page)).toContain("稳健性分析");
    await page.locator("section[aria-labelledby='robustness-title']").screenshot({ path: join(OUT, "03-robustness-350px.png") });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  test("speaks English where WPS runs in English, down to the sheet names", async () => {
    const { context, page, errors } = await open("taskpane.html", "en-US");
    await page.getByTestId("run").waitFor();
    await expect(page.locator("main h1").textContent()).resolves.toBe("Industrial cluster zone rating");
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    expect(await sheetNames(page)).toEqual(expect.arrayContaining(["Stars", "Ranking", "Validation"]));
    await page.screenshot({ path: join(OUT, "04-english-350px.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

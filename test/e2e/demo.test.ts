// The browser demo end to end: the real task pane over the real Office adapter over the fake
// Excel, in headless Chromium. Screenshots of each state land in test-output/e2e/.
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { a1 } from "../../src/workbook/grid";
import { build, launchChromium, serve, until, type StaticServer } from "./harness";

const OUT = resolve(__dirname, "../../test-output/e2e");
const SITE = join(OUT, "dist-demo");

type Value = string | number | boolean | null;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await build(SITE, true);
  server = await serve(SITE);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(query = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const failures: string[] = [];
  page.on("pageerror", (e) => failures.push(e.message));
  await page.goto(`${server.url}${query}`);
  await page.getByTestId("run").waitFor({ state: "visible" });
  expect(failures).toEqual([]);
  return page;
}

/** Every value of a sheet of the fake workbook, row by row, blanks as "". */
function sheetValues(page: Page, sheet: string): Promise<Value[][] | null> {
  return page.evaluate((name) => {
    const wb = (window as unknown as { demoWorkbook: import("../fake-excel").FakeWorkbook }).demoWorkbook;
    const s = wb.getSheet(name);
    const rect = s?.usedRect(true);
    if (!s || !rect) return null;
    return s.valuesOf({ r0: 0, c0: 0, r1: rect.r1, c1: rect.c1 });
  }, sheet);
}

function selection(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { demoWorkbook: import("../fake-excel").FakeWorkbook }).demoWorkbook.selection);
}

/** Star counts as the 星级评定 sheet holds them: one row per zone under the header, the 星级数 column. */
function starCountsFromSheet(values: Value[][], starColumnHeader: string, zoneHeader: string): Record<string, number> {
  const headerRow = values.findIndex((row) => row.includes(starColumnHeader));
  expect(headerRow).toBeGreaterThanOrEqual(0);
  const starCol = values[headerRow].indexOf(starColumnHeader);
  const zoneCol = values[headerRow].indexOf(zoneHeader);
  const counts: Record<string, number> = { "0": 0, "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 };
  for (const row of values.slice(headerRow + 1)) {
    if (row[zoneCol] === "" || typeof row[starCol] !== "number") break;
    counts[String(row[starCol])] += 1;
  }
  return counts;
}

async function paneStarCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let level = 0; level <= 6; level++) counts[String(level)] = Number(await page.getByTestId(`star-count-${level}`).textContent());
  return counts;
}

async function paneAwards(page: Page): Promise<Map<string, string[]>> {
  const awards = new Map<string, string[]>();
  for (const section of await page.locator('[data-testid^="award-"]:not([data-testid="award-zone"])').all()) {
    const name = (await section.getAttribute("aria-label")) ?? "";
    awards.set(name, await section.getByTestId("award-zone").allTextContents());
  }
  return awards;
}

/** Zones per award name in the 表彰名单 sheet: rows of [serial, award, zone, …]. */
function awardsFromSheet(values: Value[][], names: string[]): Map<string, string[]> {
  const awards = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const row of values) if (typeof row[0] === "number" && awards.has(String(row[1]))) awards.get(String(row[1]))?.push(String(row[2]));
  return awards;
}

/** The first data cell under the 增加值 header: a number a user can break. */
async function valueAddedCell(page: Page): Promise<{ address: string; value: number }> {
  const values = await sheetValues(page, "指标数据");
  if (!values) throw new Error("no 指标数据 sheet");
  for (let r = 0; r < values.length - 1; r++) {
    const c = values[r].findIndex((v) => typeof v === "string" && /^增加值/.test(v));
    if (c >= 0 && typeof values[r + 1][c] === "number") {
      return { address: a1(r + 1, c), value: values[r + 1][c] as number };
    }
  }
  throw new Error("no 增加值 column with a number under it");
}

/** A zone's composite score as the 综合排名 sheet holds it, found by the zone's name under the header. */
async function compositeOnRankingSheet(page: Page, zone: string): Promise<Value> {
  const values = (await sheetValues(page, "综合排名")) ?? [];
  const headerRow = values.findIndex((row) => row.includes("综合得分") && row.includes("集聚区名称"));
  expect(headerRow).toBeGreaterThanOrEqual(0);
  const zoneCol = values[headerRow].indexOf("集聚区名称");
  const compositeCol = values[headerRow].indexOf("综合得分");
  const row = values.slice(headerRow + 1).find((r) => r[zoneCol] === zone);
  if (!row) throw new Error(`no row for ${zone} on 综合排名`);
  return row[compositeCol];
}

/** The zone named on the row of an indicator cell (the 集聚区名称 column). */
async function zoneOfRow(page: Page, address: string): Promise<string> {
  const values = (await sheetValues(page, "指标数据")) ?? [];
  const headerRow = values.findIndex((row) => row.includes("集聚区名称"));
  const row = Number(/\d+$/.exec(address)?.[0]) - 1;
  return String(values[row][values[headerRow].indexOf("集聚区名称")]);
}

async function editCell(page: Page, sheet: string, address: string, text: string): Promise<void> {
  await page.getByRole("tab", { name: sheet }).click();
  await page.locator(`td[data-cell="${address}"]`).dblclick();
  await page.getByLabel(`编辑 ${address}`).fill(text);
  await page.keyboard.press("Enter");
}

describe("browser demo", () => {
  it("rates the sample, and the summary matches the sheets written into the workbook", async () => {
    const page = await openDemo();
    await expect(page.getByTestId("indicator-sheet").textContent()).resolves.toBe("已找到指标表：指标数据");
    await expect(page.getByTestId("zone-count").textContent()).resolves.toBe("集聚区数量：180 个");
    await expect(page.getByTestId("preset-picker").inputValue()).resolves.toBe("henan-2013");
    await page.screenshot({ path: join(OUT, "01-overview.png") });

    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    await expect(page.getByTestId("message").getAttribute("data-intent")).resolves.toMatch(/success|warning/);
    await expect(page.getByTestId("run").textContent()).resolves.toBe("重新计算");

    const written = (await page.getByTestId("sheets-written").textContent())?.split("、") ?? [];
    expect(written).toEqual(expect.arrayContaining(["星级评定", "综合排名", "分市排名", "表彰名单", "晋级名单", "计算明细", "校验报告"]));
    for (const sheet of written) expect(await sheetValues(page, sheet)).not.toBeNull();

    const starsSheet = await sheetValues(page, "星级评定");
    const fromSheet = starCountsFromSheet(starsSheet ?? [], "星级数", "集聚区名称");
    expect(await paneStarCounts(page)).toEqual(fromSheet);
    // The sample is seeded to the 2013 scale (SPEC §1): 2 zones at 3★, 11 at 2★, 49 at 1★.
    expect([fromSheet["3"], fromSheet["2"], fromSheet["1"]]).toEqual([2, 11, 49]);

    const awards = await paneAwards(page);
    expect([...awards.keys()]).toEqual(["十强", "十快", "十先进"]);
    const awardsSheet = await sheetValues(page, "表彰名单");
    expect(awardsFromSheet(awardsSheet ?? [], [...awards.keys()])).toEqual(awards);
    for (const zones of awards.values()) expect(zones.length).toBeGreaterThanOrEqual(10);
    await page.getByTestId("summary").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, "02-rated.png") });
    await page.close();
  });

  it("reports a broken cell, writes nothing, and its link selects the cell", async () => {
    const page = await openDemo();
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    const before = await sheetValues(page, "星级评定");

    const { address, value } = await valueAddedCell(page);
    await editCell(page, "指标数据", address, "十二点五");
    expect((await sheetValues(page, "指标数据"))?.flat()).toContain("十二点五");

    await page.getByTestId("run").click();
    await page.locator('[data-testid="message"][data-intent="error"]').waitFor();
    expect(await page.getByTestId("message").textContent()).toContain("未写入任何结果");
    await expect(page.getByTestId("indicator-sheet").textContent()).resolves.toBe("已找到指标表：指标数据");
    await expect(page.getByTestId("run").isEnabled()).resolves.toBe(true);
    expect(await sheetValues(page, "星级评定")).toEqual(before);
    const problem = page.locator('[data-testid="problem"][data-severity="error"]', { hasText: `指标数据!${address}` });
    await expect(problem.count()).resolves.toBe(1);
    await page.screenshot({ path: join(OUT, "03-error.png") });

    // Somewhere else first, so the link has to move the selection.
    await page.getByRole("tab", { name: "星级评定" }).click();
    await page.locator('td[data-cell="A1"]').click();
    expect(await selection(page)).toEqual({ sheet: "星级评定", cell: "A1" });
    await problem.getByTestId("problem-link").click();
    await page.waitForFunction(
      (cell) => (window as unknown as { demoWorkbook: import("../fake-excel").FakeWorkbook }).demoWorkbook.selection?.cell === cell,
      address,
    );
    expect(await selection(page)).toEqual({ sheet: "指标数据", cell: address });
    await page.locator(`td.selected[data-cell="${address}"]`).waitFor();
    await expect(page.getByTestId("demo-selection").textContent()).resolves.toBe(`指标数据!${address}`);
    await page.screenshot({ path: join(OUT, "04-problem-selected.png") });

    // Fixed from the keyboard on the selected cell, then one click recomputes.
    await page.locator(".grid-scroll").focus();
    await page.keyboard.press("F2");
    await page.getByLabel(`编辑 ${address}`).fill(String(value));
    await page.keyboard.press("Enter");
    await page.getByTestId("run").click();
    await page.locator('[data-testid="message"]:not([data-intent="error"])').waitFor();
    await page.getByTestId("summary").waitFor();
    expect(await sheetValues(page, "星级评定")).toEqual(before);
    await page.close();
  });

  it("inserts an editable rules sheet that the pane then uses, and deletes only the result sheets", async () => {
    const page = await openDemo();
    await page.getByRole("button", { name: "插入规则表" }).click();
    await page.locator('[data-testid="message"][data-intent="success"]').waitFor();
    // Nothing is rated yet: the button reads 计算, and the message says so.
    expect(await page.getByTestId("run").textContent()).toBe("计算");
    expect(await page.getByTestId("message").textContent()).toBe("已插入规则表“评定规则”。修改其中的权重和标准后点击“计算”。");
    expect(await sheetValues(page, "评定规则")).not.toBeNull();
    await page.getByTestId("rules-source").waitFor();
    expect(await page.getByTestId("rules-source").textContent()).toMatch(/^使用工作簿中的“评定规则”表/);
    await expect(page.getByTestId("preset-picker").count()).resolves.toBe(0);

    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    const written = (await page.getByTestId("sheets-written").textContent())?.split("、") ?? [];
    const names = () => page.evaluate(() => (window as unknown as { demoWorkbook: import("../fake-excel").FakeWorkbook }).demoWorkbook.sheets.map((s) => s.name));
    const before = await names();
    await page.getByRole("button", { name: "删除结果表" }).click();
    await page.locator('[data-testid="message"][data-intent="success"]').waitFor();
    const after = await names();
    expect(after).toEqual(expect.arrayContaining(["指标数据", "评定规则"]));
    for (const sheet of written) expect(after).not.toContain(sheet);
    expect(await page.getByTestId("message").textContent()).toBe(`已删除 ${before.length - after.length} 张结果表。`);
    await expect(page.getByTestId("summary").count()).resolves.toBe(0);
    await page.close();
  });

  it("follows edits: results marked out of date, and with the switch on recomputed without a click", async () => {
    const page = await openDemo();
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    await expect(page.getByTestId("results-stale").count()).resolves.toBe(0);
    await expect(page.getByTestId("auto-recompute").isChecked()).resolves.toBe(false);
    const { address, value } = await valueAddedCell(page);
    const zone = await zoneOfRow(page, address);
    const rated = await compositeOnRankingSheet(page, zone);

    // Switch off: the pane says the results are out of date and leaves the result sheets alone.
    await editCell(page, "指标数据", address, String(value * 2));
    await page.getByTestId("results-stale").waitFor();
    expect(await page.getByTestId("results-stale").textContent()).toContain("结果已过期");
    await page.waitForTimeout(2500);
    expect(await compositeOnRankingSheet(page, zone)).toBe(rated);
    await page.getByTestId("results-stale").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, "06-results-stale.png") });

    // Its button brings them up to date.
    await page.getByTestId("recompute-stale").click();
    await page.getByTestId("results-stale").waitFor({ state: "detached" });
    const doubled = await compositeOnRankingSheet(page, zone);
    expect(doubled).not.toBe(rated);

    // Switch on: the next edit recomputes by itself once the typing pauses.
    await page.getByTestId("auto-recompute").check();
    await editCell(page, "指标数据", address, String(value));
    await page.getByTestId("results-stale").waitFor();
    await until(() => compositeOnRankingSheet(page, zone), (composite) => composite !== doubled);
    await page.getByTestId("results-stale").waitFor({ state: "detached" });
    expect(await compositeOnRankingSheet(page, zone)).toBe(rated);
    // The official stays on the sheet being edited; only a clicked recompute shows the results.
    expect(await page.evaluate(() => (window as unknown as { demoWorkbook: import("../fake-excel").FakeWorkbook }).demoWorkbook.activeSheet)).toBe("指标数据");
    await expect(page.getByTestId("run").isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId("auto-recompute").isChecked()).resolves.toBe(true);
    await page.screenshot({ path: join(OUT, "07-recomputed-after-edit.png") });
    await page.close();
  });

  it("speaks English with ?lang=en-US, down to the sheet names", async () => {
    const page = await openDemo("?lang=en-US");
    await expect(page.locator("main h1").textContent()).resolves.toBe("Industrial cluster zone rating");
    await expect(page.getByTestId("run").textContent()).resolves.toBe("Calculate");
    await expect(page.getByTestId("zone-count").textContent()).resolves.toBe("Zones: 180");
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor();
    const written = (await page.getByTestId("sheets-written").textContent())?.split(", ") ?? [];
    expect(written).toEqual(expect.arrayContaining(["Stars", "Ranking", "By city", "Awards", "Promotions", "Score details", "Validation"]));
    expect(await sheetValues(page, "Stars")).not.toBeNull();
    expect(await sheetValues(page, "星级评定")).toBeNull();
    expect([...(await paneAwards(page)).keys()]).toEqual(["Top 10 strongest", "Top 10 fastest", "Top 10 advanced"]);
    expect(await page.getByTestId("prize-total").textContent()).toMatch(/^Prize total: [\d,]+ yuan$/);
    await page.screenshot({ path: join(OUT, "05-english.png") });
    await page.close();
  });
});

describe("browser demo: robustness analysis (稳健性分析)", () => {
  it("runs 10,000 draws in the Web Worker, charts the leaders and every zone on or near an award list, writes 稳健性分析, and clears the chart when the data are rated again", async () => {
    const page = await openDemo();
    // Tall enough that the whole section shows without scrolling the pane.
    await page.setViewportSize({ width: 1400, height: 2400 });
    await page.getByTestId("robustness-run").click();
    const message = page.getByTestId("robustness-message");
    await message.waitFor({ timeout: 120_000 });
    expect(await message.getAttribute("data-intent")).toBe("success");
    expect(await message.textContent()).toMatch(/完成：模拟 10,000 次，用时 [\d.]+ 秒，已写入工作表“稳健性分析”。/);
    // The top 10, the 30 winners (十快's and 十先进's far down the ranking) and the zones close to an award.
    expect(await page.getByTestId("robustness-row").count()).toBeGreaterThan(30);
    expect(await page.getByTestId("robustness-stars-note").textContent()).toContain("与权重无关");

    const values = await sheetValues(page, "稳健性分析");
    if (!values) throw new Error("no 稳健性分析 sheet");
    const all = values.findIndex((row) => typeof row[0] === "string" && row[0].includes("全部集聚区"));
    const zones = values.slice(all + 1).filter((row) => typeof row[0] === "number");
    expect(zones).toHaveLength(180);
    expect(zones.map((row) => row[0])).toEqual(zones.map((row) => row[0] as number).sort((a, b) => a - b));
    for (const row of zones) expect(row[3] as number).toBeLessThanOrEqual(row[5] as number);

    await page.locator("section[aria-labelledby='robustness-title']").screenshot({ path: join(OUT, "08-robustness-pane.png") });
    await page.screenshot({ path: join(OUT, "08-robustness.png") });
    // A new rating is of other data: the analysis of the data before goes.
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    await until(() => page.getByTestId("robustness-result").count(), (n) => n === 0, 30_000);
    await page.close();
  }, 180_000);

  it("speaks English and writes the Robustness sheet in an English Office", async () => {
    const page = await openDemo("?lang=en-US");
    await page.getByTestId("robustness-runs").selectOption("1000");
    await page.getByTestId("robustness-vary").click();
    await page.getByTestId("robustness-run").click();
    const message = page.getByTestId("robustness-message");
    await message.waitFor({ timeout: 120_000 });
    expect(await message.textContent()).toMatch(/^Done: 1,000 draws in [\d.]+ s, written to the sheet "Robustness"\./);
    const values = await sheetValues(page, "Robustness");
    expect(values?.[2][0]).toMatch(/^Scoring methods: each draw picks every indicator's method from min–max, P90 capped, z-score/);
    await page.close();
  }, 180_000);
});

describe("the yearly cycle in the demo", () => {
  it("imports last year's rated workbook into 历年评定, carries it forward and shows a zone's stars and rank over the years", async () => {
    const page = await openDemo();
    await page.getByTestId("prev-file").setInputFiles(resolve(__dirname, "../../samples/henan-zones-2012-rated.xlsx"));
    const message = page.getByTestId("message");
    await until(() => message.textContent(), (text) => (text ?? "").includes("已把 2012 年度结果（180 个集聚区）记入“历年评定”"), 60_000);
    // The message names the button as it reads before any rating, and the years show at once.
    expect(await message.textContent()).toContain("点击“计算”即按此结转");
    expect(await page.getByTestId("years-kept").textContent()).toContain("2011–2012");

    await page.getByTestId("run").click();
    await page.getByTestId("trend-chart").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("years-kept").textContent()).toContain("2011–2013");
    // The first zone of 2013 was rated under the same name in 2011 and 2012: a bar and a rank for each year.
    expect(await page.getByTestId("trend-bar").count()).toBe(3);
    expect(await page.getByTestId("trend-rank").count()).toBe(3);
    expect(await page.getByTestId("exit-warnings").textContent()).toMatch(/^退出预警 \d+ 个：/);

    const carried = await sheetValues(page, "年度结转");
    const history = await sheetValues(page, "历年评定");
    expect(carried?.length).toBeGreaterThan(180);
    expect(history?.filter((row) => row[0] === 2013)).toHaveLength(180);
    await page.locator("section[aria-labelledby='years-title']").screenshot({ path: join(OUT, "09-years-pane.png") });
    await page.close();
  }, 180_000);

  it("in English: imports last year's results into \"Rating history\" and rates with them", async () => {
    const page = await openDemo("?lang=en-US");
    await page.getByTestId("prev-file").setInputFiles(resolve(__dirname, "../../samples/henan-zones-2012-rated.xlsx"));
    const message = page.getByTestId("message");
    await until(() => message.textContent(), (text) => (text ?? "").includes('were added to "Rating history"'), 60_000);
    expect(await page.getByTestId("years-kept").textContent()).toContain("2011–2012");
    await page.getByTestId("run").click();
    await page.getByTestId("trend-chart").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("years-kept").textContent()).toContain("2011–2013");
    const history = await sheetValues(page, "Rating history");
    expect(history?.filter((row) => row[0] === 2013)).toHaveLength(180);
    await page.close();
  }, 180_000);
});

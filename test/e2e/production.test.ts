// The production build: what it bundles, and the real task pane entry started by (stubbed)
// Office.js in Chromium, where a failing Excel.run must reach the user in words.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { StatsModule } from "webpack";
import { build, launchChromium, serve, type StaticServer } from "./harness";

const OUT = resolve(__dirname, "../../test-output/e2e");
const SITE = join(OUT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: StaticServer;
let browser: Browser;
let modules: string[];

beforeAll(async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const stats = await build(SITE, false);
  const json = stats.toJson({ modules: true, nestedModules: true });
  const names = (list: StatsModule[] | undefined): string[] => (list ?? []).flatMap((m) => [m.name ?? "", ...names(m.modules)]);
  modules = names(json.modules);
  server = await serve(SITE);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Office.js as far as the pane needs it; Excel.run fails as Excel does while a cell is being edited. */
function officeStub(displayLanguage: string): string {
  return `
window.Office = {
  onReady: function (cb) { var info = { host: "Excel", platform: "PC" }; if (cb) cb(info); return Promise.resolve(info); },
  context: { displayLanguage: ${JSON.stringify(displayLanguage)}, requirements: { isSetSupported: function () { return true; } } },
};
window.excelCalls = 0;
window.Excel = { run: function () {
  window.excelCalls += 1;
  var e = new Error("Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
  e.code = "InvalidOperationInCellEditMode";
  return Promise.reject(e);
} };`;
}

async function openPane(displayLanguage: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: officeStub(displayLanguage) }));
  await page.goto(`${server.url}taskpane.html`);
  return page;
}

describe("production build", () => {
  it("bundles neither ExcelJS, nor the fake Excel, nor the demo", () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.some((m) => m.includes("src/taskpane/components/App.tsx"))).toBe(true);
    expect(modules.filter((m) => /node_modules\/exceljs|test\/fake-excel|src\/demo|src\/xlsx/.test(m))).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN in the pages Office opens", () => {
    for (const page of ["taskpane.html", "commands.html", "notice.html"]) {
      const scripts = [...readFileSync(join(SITE, page), "utf8").matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
      expect(scripts[0]).toBe(OFFICE_JS);
    }
  });

  it("shows a failing Excel.run in the pane, in Chinese, with a retry that tries again", async () => {
    const page = await openPane("zh-CN");
    const message = page.locator('[data-testid="message"][data-intent="error"]');
    await message.waitFor();
    expect(await message.textContent()).toContain("无法读取工作簿：Excel is in cell-editing mode");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const calls = () => page.evaluate(() => (window as unknown as { excelCalls: number }).excelCalls);
    expect(await calls()).toBe(1);
    await page.getByRole("button", { name: "重试" }).click();
    await page.waitForFunction(() => (window as unknown as { excelCalls: number }).excelCalls === 2);
    await message.waitFor();
    await page.screenshot({ path: join(OUT, "06-production-error.png") });
    await page.close();
  });

  it("follows an English Office display language", async () => {
    const page = await openPane("en-GB");
    await page.locator('[data-testid="message"][data-intent="error"]').waitFor();
    expect(await page.locator("main h1").textContent()).toBe("Industrial cluster zone rating");
    expect(await page.getByTestId("message").textContent()).toContain("The workbook could not be read: Excel is in cell-editing mode");
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    await page.close();
  });
});

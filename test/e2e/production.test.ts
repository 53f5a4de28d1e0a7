// The production build: what it bundles, how its pages load office.js (Microsoft's CDN, or the
// bundled copy when the CDN cannot be reached), and the real task pane entry started by (stubbed)
// Office.js in Chromium, where a failing Excel.run must reach the user in words.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import type { StatsModule } from "webpack";
import * as acorn from "acorn";
import { build, launchChromium, serve, type StaticServer } from "./harness";

const OUT = resolve(__dirname, "../../test-output/e2e");
const SITE = join(OUT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_PACKAGE = dirname(require.resolve("@microsoft/office-js/package.json"));

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
  it("bundles neither ExcelJS, nor the fake Excel, nor the demo, nor the Node side of the .xlsx adapter", () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.some((m) => m.includes("src/taskpane/components/App.tsx"))).toBe(true);
    expect(modules.filter((m) => /node_modules\/exceljs|test\/fake-excel|src\/demo|src\/xlsx\/(read|write|merge)\.ts/.test(m))).toEqual([]);
    // Last year's rated workbook is read in the pane by the CLI's own sheet reader.
    expect(modules.some((m) => m.includes("src/xlsx/sheets.ts"))).toBe(true);
  });

  it("has the pages Office opens load office.js first, through the loader, and their own script after it", () => {
    for (const [page, app] of [["taskpane.html", "taskpane.js"], ["commands.html", "commands.js"], ["notice.html", "notice.js"]]) {
      const html = readFileSync(join(SITE, page), "utf8");
      // The task pane's inline old-webview guard comes first (see its own tests below).
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag !== "<script>" || page !== "taskpane.html");
      expect({ page, scripts }).toEqual({ page, scripts: [expect.stringMatching(/src="?office-loader\.js/)] });
      expect(scripts[0]).toMatch(new RegExp(`data-app="?${app.replace(".", "\\.")}[">\\s]`));
      expect(html.indexOf("office-loader.js")).toBeLessThan(html.indexOf("</head>"));
    }
  });

  it("carries Microsoft's office.js for Excel unchanged, with its licence, and no debug builds", () => {
    const copy = join(SITE, "office-js");
    for (const file of ["office.js", "excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "o15apptofilemappingtable.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]) {
      expect({ file, same: readFileSync(join(copy, file)).equals(readFileSync(join(OFFICE_JS_PACKAGE, "dist", file))) }).toEqual({ file, same: true });
    }
    expect(readFileSync(join(copy, "LICENSE.md"), "utf8")).toContain("MICROSOFT SOFTWARE LICENSE TERMS");
    const files = readdirSync(copy, { recursive: true }).map(String);
    expect(files.filter((f) => /\.debug\.js$|^(word|outlook|powerpoint|onenote|project|access|visio)/.test(f))).toEqual([]);
    expect(existsSync(join(copy, "office.js.LICENSE.txt"))).toBe(false);
  });

  it("shows a failing Excel.run in the pane, in Chinese, with a retry that tries again", async () => {
    const page = await openPane("zh-CN");
    const message = page.locator('[data-testid="message"][data-intent="error"]');
    await message.waitFor();
    expect(await message.textContent()).toContain("无法读取工作簿：Excel is in cell-editing mode");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const calls = () => page.evaluate(() => (window as unknown as { excelCalls: number }).excelCalls);
    // The overview's read, and the request that starts following the workbook's edits.
    const before = await calls();
    expect(before).toBeGreaterThanOrEqual(1);
    await page.getByRole("button", { name: "重试" }).click();
    await page.waitForFunction((n) => (window as unknown as { excelCalls: number }).excelCalls > n, before);
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

  describe("without Microsoft's CDN", () => {
    /** Opens the pane with the internet unreachable except as `cdn` says; records every office.js request. */
    async function openOffline(cdn: "fails" | "hangs" | "answers only the probe", local: "serves" | "fails" = "serves") {
      const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
      const requests: Request[] = [];
      page.on("request", (r) => {
        if (r.url().endsWith("office.js")) requests.push(r);
      });
      await page.route(/^https:\/\//, (route) => {
        const request = route.request();
        if (request.url() !== OFFICE_JS || cdn === "fails") return route.abort("internetdisconnected");
        if (cdn === "answers only the probe" && request.method() === "HEAD") return route.fulfill({ status: 200 });
        if (cdn === "answers only the probe") return route.abort("connectionreset");
        // "hangs": a firewall that drops the packets; the request is left without an answer.
        return undefined;
      });
      if (local === "fails") await page.route("**/office-js/office.js", (route) => route.abort());
      const started = Date.now();
      await page.goto(`${server.url}taskpane.html`);
      return { page, requests, started };
    }

    /** The office.js scripts in the page, by address: exactly one must be there once the pane runs. */
    const officeScripts = (page: Page) => page.evaluate(() => [...document.querySelectorAll("script")].map((s) => s.src).filter((src) => src.endsWith("office.js")));

    it("starts the pane on the bundled office.js when the CDN cannot be reached", async () => {
      const { page, requests } = await openOffline("fails");
      await page.locator("main h1").waitFor();
      expect(await officeScripts(page)).toEqual([`${server.url}office-js/office.js`]);
      expect(requests.map((r) => `${r.method()} ${r.url()}`)).toEqual([`HEAD ${OFFICE_JS}`, `GET ${server.url}office-js/office.js`]);
      // Outside Office, office.js reports no host; the pane then says it cannot reach the workbook.
      await page.locator('[data-testid="message"][data-intent="error"]').waitFor();
      expect(await page.evaluate(() => typeof Office.onReady)).toBe("function");
      await page.screenshot({ path: join(OUT, "07-production-offline.png") });
      await page.close();
    });

    it("gives up on a CDN that does not answer within 5 seconds", async () => {
      const { page, started } = await openOffline("hangs");
      await page.locator("main h1").waitFor({ timeout: 20_000 });
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(4_900);
      expect(await officeScripts(page)).toEqual([`${server.url}office-js/office.js`]);
      await page.close();
    });

    it("falls back when the CDN answers but its script does not load, leaving only the local office.js in the page", async () => {
      const { page, requests } = await openOffline("answers only the probe");
      await page.locator("main h1").waitFor();
      expect(requests.map((r) => `${r.method()} ${r.url()}`)).toEqual([`HEAD ${OFFICE_JS}`, `GET ${OFFICE_JS}`, `GET ${server.url}office-js/office.js`]);
      // office.js looks for its own files beside the first office.js script in the page.
      expect(await officeScripts(page)).toEqual([`${server.url}office-js/office.js`]);
      await page.close();
    });

    it("falls back when a proxy answers the CDN with its own page instead of office.js", async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
      await page.route(/^https:\/\//, (route) =>
        route.request().url() === OFFICE_JS ? route.fulfill({ status: 200, contentType: "text/html", body: "<html><body><h1>访问被拒绝 Access denied</h1></body></html>" }) : route.abort("internetdisconnected"),
      );
      await page.goto(`${server.url}taskpane.html`);
      await page.locator("main h1").waitFor();
      expect(await page.evaluate(() => typeof Office.onReady)).toBe("function");
      expect(await officeScripts(page)).toEqual([`${server.url}office-js/office.js`]);
      // A parse error in another site's answer is not taken for an old webview.
      expect(await page.locator("#old-webview").count()).toBe(0);
      await page.close();
    });

    it("says so in the pane, in both languages, when no office.js can be loaded", async () => {
      const { page } = await openOffline("fails", "fails");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^无法加载 Office JavaScript API（office\.js）.*Office\.js could not be loaded/);
      expect(await page.locator("main").count()).toBe(0);
      await page.close();
    });
  });

  it("does not touch the bundled copy when the CDN answers", async () => {
    const page = await openPane("zh-CN");
    await page.locator('[data-testid="message"][data-intent="error"]').waitFor();
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(fetched).toContain(OFFICE_JS);
    expect(fetched.filter((url) => url.includes("/office-js/"))).toEqual([]);
    await page.close();
  });

  describe("in a webview too old for the pane", () => {
    const guardScript = () => {
      const html = readFileSync(join(SITE, "taskpane.html"), "utf8");
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(inline).toHaveLength(1);
      expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("office-loader.js"));
      return inline[0];
    };

    it("runs a first script that Internet Explorer 11 can parse (ES5)", () => {
      expect(() => acorn.parse(guardScript(), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
      // The rest of the page's scripts are not ES5: that is what the guard is for.
      expect(() => acorn.parse(readFileSync(join(SITE, "taskpane.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" })).toThrow();
    });

    it.each([
      ["Internet Explorer 11 (Trident)", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko"],
      ["Edge Legacy (EdgeHTML)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041"],
    ])("says what is needed and what else there is, in Chinese and English, in %s", async (_name, userAgent) => {
      const context = await browser.newContext({ userAgent, viewport: { width: 360, height: 700 } });
      const page = await context.newPage();
      await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: officeStub("zh-CN") }));
      await page.goto(`${server.url}taskpane.html`);
      const box = page.locator("#old-webview");
      await box.waitFor();
      const text = await box.textContent();
      expect(text).toContain("Microsoft 365 或 Office 2021");
      expect(text).toContain("WebView2");
      expect(text).toMatch(/WPS 表格加载项.*离线评定网页.*命令行/);
      expect(text).toContain("Microsoft 365 or Office 2021 or later");
      expect(text).toMatch(/WPS.*offline rating page.*command line/);
      await context.close();
    });

    it("says so too when the pane's own script cannot be parsed, instead of leaving a blank pane", async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
      await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: officeStub("zh-CN") }));
      // What an engine older than the build sees in it: syntax it does not know.
      await page.route("**/taskpane.js", (route) => route.fulfill({ contentType: "text/javascript", body: "const pane = { ...; };" }));
      await page.goto(`${server.url}taskpane.html`);
      await page.locator("#old-webview").waitFor();
      expect(await page.locator("main").count()).toBe(0);
      await page.screenshot({ path: join(OUT, "09-old-webview.png") });
      await page.close();
    });

    it("stays silent in a webview that runs the pane", async () => {
      const page = await openPane("zh-CN");
      await page.locator('[data-testid="message"][data-intent="error"]').waitFor();
      expect(await page.locator("#old-webview").count()).toBe(0);
      await page.close();
    });
  });
});

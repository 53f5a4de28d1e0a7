// Shared by the offline page's browser tests and its benchmark: build dist-web with the webpack Node
// API, open it from disk in Chromium, choose files, wait for the rating, and read a workbook's
// result sheets with the project's reader.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import webpack from "webpack";
import type { BrowserContext, Page } from "playwright-core";
import { readKindedSheets } from "../../src/xlsx/sheets";

const ROOT = resolve(__dirname, "../..");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration[];

/** Builds the offline page (`--env web`, production) into outputPath; rejects with webpack's errors. */
export function buildWeb(outputPath: string): Promise<void> {
  const configs = makeConfig({ web: true, outputPath }, { mode: "production" }).map((c) => ({ ...c, context: ROOT }));
  return new Promise((done, fail) => {
    webpack(configs, (error, stats) => {
      if (error) fail(error);
      else if (!stats) fail(new Error("webpack returned no stats"));
      else if (stats.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else done();
    });
  });
}

/** The page's address when opened from disk. */
export function pageUrl(site: string, query = ""): string {
  return `${pathToFileURL(join(site, "index.html")).href}${query}`;
}

export interface OpenedPage {
  page: Page;
  /** Every request the page and its workers made, by URL. */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/** Opens the page in a new tab of the context, recording its requests and errors, and waits for the pane. */
export async function openPage(context: BrowserContext, url: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId("workbook-file-button").waitFor({ state: "visible" });
  return { page, requests, errors };
}

/**
 * Does what starts a run (choosing a file, a preset) and waits for the run to end: the pane no
 * longer busy, and a new message shown (the pane drops its message when a run starts). The message's intent.
 */
export async function afterRun(page: Page, start: () => Promise<unknown>, timeout = 120_000): Promise<string> {
  const before = await page.$('[data-testid="message"]');
  await start();
  await page.waitForFunction(
    (old) => {
      const message = document.querySelector('[data-testid="message"]');
      return message !== null && message !== old && document.querySelector("main")?.getAttribute("aria-busy") === "false";
    },
    before,
    { timeout },
  );
  return (await page.getByTestId("message").getAttribute("data-intent")) ?? "";
}

/** Chooses the workbook through the file dialog's input and waits for its rating; the run's message intent. */
export function chooseWorkbook(page: Page, file: string, timeout?: number): Promise<string> {
  return afterRun(page, () => page.getByTestId("workbook-file").setInputFiles(file), timeout);
}

/** Saves the rated workbook through the download button; the suggested name and the bytes. */
export async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  return { name: saved.suggestedFilename(), bytes: readFileSync(await saved.path()) };
}

export interface SheetCells {
  name: string;
  kind?: string;
  values: unknown[][];
  numberFormats?: unknown;
}

/** Every sheet of a workbook, result sheets included, as the project's reader reads it. */
export async function sheetsOf(bytes: Uint8Array): Promise<SheetCells[]> {
  return (await readKindedSheets(bytes, { allResults: true })).map((s) => ({ name: s.grid.sheet, ...(s.kind ? { kind: s.kind } : {}), values: s.grid.values, numberFormats: s.grid.numberFormats }));
}

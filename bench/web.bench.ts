// The offline page in headless Chromium, opened from disk as an official opens it: the JavaScript it
// loads before its first paint, the time to that paint, and the time from choosing a workbook to the
// download being ready (the sample, 10,000 and 100,000 zones), with the tab's peak memory (the
// resident set of its renderer process, which runs the page's worker too).
import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { writeLargeTable } from "../test/corpus/large";
import { launchChromium } from "../test/e2e/harness";
import { buildWeb, pageUrl } from "../test/web/site";
import { report } from "./measure";

const SAMPLE = resolve(__dirname, "../samples/henan-zones-sample.xlsx");
const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The Chromium renderer processes this benchmark started (the tabs, which run their workers too). */
function renderers(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while being looked at.
    }
  }
  const found: number[] = [];
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${child}/cmdline`, "utf8").includes("--type=renderer")) found.push(child);
      } catch {
        // Gone meanwhile.
      }
      visit(child);
    }
  };
  visit(process.pid);
  return found;
}

/** Resident set (KiB) of the largest renderer: the tab under test (closed tabs' and spare renderers are smaller). */
function tabRssKiB(): number {
  let largest = 0;
  for (const pid of renderers()) {
    try {
      largest = Math.max(largest, Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    } catch {
      // Gone meanwhile.
    }
  }
  return largest;
}

/** Milliseconds of CPU the renderers have used (user and system; the kernel counts in hundredths of a second). */
function renderersCpuMs(): number {
  let ticks = 0;
  for (const pid of renderers()) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks * 10;
}

/** Notes, by the page's own clock, when the workbook was chosen and when the download became ready. */
function timeChoice(): void {
  const w = window as unknown as { chosenAt?: number; readyAt?: number };
  document.addEventListener("change", (e) => {
    if ((e.target as HTMLElement | null)?.dataset.testid === "workbook-file") w.chosenAt = performance.now();
  }, true);
  new MutationObserver(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="download"]');
    if (w.chosenAt !== undefined && w.readyAt === undefined && button && !button.disabled) w.readyAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * Opens the page in a fresh tab, chooses the workbook, waits for the download: milliseconds from
 * choice to ready, the tab's peak memory, and the CPU time it took (which, unlike the wall time,
 * hardly depends on how busy the machine is).
 */
async function rateInPage(browser: Browser, site: string, file: string, timeoutMs: number): Promise<{ ms: number; peakMiB: number; cpuMs: number }> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page: Page = await context.newPage();
  await page.addInitScript(timeChoice);
  await page.goto(pageUrl(site));
  // The pane's first look at the (empty) choice comes from the worker: it is running.
  await page.getByTestId("preset-picker").waitFor({ state: "visible" });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, tabRssKiB())), 100);
  const cpuBefore = renderersCpuMs();
  try {
    await page.getByTestId("workbook-file").setInputFiles(file);
    await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, null, { timeout: timeoutMs, polling: 100 });
    const ms = await page.evaluate(() => {
      const w = window as unknown as { chosenAt: number; readyAt: number };
      return w.readyAt - w.chosenAt;
    });
    return { ms, peakMiB: peak / 1024, cpuMs: renderersCpuMs() - cpuBefore };
  } finally {
    clearInterval(sampler);
    await context.close();
  }
}

async function firstRenders(browser: Browser, site: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector("main h1")) return;
        (window as unknown as { titleAt: number }).titleAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(pageUrl(site));
    await page.waitForSelector("main h1", { state: "visible" });
    times.push(await page.evaluate(() => (window as unknown as { titleAt: number }).titleAt));
    await context.close();
  }
  return times;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "web-bench-"));
  try {
    const site = join(dir, "dist-web");
    await buildWeb(site);
    const gzipKB = (file: string) => gzipSync(readFileSync(join(site, file)), { level: 9 }).length / 1024;
    // What the page loads before it paints: the scripts index.html names; its chunks come after.
    const html = readFileSync(join(site, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    report({ name: "page JS before first paint, gzipped", value: scripts.reduce((sum, f) => sum + gzipKB(f), 0), unit: "KB", target: 250 });
    report({ name: "page JS with every chunk (worker included), gzipped", value: readdirSync(site).filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + gzipKB(f), 0), unit: "KB" });

    const browser = await launchChromium();
    try {
      const renders = await firstRenders(browser, site);
      report({ name: "page first render from disk (median of 7)", value: median(renders), unit: "ms", target: 1000 });

      const sample = [];
      for (let i = 0; i < RUNS; i++) sample.push(await rateInPage(browser, site, SAMPLE, 60_000));
      report({ name: `sample, 180 zones: chosen → download ready (median of ${RUNS})`, value: median(sample.map((r) => r.ms)), unit: "ms", target: 1500 });
      report({ name: "sample, 180 zones: the tab's CPU time (median)", value: median(sample.map((r) => r.cpuMs)), unit: "ms" });
      report({ name: "sample, 180 zones: tab's peak memory", value: Math.max(...sample.map((r) => r.peakMiB)), unit: "MiB" });
      process.stdout.write(`sample runs ${sample.map((r) => Math.round(r.ms)).join(", ")} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs\n`);

      for (const [zones, target] of [
        [10_000, 10],
        [100_000, undefined],
      ] as const) {
        const file = join(dir, `zones-${zones}.xlsx`);
        await writeLargeTable(file, zones);
        const run = await rateInPage(browser, site, file, 30 * 60_000);
        const label = zones.toLocaleString("en-US");
        report({ name: `${label} zones: chosen → download ready`, value: run.ms / 1000, unit: "s", ...(target !== undefined ? { target } : {}) });
        report({ name: `${label} zones: the tab's CPU time`, value: run.cpuMs / 1000, unit: "s" });
        report({ name: `${label} zones: tab's peak memory`, value: run.peakMiB, unit: "MiB" });
        rmSync(file);
      }
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

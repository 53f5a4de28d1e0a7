// Shared by the end-to-end tests and the bundle benchmark: build with the webpack Node API, serve
// a folder on 127.0.0.1, launch the system Chromium headless.
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import webpack from "webpack";
import { chromium, type Browser } from "playwright-core";

const ROOT = resolve(__dirname, "../..");

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const makeConfig = require(join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration;

/** Builds the add-in (or the demo) into outputPath in production mode; rejects with webpack's errors. */
export function build(outputPath: string, demo: boolean): Promise<webpack.Stats> {
  return buildPart(outputPath, { demo });
}

/** Builds the part of webpack.config.js that `env` picks (`{ wps: true }`: the WPS add-in) in production mode. */
export function buildPart(outputPath: string, env: Record<string, unknown>): Promise<webpack.Stats> {
  const config = makeConfig({ ...env, outputPath }, { mode: "production" });
  return new Promise((done, fail) => {
    webpack({ ...config, context: ROOT }, (error, stats) => {
      if (error) fail(error);
      else if (!stats) fail(new Error("webpack returned no stats"));
      else if (stats.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else done(stats);
    });
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a folder read-only on 127.0.0.1 and a free port; "/" is index.html. */
export async function serve(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(normalize(dir))) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Reads until the value passes the check (work the page starts by itself), or fails after the timeout. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

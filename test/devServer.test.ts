// The development servers (`npm run dev-server`, `npm start`, `npm run demo`) listen on this machine
// only and let only Office's origins read across origins: started for real, on a tiny bundle.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

interface DevConfig {
  devServer: WebpackDevServer.Configuration & { headers: unknown };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../webpack.config.js") as ((env: Record<string, unknown>, argv: Record<string, unknown>) => DevConfig) & { corsHeaders(origin: string | undefined): Record<string, string> };

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

function get(url: string, origin: string): Promise<Record<string, string | string[] | undefined>> {
  const send = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { headers: { Origin: origin }, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.headers));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the development servers", () => {
  it("answer CORS only for Office's origins and their own, never with *", () => {
    for (const origin of ["https://excel.officeapps.live.com", "https://contoso.sharepoint.com", "https://www.office.com", "https://www.microsoft365.com", "https://excel.cloud.microsoft", "https://localhost:3000"]) {
      expect(config.corsHeaders(origin)["Access-Control-Allow-Origin"]).toBe(origin);
    }
    for (const origin of ["https://evil.example", "http://excel.officeapps.live.com", "https://officeapps.live.com.evil.example", "null", undefined]) {
      expect(config.corsHeaders(origin)).toEqual({ Vary: "Origin" });
    }
  });

  describe.each([
    { name: "add-in (dev-server, start)", env: {} },
    { name: "demo", env: { demo: true } },
  ])("$name", ({ env }) => {
    const dir = mkdtempSync(join(tmpdir(), "zr-devserver-"));
    let server: WebpackDevServer;

    beforeAll(async () => {
      writeFileSync(join(dir, "entry.js"), "document.title = 'x';\n");
      const devServer = { ...config(env, { mode: "development" }).devServer, port: 0, static: false, hot: false, liveReload: false, client: false } as WebpackDevServer.Configuration;
      const compiler = webpack({ mode: "development", context: dir, entry: "./entry.js", output: { path: join(dir, "out") }, stats: "none", infrastructureLogging: { level: "none" } });
      server = new WebpackDevServer(devServer, compiler);
      await server.start();
    }, 60_000);

    afterAll(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it("listens on the loopback interface only", () => {
      const address = server.server!.address() as AddressInfo;
      expect(LOOPBACK.has(address.address)).toBe(true);
    });

    it("does not hand its files to any other origin", async () => {
      const { port } = server.server!.address() as AddressInfo;
      const scheme = (config(env, { mode: "development" }).devServer.server as string) === "https" ? "https" : "http";
      const headers = await get(`${scheme}://localhost:${port}/main.js`, "https://evil.example");
      expect(headers["access-control-allow-origin"]).toBeUndefined();
      const office = await get(`${scheme}://localhost:${port}/main.js`, "https://excel.officeapps.live.com");
      expect(office["access-control-allow-origin"]).toBe(env.demo ? undefined : "https://excel.officeapps.live.com");
    });
  });
});

// `npm run package` and `npm run serve:package` end to end: the scripts run as the user runs them
// (node with tsx), one real package built for a localhost base, its folder, zip and manifest read
// back, then served over HTTPS with a certificate made for the test and fetched.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { packageName, parseBaseUrl, rebaseManifest } from "../scripts/package";

const ROOT = resolve(__dirname, "..");
const SOURCE_MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function runScript(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", script), ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "localhost", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** GET over HTTPS, trusting only the given CA: the served certificate must really be valid for localhost. */
function fetchTrusting(url: string, ca: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    get(url, { ca }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => done({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }));
    }).on("error", fail);
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split("\\").join("/"))
    .sort();
}

describe("the base URL", () => {
  it("gets its missing trailing slash", () => {
    expect(parseBaseUrl("https://addins.example.cn/zone-rating").href).toBe("https://addins.example.cn/zone-rating/");
    expect(parseBaseUrl("https://addins.example.cn").href).toBe("https://addins.example.cn/");
  });

  it("must be HTTPS, a URL, and a plain folder address", () => {
    expect(() => parseBaseUrl("http://addins.example.cn/")).toThrow("must start with https://");
    expect(() => parseBaseUrl("addins.example.cn/zone-rating/")).toThrow("is not a URL");
    expect(() => parseBaseUrl("https://addins.example.cn/?v=1")).toThrow("plain folder address");
  });

  it("names the package folder after its host, port and path", () => {
    expect(packageName(parseBaseUrl("https://addins.example.cn:8443/office/zone-rating/"))).toBe("addins.example.cn-8443-office-zone-rating");
    expect(packageName(parseBaseUrl("https://localhost:3000/"))).toBe("localhost-3000");
  });
});

describe("rebaseManifest", () => {
  it("escapes the base URL as XML", () => {
    const xml = rebaseManifest(SOURCE_MANIFEST, parseBaseUrl("https://addins.example.cn/a&b/"));
    expect(xml).toContain('<SourceLocation DefaultValue="https://addins.example.cn/a&amp;b/taskpane.html"/>');
  });

  it("refuses a manifest with nothing on the dev server to rebase", () => {
    expect(() => rebaseManifest("<OfficeApp/>", parseBaseUrl("https://addins.example.cn/"))).toThrow("cannot rebase");
  });
});

describe("npm run package", () => {
  it("refuses a base URL that is not HTTPS: exit status 1, a message saying why, nothing built", () => {
    const out = mkdtempSync(join(tmpdir(), "package-http-"));
    try {
      const run = runScript("package.ts", ["--base-url", "http://addins.example.cn/zone-rating/", "--out", join(out, "pkg")]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('--base-url must start with https:// (got "http://addins.example.cn/zone-rating/"): Office loads add-ins only over HTTPS.\n');
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("refuses to run without a base URL, or into a folder it would wipe out", () => {
    expect(runScript("package.ts", [])).toMatchObject({ status: 1, stderr: expect.stringContaining("--base-url is required") });
    expect(runScript("package.ts", ["--base-url", "https://a.example.cn/", "--out", ROOT])).toMatchObject({ status: 1, stderr: expect.stringContaining("contains the project itself") });
    const busy = mkdtempSync(join(tmpdir(), "package-busy-"));
    try {
      writeFileSync(join(busy, "notes.txt"), "someone's work");
      expect(runScript("package.ts", ["--base-url", "https://a.example.cn/", "--out", busy])).toMatchObject({ status: 1, stderr: expect.stringContaining("would be emptied") });
      expect(readdirSync(busy)).toEqual(["notes.txt"]);
    } finally {
      rmSync(busy, { recursive: true, force: true });
    }
  });
});

describe("a package for a pilot on https://localhost", () => {
  let work: string;
  let folder: string;
  let base: URL;
  let printed: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "package-"));
    folder = join(work, "zone-rating");
    base = parseBaseUrl(`https://localhost:${await freePort()}/pilot/`);
    // Without its trailing slash, as a user may well type it.
    const run = runScript("package.ts", ["--base-url", base.href.slice(0, -1), "--out", folder]);
    if (run.status !== 0) throw new Error(`npm run package failed (${run.status}):\n${run.stderr}`);
    printed = run.stdout;
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("prints the folder's tree, the zip and where the manifest is", () => {
    for (const line of ["zone-rating/", "  taskpane.html", "  manifest.xml", "  office-loader.js", "  assets/", "    icon-32.png", "  office-js/  "]) expect(printed).toContain(line);
    expect(printed).toMatch(/office-js\/ {2}\d+ files, [\d.]+ MB/);
    expect(printed).toContain("zone-rating.zip");
    expect(printed).toContain(`every URL under ${base.href}`);
  });

  it("writes the manifest with every URL under the base, as rebaseManifest makes it, each at a file in the folder", () => {
    const manifest = readFileSync(join(folder, "manifest.xml"), "utf8");
    expect(manifest).toBe(rebaseManifest(SOURCE_MANIFEST, base));
    const files = new Set(filesUnder(folder));
    const urls = [...manifest.matchAll(/"(https:\/\/localhost:\d+\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect({ url, inFolder: files.has(url.slice(base.href.length)) }).toEqual({ url, inFolder: true });
  });

  it("zips the folder, under one top folder, file for file", async () => {
    const zip = await JSZip.loadAsync(readFileSync(`${folder}.zip`));
    const zipped = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(zipped).toEqual(filesUnder(folder).map((f) => `zone-rating/${f}`));
    expect(await zip.file("zone-rating/manifest.xml")?.async("string")).toBe(readFileSync(join(folder, "manifest.xml"), "utf8"));
  });

  it("is served by npm run serve:package over HTTPS at its base, with a certificate valid for localhost", async () => {
    const certDir = join(work, "certs");
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "serve-package.ts"), "--dir", folder, "--cert-dir", certDir], { cwd: ROOT });
    try {
      let output = "";
      await new Promise<void>((ready, fail) => {
        child.stdout?.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Serving")) ready();
        });
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("exit", (code) => fail(new Error(`serve:package exited (${code}):\n${output}`)));
      });
      expect(output).toContain(`at ${base.href}`);
      const ca = readFileSync(join(certDir, "ca.crt"));

      const manifest = await fetchTrusting(new URL("manifest.xml", base).href, ca);
      expect(manifest).toMatchObject({ status: 200, type: expect.stringMatching(/xml/) });
      expect(manifest.body).toBe(readFileSync(join(folder, "manifest.xml"), "utf8"));

      const pane = await fetchTrusting(new URL("taskpane.html", base).href, ca);
      expect(pane).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html/) });
      expect(pane.body).toContain("office-loader.js");

      const officeJs = await fetchTrusting(new URL("office-js/office.js", base).href, ca);
      expect(officeJs).toMatchObject({ status: 200, type: expect.stringMatching(/javascript/) });

      // Only the base path is served: the site's root and paths outside it are not the add-in.
      expect((await fetchTrusting(new URL("/manifest.xml", base).href, ca)).status).toBe(404);
    } finally {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("serve:package refuses a package made for another server", () => {
    const other = join(work, "other");
    mkdirSync(other);
    writeFileSync(join(other, "manifest.xml"), rebaseManifest(SOURCE_MANIFEST, parseBaseUrl("https://addins.example.cn/zone-rating/")));
    const run = runScript("serve-package.ts", ["--dir", other, "--cert-dir", join(work, "certs")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("was packaged for https://addins.example.cn/zone-rating/, not for this PC");
  });
});

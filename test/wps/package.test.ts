// `npm run package:wps`: the online folder and its jsplugins.xml, the oem.ini lines, the offline
// bundle and its zip, and the Linux install script run against a fake home folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { parseBaseUrl } from "../../scripts/package";
import { jspluginsXml, publishEntry } from "../../scripts/package-wps";

const ROOT = resolve(__dirname, "../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const FOLDER = `ZoneRating_${VERSION}`;

function packageWps(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "package-wps.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
}

let dir: string;
let out: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wps-package-"));
  out = join(dir, "pkg");
  const made = packageWps(["--base-url", "https://zr.example/wps", "--out", out]);
  if (made.status !== 0) throw new Error(made.stderr);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run package:wps", () => {
  test("the base URL: http or https, a folder address; the trailing slash is added", () => {
    expect(parseBaseUrl("http://10.1.2.3:8080/wps", true).href).toBe("http://10.1.2.3:8080/wps/");
    expect(() => parseBaseUrl("ftp://zr.example/wps/", true)).toThrow("https:// or http://");
    expect(() => parseBaseUrl("https://zr.example/wps/?v=2", true)).toThrow("plain folder address");
    const bad = packageWps(["--base-url", "file:///srv/wps/"]);
    expect([bad.status, bad.stderr.trim()]).toEqual([1, '--base-url must start with https:// or http:// (got "file:///srv/wps/").']);
  });

  test("online: the built add-in with jsplugins.xml pointing at the base URL; oem.ini turns add-ins on and names the list", () => {
    const online = join(out, "online");
    for (const file of ["ribbon.xml", "index.html", "main.js", "taskpane.html", "robustness.worker.source.js", "images/zrRecalculate.svg"]) expect(existsSync(join(online, file))).toBe(true);
    expect(readFileSync(join(online, "jsplugins.xml"), "utf8")).toBe(jspluginsXml(new URL("https://zr.example/wps/")));
    expect(readFileSync(join(online, "jsplugins.xml"), "utf8")).toContain('<jspluginonline name="ZoneRating" type="et" url="https://zr.example/wps/"/>');
    const ini = readFileSync(join(out, "oem.ini"), "utf8").split("\r\n");
    expect(ini.filter((l) => !l.startsWith(";"))).toEqual(["[Support]", "JsApiPlugin=true", "", "[Server]", "JSPluginsServer=https://zr.example/wps/jsplugins.xml", ""]);
  });

  test("offline: <name>_<version>/, its publish.xml entry and the install scripts, all in the zip", () => {
    const offline = join(out, "offline");
    expect(readdirSync(offline).sort()).toEqual([FOLDER, "install-linux.sh", "install-windows.bat", "publish.xml"]);
    expect(existsSync(join(offline, FOLDER, "ribbon.xml"))).toBe(true);
    expect(existsSync(join(offline, FOLDER, "jsplugins.xml"))).toBe(false);
    expect(readFileSync(join(offline, "publish.xml"), "utf8")).toContain(publishEntry(VERSION));
    const bat = readFileSync(join(offline, "install-windows.bat"), "utf8");
    expect(bat).toContain("%APPDATA%\\kingsoft\\wps\\jsaddons");
    expect(bat).toContain(`xcopy "%ZR_HERE%${FOLDER}"`);
    const zipped = Object.keys(unzipSync(readFileSync(join(out, `${FOLDER}-offline.zip`))));
    expect(zipped).toEqual(expect.arrayContaining(["offline/publish.xml", "offline/install-linux.sh", "offline/install-windows.bat", `offline/${FOLDER}/index.html`, `offline/${FOLDER}/ribbon.xml`]));
  });

  test("install-linux.sh copies the add-in into ~/.local/share/Kingsoft/wps/jsaddons and merges its publish.xml entry, keeping the others", () => {
    const home = join(dir, "home");
    const addins = join(home, ".local/share/Kingsoft/wps/jsaddons");
    const install = () => spawnSync("sh", [join(out, "offline", "install-linux.sh")], { env: { ...process.env, HOME: home }, encoding: "utf8" });
    expect(install().status).toBe(0);
    expect(readFileSync(join(addins, "publish.xml"), "utf8")).toContain(publishEntry(VERSION));
    expect(existsSync(join(addins, FOLDER, "index.html"))).toBe(true);

    // Another add-in, and an older version of this one, already installed.
    mkdirSync(join(addins, "ZoneRating_0.0.9"));
    const other = '<jsplugin name="OtherAddin" type="wps" url="OtherAddin_1.0.0" version="1.0.0" enable="enable_dev" install="null"/>';
    writeFileSync(join(addins, "publish.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${other}\n  <jsplugin name="ZoneRating" type="et" url="ZoneRating_0.0.9" version="0.0.9" enable="enable_dev" install="null"/>\n</jsplugins>\n`);
    const again = install();
    expect(again.status).toBe(0);
    const merged = readFileSync(join(addins, "publish.xml"), "utf8");
    expect(merged).toContain(other);
    expect(merged).toContain(publishEntry(VERSION));
    expect(merged).not.toContain("0.0.9");
    expect(merged.match(/name="ZoneRating"/g)).toHaveLength(1);
    expect(readdirSync(addins).sort()).toEqual([FOLDER, "publish.xml", "publish.xml.bak"]);

    writeFileSync(join(addins, "publish.xml"), "<jsplugins/>");
    expect(install().status).toBe(0);
    expect(readFileSync(join(addins, "publish.xml"), "utf8")).toBe(`<jsplugins>  ${publishEntry(VERSION)}\n</jsplugins>`);
  });

  test("an output folder holding other files is refused, not emptied", () => {
    const busy = join(dir, "busy");
    mkdirSync(busy);
    writeFileSync(join(busy, "notes.txt"), "mine");
    const refused = packageWps(["--base-url", "https://zr.example/wps/", "--out", busy]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("would be emptied");
    expect(readFileSync(join(busy, "notes.txt"), "utf8")).toBe("mine");
  });
});

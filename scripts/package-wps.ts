// `npm run package:wps -- --base-url https://HOST/PATH/ [--out DIR]`: the WPS 表格 add-in ready for
// an intranet, in one folder (default out/wps-package/):
//   online/            the add-in (ribbon.xml, index.html, …) and jsplugins.xml: host it at the base URL
//   oem.ini            the lines each PC's WPS needs to load add-ins from that server
//   offline/           for PCs without the server: <name>_<version>/, publish.xml, install scripts
//   <name>_<version>-offline.zip   offline/ zipped
// docs/wps-deployment.zh-CN.md says where each goes on Windows and on UOS / Kylin.
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { build, checkOutputFolder, formatTree, humanSize, packageArgs, parseBaseUrl, reportFailure, zipFolder } from "./package";

const ROOT = resolve(__dirname, "..");
export const USAGE = "Usage: npm run package:wps -- --base-url https://HOST/PATH/ [--out DIR]";

/** The add-in's name in jsplugins.xml and publish.xml (ASCII: WPS makes folder names of it). */
export const ADDIN_NAME = "ZoneRating";
/** What marks a folder as an earlier WPS package, so making a new one may empty it. */
const MARKER = "oem.ini";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** WPS's online mode: it reads this list from the server and loads each add-in from its url (a folder URL, ending in "/"). */
export function jspluginsXml(base: URL): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${ADDIN_NAME}" type="et" url="${escapeXml(base.href)}"/>\n</jsplugins>\n`;
}

/** The lines of each PC's oem.ini that make WPS load JS add-ins, the online ones from this server. */
export function oemIni(base: URL): string {
  return [
    "; 产业集聚区星级评定 WPS 加载项：把以下两节并入本机 WPS 的 oem.ini（位置见 docs/wps-deployment.zh-CN.md）。",
    "; Merge these two sections into this PC's WPS oem.ini (where it is: docs/wps-deployment.zh-CN.md).",
    "[Support]",
    "JsApiPlugin=true",
    "",
    "[Server]",
    `JSPluginsServer=${new URL("jsplugins.xml", base).href}`,
    "",
  ].join("\r\n");
}

/** The jsaddons folder's entry for the unpacked add-in (the form wpsjs writes for offline add-ins). */
export function publishEntry(version: string): string {
  return `<jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null"/>`;
}

function publishXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${publishEntry(version)}\n</jsplugins>\n`;
}

/**
 * Windows: copies the add-in into %APPDATA%\kingsoft\wps\jsaddons and puts its entry into that
 * folder's publish.xml (kept, with the other add-ins' entries; a copy of the old one beside it).
 */
export function windowsInstaller(version: string): string {
  const folder = `${ADDIN_NAME}_${version}`;
  const merge = [
    "$ErrorActionPreference='Stop'",
    "$dir=Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'",
    "$pub=Join-Path $dir 'publish.xml'",
    "if (Test-Path $pub) { Copy-Item $pub ($pub + '.bak') -Force; $doc=[xml][IO.File]::ReadAllText($pub) } else { $doc=[xml]'<jsplugins/>' }",
    `foreach ($old in @($doc.DocumentElement.SelectNodes('jsplugin[@name=''${ADDIN_NAME}'']'))) { [void]$old.ParentNode.RemoveChild($old) }`,
    "$entry=([xml][IO.File]::ReadAllText((Join-Path $env:ZR_HERE 'publish.xml'))).DocumentElement.FirstChild",
    "while ($entry -and $entry.NodeType -ne 'Element') { $entry=$entry.NextSibling }",
    "[void]$doc.DocumentElement.AppendChild($doc.ImportNode($entry, $true))",
    "$doc.Save($pub)",
  ].join("; ");
  return [
    "@echo off",
    "chcp 65001 >nul",
    "rem 产业集聚区星级评定 WPS 加载项：离线安装（当前 Windows 用户）。Offline install for this Windows user.",
    "setlocal",
    'set "ZR_HERE=%~dp0"',
    'set "ADDINS=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%ADDINS%" mkdir "%ADDINS%" || goto :fail',
    `for /d %%D in ("%ADDINS%\\${ADDIN_NAME}_*") do rmdir /s /q "%%D"`,
    `xcopy "%ZR_HERE%${folder}" "%ADDINS%\\${folder}\\" /E /I /Y /Q >nul || goto :fail`,
    `powershell -NoProfile -ExecutionPolicy Bypass -Command "${merge}" || goto :fail`,
    "echo 已安装到 %ADDINS%\\" + folder + "。请重新启动 WPS，打开一个表格，功能区应出现“产业集聚区评定”选项卡。",
    "echo Installed. Restart WPS and open a spreadsheet: the ribbon shows the tab 产业集聚区评定.",
    "pause",
    "exit /b 0",
    ":fail",
    "echo 安装没有完成（见上方错误）。The install did not finish (see the error above).",
    "pause",
    "exit /b 1",
    "",
  ].join("\r\n");
}

/** Linux (UOS, Kylin): the same into ~/.local/share/Kingsoft/wps/jsaddons, with POSIX sh and sed. */
export function linuxInstaller(version: string): string {
  const folder = `${ADDIN_NAME}_${version}`;
  const entry = publishEntry(version);
  return `#!/bin/sh
# 产业集聚区星级评定 WPS 加载项：离线安装（当前用户）。Offline install for this Linux user.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ADDINS="$HOME/.local/share/Kingsoft/wps/jsaddons"
PUB="$ADDINS/publish.xml"
ENTRY='${entry}'
mkdir -p "$ADDINS"
for old in "$ADDINS"/${ADDIN_NAME}_*; do
  if [ -e "$old" ]; then rm -rf "$old"; fi
done
cp -R "$HERE/${folder}" "$ADDINS/${folder}"
if [ -f "$PUB" ]; then
  cp "$PUB" "$PUB.bak"
  # Drop this add-in's earlier entry, keep every other one, add the new entry before </jsplugins>.
  sed -e 's#<jsplugin [^>]*name="${ADDIN_NAME}"[^>]*/>##g' -e "s#<jsplugins[[:space:]]*/>#<jsplugins></jsplugins>#" "$PUB.bak" | sed -e "s#</jsplugins>#  $ENTRY\\n</jsplugins>#" > "$PUB"
  if ! grep -q 'name="${ADDIN_NAME}"' "$PUB"; then
    cp "$PUB.bak" "$PUB"
    echo "publish.xml 的格式无法识别，未改动；请按 docs/wps-deployment.zh-CN.md 手动加入：$ENTRY" >&2
    exit 1
  fi
else
  cp "$HERE/publish.xml" "$PUB"
fi
echo "已安装到 $ADDINS/${folder}。请重新启动 WPS，打开一个表格，功能区应出现“产业集聚区评定”选项卡。"
echo "Installed. Restart WPS and open a spreadsheet: the ribbon shows the tab 产业集聚区评定."
`;
}

export interface WpsPackage {
  folder: string;
  online: string;
  offline: string;
  zip: string;
}

/** Builds the add-in into `folder` (emptied first) and lays out the online, offline and client parts. */
export async function packageWps(base: URL, folder: string): Promise<WpsPackage> {
  checkOutputFolder(folder, MARKER);
  rmSync(folder, { recursive: true, force: true });
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const online = join(folder, "online");
  process.stdout.write(`Building the WPS add-in for ${base.href} …\n`);
  build(online, "wps");
  writeFileSync(join(online, "jsplugins.xml"), jspluginsXml(base));
  writeFileSync(join(folder, MARKER), oemIni(base));

  const offline = join(folder, "offline");
  const addin = join(offline, `${ADDIN_NAME}_${version}`);
  mkdirSync(offline, { recursive: true });
  // The same files serve both modes: WPS finds them beside index.html either way.
  cpSync(online, addin, { recursive: true, filter: (src) => basename(src) !== "jsplugins.xml" });
  writeFileSync(join(offline, "publish.xml"), publishXml(version));
  writeFileSync(join(offline, "install-windows.bat"), windowsInstaller(version));
  writeFileSync(join(offline, "install-linux.sh"), linuxInstaller(version));
  chmodSync(join(offline, "install-linux.sh"), 0o755);
  const zip = join(folder, `${ADDIN_NAME}_${version}-offline.zip`);
  await zipFolder(offline, zip);
  return { folder, online, offline, zip };
}

async function main(argv: string[]): Promise<void> {
  const args = packageArgs(argv, USAGE);
  if (!args) return;
  const base = parseBaseUrl(args.baseUrl, true);
  const out = resolve(args.out ?? join(ROOT, "out", "wps-package"));
  const made = await packageWps(base, out);
  const shown = (path: string) => relative(process.cwd(), path) || ".";
  process.stdout.write(
    [
      `${shown(made.folder)}/`,
      ...formatTree(made.folder, 12, "  "),
      "",
      `Online:  host the contents of ${shown(made.online)}/ at ${base.href} (so that ${new URL("ribbon.xml", base).href} and ${new URL("jsplugins.xml", base).href} open),`,
      `         then merge ${shown(join(made.folder, MARKER))} into each PC's WPS oem.ini.`,
      `Offline: ${shown(made.zip)} (${humanSize(statSync(made.zip).size)}): unzip on the PC and run install-windows.bat or install-linux.sh.`,
      ...(base.protocol === "http:" ? ["Note: http:// works where WPS and the network allow it; https:// is the safer choice."] : []),
      `See ${shown(join(ROOT, "docs", "wps-deployment.zh-CN.md"))}.`,
      "",
    ].join("\n"),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => reportFailure(error, USAGE));
}

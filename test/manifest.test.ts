// The add-in manifest checked offline: well-formed XML, the elements Office needs, icons of the
// right pixel size, every URL under one base and served by the build, both languages. Checked as
// it is in the repository (the dev server's origin) and as `npm run package` writes it for a server.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rebaseManifest } from "../scripts/package";

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    if (!(name in ENTITIES)) throw new Error(`unknown entity ${whole}`);
    return ENTITIES[name];
  });
}

/** A strict little XML parser: throws on mismatched or unclosed tags, stray text outside the root, duplicate attributes. */
function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of source.matchAll(token)) {
    const [, cdata, closing, name, attrText, selfClosing, text, stray] = m;
    if (stray) throw new Error(`malformed markup at offset ${m.index}`);
    if (text !== undefined || cdata !== undefined) {
      const value = cdata ?? decode(text);
      if (stack.length === 0) {
        if (value.trim()) throw new Error(`text outside the root element at offset ${m.index}`);
      } else stack[stack.length - 1].text += value;
      continue;
    }
    if (!name) continue;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? "nothing"}> at offset ${m.index}`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of attrText.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      attributes[a[1]] = decode(a[2] ?? a[3]);
    }
    const element: XmlElement = { name, attributes, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) throw new Error("more than one root element");
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element named `name` ("*" = any) in the subtree, the element itself included. */
function all(element: XmlElement, name: string): XmlElement[] {
  const found = name === "*" || element.name === name ? [element] : [];
  return found.concat(...element.children.map((c) => all(c, name)));
}

function one(element: XmlElement, name: string): XmlElement {
  const found = all(element, name);
  if (found.length === 0) throw new Error(`<${name}> missing`);
  return found[0];
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const ROOT = join(__dirname, "..");
const manifestText = readFileSync(join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as {
  (env: Record<string, unknown>, argv: Record<string, unknown>): { plugins: Array<{ userOptions?: { filename?: string }; patterns?: Array<{ from: string; to: string }> }>; devServer: { port: number; server: string } };
  ORIGIN: string;
};

describe("the XML parser used here", () => {
  it("rejects mismatched, unclosed and doubly-rooted markup", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow("</a> closes <b>");
    expect(() => parseXml("<a><b/>")).toThrow("<a> is never closed");
    expect(() => parseXml("<a/><a/>")).toThrow("more than one root");
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow("duplicate attribute");
    expect(() => parseXml("<a>1 < 2</a>")).toThrow("malformed");
  });

  it("reads attributes, text and entities", () => {
    const doc = parseXml('<?xml version="1.0"?><a k="&amp;x"><!-- c --><b>1 &lt; 2</b></a>');
    expect(doc.attributes.k).toBe("&x");
    expect(one(doc, "b").text).toBe("1 < 2");
  });
});

/** Every page or file the build serves, as a path relative to the site's root. */
function servedFiles(): Set<string> {
  const served = new Set<string>();
  for (const plugin of webpackConfig({}, { mode: "production" }).plugins) {
    if (plugin.userOptions?.filename) served.add(plugin.userOptions.filename);
    for (const p of plugin.patterns ?? []) {
      // "assets/*.png" → "assets/[name][ext]": every PNG in assets/ keeps its name.
      const copied = p.from === "assets/*.png" ? readdirSync(join(ROOT, "assets")).filter((f) => f.endsWith(".png")).map((f) => `assets/${f}`) : [p.to];
      for (const file of copied) served.add(file);
    }
  }
  return served;
}

const DEV_BASE = new URL(`${webpackConfig.ORIGIN}/`);
const SERVER_BASE = new URL("https://addins.example.cn/zone-rating/");

describe("the dev server", () => {
  it("serves the add-in over HTTPS at the origin manifest.xml names", () => {
    expect(webpackConfig({}, { mode: "development" }).devServer).toMatchObject({ port: 3000, server: "https" });
    expect(webpackConfig.ORIGIN).toBe("https://localhost:3000");
  });
});

describe.each([
  { name: "manifest.xml", xml: manifestText, base: DEV_BASE },
  { name: `manifest.xml packaged for ${SERVER_BASE.href}`, xml: rebaseManifest(manifestText, SERVER_BASE), base: SERVER_BASE },
])("$name", ({ xml, base }) => {
  const doc = parseXml(xml);
  /** The path of a URL under the base, relative to it ("assets/icon-32.png"). */
  const underBase = (url: string) => {
    expect({ url, underBase: url.startsWith(base.href) }).toEqual({ url, underBase: true });
    return url.slice(base.href.length);
  };

  it("is an Excel task pane add-in that may read and write the workbook", () => {
    expect(doc.name).toBe("OfficeApp");
    expect(doc.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(one(doc, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one(doc, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(one(doc, "Hosts"), "Host").map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(one(doc, "Permissions").text).toBe("ReadWriteDocument");
    expect(one(doc, "SourceLocation").attributes.DefaultValue).toBe(new URL("taskpane.html", base).href);
  });

  it("names the product as its provider and support page, not a government office", () => {
    expect(one(doc, "ProviderName").text).toContain("产业集聚区星级评定");
    expect(one(doc, "ProviderName").text).not.toMatch(/办公室|政府|委员会|联席会议/);
    expect(underBase(one(doc, "SupportUrl").attributes.DefaultValue)).toBe("help.html");
  });

  it("has a ribbon button that runs the recalculate function and one that opens the pane", () => {
    const overrides = one(doc, "VersionOverrides");
    expect(one(overrides, "Host").attributes["xsi:type"]).toBe("Workbook");
    const actions = all(overrides, "Action").map((a) => a.attributes["xsi:type"]);
    expect(actions.sort()).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    expect(one(overrides, "FunctionName").text).toBe("recalculate");
    const commands = readFileSync(join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain('Office.actions.associate("recalculate"');
  });

  it("defines every resource it refers to", () => {
    const defined = new Set<string>();
    for (const group of ["bt:Image", "bt:Url", "bt:String"]) for (const e of all(doc, group)) if (e.attributes.id) defined.add(e.attributes.id);
    const referenced = [...all(doc, "bt:Image").filter((e) => e.attributes.resid), ...all(doc, "Label"), ...all(doc, "Title"), ...all(doc, "Description"), ...all(doc, "FunctionFile"), ...all(doc, "SourceLocation"), ...all(doc, "LearnMoreUrl")]
      .map((e) => e.attributes.resid)
      .filter((id): id is string => id !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  it("names the add-in in zh-CN by default with en-US overrides for every text", () => {
    expect(one(doc, "DefaultLocale").text).toBe("zh-CN");
    const texts = [one(doc, "DisplayName"), one(doc, "Description"), ...all(doc, "bt:String")];
    for (const element of texts) {
      expect(element.attributes.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const overrides = element.children.filter((c) => c.name === "Override" || c.name === "bt:Override");
      expect(overrides.map((o) => o.attributes.Locale)).toEqual(["en-US"]);
      expect(overrides[0].attributes.Value).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(one(doc, "DisplayName").attributes.DefaultValue).toBe("产业集聚区星级评定");
  });

  it("points every URL under its base, at a page or file the build serves; its app domain is the base's origin", () => {
    const served = servedFiles();
    // Namespace declarations are names, not addresses: every other attribute or text that is a URL counts.
    const urls = all(doc, "*")
      .filter((e) => e.name !== "AppDomain")
      .flatMap((e) => [...Object.entries(e.attributes).filter(([k]) => !k.startsWith("xmlns")).map(([, v]) => v), e.text.trim()])
      .filter((v) => /^https?:/i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      const path = underBase(url);
      expect({ url, served: served.has(path) }).toEqual({ url, served: true });
    }
    // Office wants an app domain as a bare origin: scheme, host, port, no path, no trailing slash.
    expect(all(doc, "AppDomain").map((e) => e.text)).toEqual([base.origin]);
  });

  it("has icon files with the pixel size each reference states", () => {
    const expected: Array<[string, number]> = [
      [one(doc, "IconUrl").attributes.DefaultValue, 32],
      [one(doc, "HighResolutionIconUrl").attributes.DefaultValue, 64],
    ];
    const images = new Map(all(one(doc, "Resources"), "bt:Image").map((e) => [e.attributes.id, e.attributes.DefaultValue]));
    for (const ref of all(doc, "bt:Image").filter((e) => e.attributes.resid)) {
      expected.push([images.get(ref.attributes.resid) as string, Number(ref.attributes.size)]);
    }
    expect(new Set(expected.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of expected) {
      // The build copies assets/ as it is, so a served icon's path is its path in the repository.
      const file = join(ROOT, underBase(url));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});

// The parts of an .xlsx package (a zip of XML files) that the reader and the writer need: the
// sheet list and where each sheet's XML lives, defined names, and part relationships. Parsed with
// a real XML parser (saxes), never by pattern over the text, so a file from any producer (prefixed
// namespaces, attribute order, entities) reads alike.
import JSZip from "jszip";
import { SaxesParser, type SaxesTagPlain } from "saxes";

export interface PackageSheet {
  name: string;
  sheetId: string;
  relId: string;
  /** Zip path of the sheet's XML, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  state?: string;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  hidden: boolean;
  text: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** Zip path the target resolves to (relative targets resolved against the source part). */
  path: string;
  external: boolean;
}

export interface XlsxPackage {
  zip: JSZip;
  workbookPath: string;
  sheets: PackageSheet[];
  /** Every sheet's name in workbook order, chartsheets included (they take a name too). */
  sheetNames: string[];
  definedNames: DefinedName[];
  date1904: boolean;
  workbookRels: Relationship[];
}

/** The local name of a possibly prefixed tag ("x:row" → "row"). */
export function localName(tag: string): string {
  const i = tag.indexOf(":");
  return i < 0 ? tag : tag.slice(i + 1);
}

/** An attribute by its local name, whatever its prefix ("r:id" and "id" differ by prefix only when namespaced). */
export function attr(node: SaxesTagPlain, name: string): string | undefined {
  const a = node.attributes as Record<string, string>;
  if (a[name] !== undefined) return a[name];
  for (const k of Object.keys(a)) if (localName(k) === name && k.includes(":") === name.includes(":")) return a[k];
  return undefined;
}

/** The relationship id attribute (r:id under any prefix bound to the relationships namespace). */
export function relIdAttr(node: SaxesTagPlain): string | undefined {
  const a = node.attributes as Record<string, string>;
  for (const k of Object.keys(a)) if (k.includes(":") && localName(k) === "id") return a[k];
  return undefined;
}

/** JSZip's own chunk stream (documented as internalStream, missing from its typings). */
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", listener: (e: Error) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

export interface SaxHandlers {
  open?(node: SaxesTagPlain, name: string): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Streams one zip entry through a SAX parser: the entry is inflated and parsed chunk by chunk. */
export async function parsePart(zip: JSZip, path: string, handlers: SaxHandlers): Promise<boolean> {
  const file = zip.file(path);
  if (!file) return false;
  const parser = new SaxesParser();
  if (handlers.open) parser.on("opentag", (node) => handlers.open!(node as SaxesTagPlain, localName(node.name)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  if (handlers.close) parser.on("closetag", (node) => handlers.close!(localName(node.name)));
  // TextDecoder and JSZip's internal stream work alike in Node and in the browser (the task pane
  // reads last year's workbook with this same reader).
  const decoder = new TextDecoder("utf-8");
  await new Promise<void>((resolve, reject) => {
    const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream("uint8array");
    stream.on("data", (chunk: Uint8Array) => {
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (e) {
        stream.pause();
        reject(e as Error);
      }
    });
    stream.on("error", reject);
    stream.on("end", () => {
      try {
        parser.write(decoder.decode());
        parser.close();
        resolve();
      } catch (e) {
        reject(e as Error);
      }
    });
    stream.resume();
  });
  return true;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePath: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dirOf(sourcePath) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export function relsPathOf(partPath: string): string {
  return `${dirOf(partPath)}_rels/${partPath.slice(dirOf(partPath).length)}.rels`;
}

export async function readRels(zip: JSZip, partPath: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await parsePart(zip, relsPathOf(partPath), {
    open(node, name) {
      if (name !== "Relationship") return;
      const target = attr(node, "Target") ?? "";
      const external = attr(node, "TargetMode") === "External";
      rels.push({ id: attr(node, "Id") ?? "", type: attr(node, "Type") ?? "", target, path: external ? target : resolveTarget(partPath, target), external });
    },
  });
  return rels;
}

/** Opens the package and reads its workbook part. Throws when the zip holds no workbook. */
export async function openPackage(data: Buffer | ArrayBuffer | Uint8Array): Promise<XlsxPackage> {
  const zip = await JSZip.loadAsync(data);
  const rootRels = await readRels(zip, "");
  const office = rootRels.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = office?.path ?? "xl/workbook.xml";
  if (!zip.file(workbookPath)) throw new Error("The zip holds no Excel workbook (xl/workbook.xml).");
  const workbookRels = await readRels(zip, workbookPath);
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: PackageSheet[] = [];
  const sheetNames: string[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let name: DefinedName | undefined;
  await parsePart(zip, workbookPath, {
    open(node, tag) {
      if (tag === "sheet") {
        sheetNames.push(attr(node, "name") ?? "");
        const relId = relIdAttr(node) ?? "";
        const rel = byId.get(relId);
        // Chartsheets and dialog sheets hold no cells.
        if (!rel || !rel.type.endsWith("/worksheet")) return;
        const sheet: PackageSheet = { name: attr(node, "name") ?? "", sheetId: attr(node, "sheetId") ?? "", relId, path: rel.path };
        const state = attr(node, "state");
        if (state) sheet.state = state;
        sheets.push(sheet);
      } else if (tag === "workbookPr") {
        const v = attr(node, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (tag === "definedName") {
        const local = attr(node, "localSheetId");
        const hidden = attr(node, "hidden");
        name = { name: attr(node, "name") ?? "", hidden: hidden === "1" || hidden === "true", text: "" };
        if (local !== undefined) name.localSheetId = Number(local);
      }
    },
    text(t) {
      if (name) name.text += t;
    },
    close(tag) {
      if (tag === "definedName" && name) {
        definedNames.push(name);
        name = undefined;
      }
    },
  });
  return { zip, workbookPath, sheets, sheetNames, definedNames, date1904, workbookRels };
}

// The parts of an .xlsx package (a zip of XML files) that the reader and the writer need: the
// sheet list and where each sheet's XML lives, defined names, and part relationships. Parsed with
// a real XML parser (saxes), never by pattern over the text, so a file from any producer (prefixed
// namespaces, attribute order, entities) reads alike. Every part is inflated and parsed as a stream
// under the read's limits (src/xlsx/limits.ts), so a crafted file stops early, naming its part.
import { unzipSync } from "fflate";
import JSZip from "jszip";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { READ_LIMITS, mb, overLimit, type ReadLimits } from "./limits";

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

/** Sizes the zip's directory states for an entry: a zip bomb is told by them before it is inflated. */
interface DeclaredSize {
  compressed: number;
  inflated: number;
}

/** What one read of a package has taken on so far, against its limits. */
export class ReadBudget {
  /** Inflated bytes of every part parsed. */
  inflated = 0;
  /** Cells holding a value (and merged areas) kept. */
  cells = 0;
  constructor(
    readonly limits: ReadLimits,
    readonly declared: ReadonlyMap<string, DeclaredSize>,
  ) {}
}

export interface XlsxPackage {
  zip: JSZip;
  budget: ReadBudget;
  workbookPath: string;
  sheets: PackageSheet[];
  /** Every sheet's name in workbook order, chartsheets included (they take a name too). */
  sheetNames: string[];
  definedNames: DefinedName[];
  date1904: boolean;
  workbookRels: Relationship[];
  /**
   * Every relationships part's relationships, by the part they belong to ("" for the package's
   * own): all read when the package opens, so the writer (which follows them to the parts only a
   * replaced sheet uses) parses nothing the read did not hold to its limits.
   */
  rels: ReadonlyMap<string, Relationship[]>;
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

/** Ends a part's parse from inside a handler: the rest of the part is neither inflated nor read. */
export type Stop = () => void;

export interface SaxHandlers {
  open?(node: SaxesTagPlain, name: string, stop: Stop): void;
  text?(text: string): void;
  close?(name: string, stop: Stop): void;
}

/** Which limit a part is held to, and the sheet it holds (for messages). */
export interface PartRole {
  kind: "sheet" | "sharedStrings" | "other";
  sheet?: string;
  /**
   * Only the part's start is read (a marked sheet's title, the shared strings it uses): its stated
   * size says how much there is, not how much the read takes, so only what is inflated counts.
   */
  head?: boolean;
}

function partLimit(limits: ReadLimits, role: PartRole): number {
  return role.kind === "sheet" ? limits.sheetBytes : role.kind === "sharedStrings" ? limits.sharedStringsBytes : limits.partBytes;
}

/** Refuses a part whose stated sizes already say it is too large or a zip bomb, before inflating it. */
function checkDeclared(budget: ReadBudget, path: string, role: PartRole): void {
  const declared = budget.declared.get(path);
  if (!declared) return;
  checkRatio(budget.limits, path, declared, role.sheet);
  if (!role.head && declared.inflated > partLimit(budget.limits, role)) overLimit("XLSX_PART_TOO_LARGE", { part: path, mb: mb(declared.inflated), limitMb: mb(partLimit(budget.limits, role)) }, role.sheet);
}

/** Refuses an entry the directory states to inflate far more than any genuine part does: a zip bomb. */
function checkRatio(limits: ReadLimits, path: string, declared: DeclaredSize, sheet?: string): void {
  if (declared.inflated > limits.ratioGrace && declared.inflated > limits.inflateRatio * declared.compressed) {
    overLimit("XLSX_ZIP_BOMB", { part: path, mb: mb(declared.inflated), ratio: Math.round(declared.inflated / Math.max(1, declared.compressed)) }, sheet);
  }
}

/**
 * Streams one zip entry through a SAX parser: the entry is inflated and parsed chunk by chunk,
 * its inflated bytes counted against the part's and the read's limits, until its end or until a
 * handler calls stop. False when the package has no such part.
 */
export async function parsePart(pkg: { zip: JSZip; budget: ReadBudget }, path: string, role: PartRole, handlers: SaxHandlers): Promise<boolean> {
  const file = pkg.zip.file(path);
  if (!file) return false;
  const { budget } = pkg;
  const { limits } = budget;
  checkDeclared(budget, path, role);
  const declared = budget.declared.get(path)?.inflated;
  const ownLimit = partLimit(limits, role);
  const parser = new SaxesParser();
  let stopped = false;
  const stop: Stop = () => {
    stopped = true;
  };
  if (handlers.open) parser.on("opentag", (node) => {
    if (!stopped) handlers.open!(node as SaxesTagPlain, localName(node.name), stop);
  });
  if (handlers.text) {
    const text = (t: string): void => {
      if (!stopped) handlers.text!(t);
    };
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) parser.on("closetag", (node) => {
    if (!stopped) handlers.close!(localName(node.name), stop);
  });
  // TextDecoder and JSZip's internal stream work alike in Node and in the browser (the task pane
  // reads last year's workbook with this same reader).
  const decoder = new TextDecoder("utf-8");
  let inflated = 0;
  // Characters since the last "<": the parser holds a text or a tag whole until it ends. A run
  // inside one chunk is no longer than the chunk; a longer one runs on from chunk to chunk.
  let run = 0;
  const write = (text: string): void => {
    const first = text.indexOf("<");
    if ((first < 0 ? run + text.length : run + first) > limits.textRun) overLimit("XLSX_TEXT_TOO_LONG", { part: path, limit: limits.textRun }, role.sheet);
    run = first < 0 ? run + text.length : text.length - text.lastIndexOf("<") - 1;
    parser.write(text);
  };
  await new Promise<void>((resolve, reject) => {
    const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream("uint8array");
    stream.on("data", (chunk: Uint8Array) => {
      if (stopped) return;
      try {
        inflated += chunk.length;
        budget.inflated += chunk.length;
        // Inflating past the stated size: the directory lies, as only a damaged or crafted file's does.
        if (declared !== undefined && inflated > declared) overLimit("XLSX_ZIP_BOMB", { part: path, stated: declared, ratio: 0 }, role.sheet);
        if (inflated > ownLimit) overLimit("XLSX_PART_TOO_LARGE", { part: path, mb: mb(inflated), limitMb: mb(ownLimit) }, role.sheet);
        if (budget.inflated > limits.totalBytes) overLimit("XLSX_PART_TOO_LARGE", { part: path, mb: mb(budget.inflated), limitMb: mb(limits.totalBytes), total: 1 }, role.sheet);
        write(decoder.decode(chunk, { stream: true }));
        if (stopped) {
          stream.pause();
          resolve();
        }
      } catch (e) {
        stream.pause();
        reject(e as Error);
      }
    });
    stream.on("error", reject);
    stream.on("end", () => {
      if (stopped) return;
      try {
        write(decoder.decode());
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

/** The part a relationships part belongs to ("xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; the package's own → ""). */
function relsSource(relsPath: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return m ? m[1] + m[2] : undefined;
}

async function readRels(pkg: { zip: JSZip; budget: ReadBudget }, partPath: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await parsePart(pkg, relsPathOf(partPath), { kind: "other" }, {
    open(node, name) {
      if (name !== "Relationship") return;
      const target = attr(node, "Target") ?? "";
      const external = attr(node, "TargetMode") === "External";
      rels.push({ id: attr(node, "Id") ?? "", type: attr(node, "Type") ?? "", target, path: external ? target : resolveTarget(partPath, target), external });
    },
  });
  return rels;
}

/**
 * The sizes the zip's directory states for each entry, read without inflating anything; more
 * entries than the limit stop the listing there.
 */
function declaredSizes(data: Uint8Array, limits: ReadLimits): Map<string, DeclaredSize> {
  const sizes = new Map<string, DeclaredSize>();
  unzipSync(data, {
    filter(entry) {
      if (sizes.size >= limits.entries) overLimit("XLSX_TOO_MANY_PARTS", { limit: limits.entries });
      sizes.set(entry.name.replace(/^\/+/, ""), { compressed: entry.size, inflated: entry.originalSize });
      return false;
    },
  });
  return sizes;
}

const CONTENT_TYPES = "[Content_Types].xml";

/** Opens the package and reads its workbook part. Throws when the zip holds no workbook, or goes past a limit. */
export async function openPackage(data: Buffer | ArrayBuffer | Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<XlsxPackage> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const budget = new ReadBudget(limits, declaredSizes(bytes, limits));
  const zip = await JSZip.loadAsync(bytes);
  const source = { zip, budget };
  const rels = new Map<string, Relationship[]>();
  for (const name of Object.keys(zip.files)) {
    const part = relsSource(name.replace(/^\/+/, ""));
    if (part !== undefined && !zip.files[name].dir) rels.set(part, await readRels(source, part));
  }
  const office = (rels.get("") ?? []).find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = office?.path ?? "xl/workbook.xml";
  if (!zip.file(workbookPath)) throw new Error("The zip holds no Excel workbook (xl/workbook.xml).");
  // Not read here, but the writer reads the content types whole: held to the limits like the rest.
  await parsePart(source, CONTENT_TYPES, { kind: "other" }, {});
  const workbookRels = rels.get(workbookPath) ?? [];
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: PackageSheet[] = [];
  const sheetNames: string[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let name: DefinedName | undefined;
  await parsePart(source, workbookPath, { kind: "other" }, {
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
  // Every entry, read or not (the writer copies them all), whose stated sizes are a zip bomb's.
  const sheetOf = new Map(sheets.map((s) => [s.path, s.name]));
  for (const [path, declared] of budget.declared) checkRatio(limits, path, declared, sheetOf.get(path));
  return { zip, budget, workbookPath, sheets, sheetNames, definedNames, date1904, workbookRels, rels };
}

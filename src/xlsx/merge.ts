// Adds the streamed result sheets to a copy of the input package. Every part of the input is
// copied as it is except the few that list sheets (workbook, its relationships, content types) and
// the styles, which gain the result sheets' entries; an earlier run's result sheets (found by their
// markers) are dropped first, so a re-run replaces them.
import archiver from "archiver";
import type JSZip from "jszip";
import { createWriteStream } from "node:fs";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { finished } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { isMarker, isResultSheetKind, sheetRef } from "./marker";
import { relsPathOf, resolveTarget, type XlsxPackage } from "./package";
import { verifiedSheetKinds } from "./sheets";
import { appendChildren, applySplices, childrenOf, escapeXml, first, removeElement, setAttribute, xmlElements, type Splice, type XmlElement } from "./xmlEdit";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

interface AddedRel {
  id: string;
  target: string;
  type: string;
}

interface AddedPart {
  path: string;
  contentType: string;
}
const CONTENT_TYPES = "[Content_Types].xml";

/** The parts of the output package, in order; folder entries are not part of an OPC package. */
type Entries = Array<[name: string, data: string | Readable]>;

export interface PlacedSheet {
  name: string;
  /** Name of the hidden defined name that marks the sheet as the CLI's. */
  marker: string;
  /** 0-based rows that start a new printed page: ExcelJS's streaming writer cannot write them. */
  rowBreaks?: number[];
  /** The sheet holds formulas, so Excel must calculate on load. */
  formulas?: boolean;
}

/** CT_Worksheet puts rowBreaks right after headerFooter. */
function rowBreaksXml(rows: readonly number[]): string {
  if (rows.length === 0) return "";
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
}

/** Sheets of the package an earlier run wrote as results, by name: marked, and their own titles agree. */
async function replacedSheets(pkg: XlsxPackage): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [name, kind] of await verifiedSheetKinds(pkg)) if (isResultSheetKind(kind)) out.add(name);
  return out;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path) ?? zip.file(`/${path}`);
  if (!f) throw new Error(`The package has no ${path}.`);
  return f.async("string");
}

function entryName(name: string): string {
  return name.replace(/^\/+/, "");
}

/** A fragment written into a part whose SpreadsheetML elements carry a prefix declares the namespace itself. */
function inMainNs(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.replace(/<([A-Za-z]+)([\s/>])/g, (_m, tag: string, after: string) => `<${tag} xmlns="${MAIN_NS}"${after}`);
}

function attrName(el: XmlElement, local: string): string | undefined {
  return Object.keys(el.attrs).find((k) => k === local || k.endsWith(`:${local}`));
}

/** Appends the result's number formats, fonts, fills, borders and cell formats to the base styles. */
function mergeStyles(baseXml: string, resultXml: string): { xml: string; xfOffset: number } {
  const b = xmlElements(baseXml);
  const r = xmlElements(resultXml);
  const root = b[0];
  const prefix = root.prefix;
  const splices: Splice[] = [];
  const section = (name: string): XmlElement | undefined => b.find((e) => e.name === name && e.parent === root);
  const resultSection = (name: string): XmlElement[] => {
    const s = r.find((e) => e.name === name && e.parent === r[0]);
    return s ? childrenOf(r, s) : [];
  };
  const slice = (el: XmlElement): string => resultXml.slice(el.start, el.end);

  // Number formats: the result's custom ids move above the base's highest.
  const baseFmts = section("numFmts");
  const baseIds = baseFmts ? childrenOf(b, baseFmts, "numFmt").map((e) => Number(e.attrs.numFmtId)) : [];
  let nextId = Math.max(163, ...baseIds) + 1;
  const fmtMap = new Map<number, number>();
  let fmtXml = "";
  for (const f of resultSection("numFmts")) {
    const id = Number(f.attrs.numFmtId);
    fmtMap.set(id, nextId);
    fmtXml += `<${prefix}numFmt numFmtId="${nextId}" formatCode="${escapeXml(f.attrs.formatCode ?? "General")}"/>`;
    nextId++;
  }
  const countOf = (el: XmlElement | undefined, child: string): number => (el ? childrenOf(b, el, child).length : 0);
  const appendTo = (name: string, child: string, fragment: string, added: number, before: string[]): void => {
    if (added === 0) return;
    const el = section(name);
    if (el) {
      splices.push(...appendChildren(el, baseXml, fragment));
      splices.push(setAttribute(el, baseXml, "count", String(countOf(el, child) + added)));
      return;
    }
    const anchor = before.map((n) => section(n)).find((e) => e !== undefined);
    const wrapped = `<${prefix}${name} count="${added}">${fragment}</${prefix}${name}>`;
    splices.push({ at: anchor ? anchor.start : baseXml.lastIndexOf("</"), remove: 0, insert: wrapped });
  };
  appendTo("numFmts", "numFmt", fmtXml, fmtMap.size, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);

  const offsets: Record<string, number> = {};
  for (const [name, child] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"]] as const) {
    offsets[child] = countOf(section(name), child);
    const items = resultSection(name);
    appendTo(name, child, inMainNs(items.map(slice).join(""), prefix), items.length, ["cellStyleXfs", "cellXfs"]);
  }
  const xfOffset = countOf(section("cellXfs"), "xf");
  let xfXml = "";
  const xfs = resultSection("cellXfs");
  for (const xf of xfs) {
    const own = xmlElements(slice(xf));
    const tag = own[0];
    const local = slice(xf);
    const edits: Splice[] = [];
    const remap = (name: string, f: (v: number) => number): void => {
      const v = tag.attrs[name];
      if (v !== undefined) edits.push(setAttribute(tag, local, name, String(f(Number(v)))));
    };
    remap("numFmtId", (v) => fmtMap.get(v) ?? v);
    remap("fontId", (v) => v + offsets.font);
    remap("fillId", (v) => v + offsets.fill);
    remap("borderId", (v) => v + offsets.border);
    edits.push(setAttribute(tag, local, "xfId", "0"));
    xfXml += applySplices(local, edits);
  }
  appendTo("cellXfs", "xf", inMainNs(xfXml, prefix), xfs.length, ["cellStyles", "dxfs"]);
  return { xml: applySplices(baseXml, splices), xfOffset };
}

/** Shifts every style index of a streamed result sheet by the base's count of cell formats, and adds its page breaks. */
function shiftStyles(offset: number, breaks = ""): Transform {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  const shift = (s: string): string =>
    (breaks === "" ? s : s.replace("</headerFooter>", `</headerFooter>${breaks}`)).replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + offset}"`).replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + offset}"`);
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const s = carry + decoder.write(chunk);
      // A tag cut by the chunk boundary waits for the rest.
      const cut = s.lastIndexOf("<");
      carry = cut < 0 ? "" : s.slice(cut);
      done(null, Buffer.from(shift(cut < 0 ? s : s.slice(0, cut)), "utf8"));
    },
    flush(done: TransformCallback) {
      done(null, Buffer.from(shift(carry + decoder.end()), "utf8"));
    },
  });
}

interface WorkbookEdit {
  xml: string;
  /** Relationship ids of the dropped sheets. */
  droppedRels: Set<string>;
}

/**
 * The workbook part with the dropped sheets removed (and defined names scoped to later sheets
 * moved down), the new sheets appended, their print titles, and one marker per new sheet.
 */
function editWorkbook(xml: string, dropped: ReadonlySet<string>, added: Array<{ name: string; relId: string; marker: string; printTitles?: string; formulas?: boolean }>): WorkbookEdit {
  const els = xmlElements(xml);
  const root = els[0];
  const sheetsEl = first(els, "sheets");
  if (!sheetsEl) throw new Error("The workbook part lists no sheets.");
  const sheetEls = childrenOf(els, sheetsEl, "sheet");
  const splices: Splice[] = [];
  const droppedRels = new Set<string>();
  const newIndex: number[] = [];
  let kept = 0;
  const relAttr = attrName(sheetEls[0], "id") ?? "r:id";
  for (const s of sheetEls) {
    if (dropped.has(s.attrs.name ?? "")) {
      splices.push(removeElement(s));
      droppedRels.add(s.attrs[relAttr] ?? "");
      newIndex.push(-1);
    } else newIndex.push(kept++);
  }
  let sheetId = Math.max(0, ...sheetEls.map((s) => Number(s.attrs.sheetId) || 0));
  const p = sheetsEl.prefix;
  const sheetXml = added.map((a) => `<${p}sheet name="${escapeXml(a.name)}" sheetId="${++sheetId}" ${relAttr}="${a.relId}"/>`).join("");
  splices.push(...appendChildren(sheetsEl, xml, sheetXml));

  const namesEl = first(els, "definedNames");
  let nameXml = "";
  if (namesEl) {
    for (const n of childrenOf(els, namesEl, "definedName")) {
      const local = n.attrs.localSheetId;
      const isOurs = isMarker({ name: n.attrs.name ?? "", hidden: true, text: "" });
      if (isOurs || (local !== undefined && newIndex[Number(local)] === -1)) splices.push(removeElement(n));
      else if (local !== undefined && newIndex[Number(local)] !== Number(local)) splices.push(setAttribute(n, xml, "localSheetId", String(newIndex[Number(local)])));
    }
  }
  added.forEach((a, i) => {
    if (a.printTitles) nameXml += `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${kept + i}">${escapeXml(a.printTitles)}</${p}definedName>`;
    nameXml += `<${p}definedName name="${a.marker}" hidden="1">${escapeXml(sheetRef(a.name))}</${p}definedName>`;
  });
  if (namesEl) splices.push(...appendChildren(namesEl, xml, nameXml));
  else {
    // CT_Workbook's order: definedNames follows sheets, functionGroups and externalReferences.
    const after = ["externalReferences", "functionGroups", "sheets"].map((n) => childrenOf(els, root, n)[0]).find((e) => e !== undefined)!;
    splices.push({ at: after.end, remove: 0, insert: `<${p}definedNames>${nameXml}</${p}definedNames>` });
  }
  if (added.some((a) => a.formulas)) splices.push(...calcOnLoad(els, xml));
  return { xml: applySplices(xml, splices), droppedRels };
}

/** Print titles of the result package's sheets, by sheet index, as its workbook part states them. */
function printTitles(resultWorkbook: string): Map<number, string> {
  const els = xmlElements(resultWorkbook);
  const out = new Map<number, string>();
  for (const n of els.filter((e) => e.name === "definedName" && e.attrs.name === "_xlnm.Print_Titles")) {
    const local = n.attrs.localSheetId;
    if (local === undefined) continue;
    const open = n.openEnd;
    const close = resultWorkbook.lastIndexOf("</", n.end - 1);
    out.set(Number(local), resultWorkbook.slice(open, close).replace(/&amp;/g, "&").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
  }
  return out;
}

function editRels(xml: string, dropped: ReadonlySet<string>, dropTypes: (type: string) => boolean, added: AddedRel[]): string {
  const els = xmlElements(xml);
  const root = els[0];
  const splices: Splice[] = [];
  for (const r of childrenOf(els, root, "Relationship")) if (dropped.has(r.attrs.Id ?? "") || dropTypes(r.attrs.Type ?? "")) splices.push(removeElement(r));
  splices.push(...appendChildren(root, xml, added.map((a) => `<${root.prefix}Relationship Id="${a.id}" Type="${a.type}" Target="${escapeXml(a.target)}"/>`).join("")));
  return applySplices(xml, splices);
}

function editContentTypes(xml: string, removed: ReadonlySet<string>, added: AddedPart[]): string {
  const els = xmlElements(xml);
  const root = els[0];
  const splices: Splice[] = [];
  for (const o of childrenOf(els, root, "Override")) if (removed.has(entryName(o.attrs.PartName ?? ""))) splices.push(removeElement(o));
  splices.push(...appendChildren(root, xml, added.map((p) => `<${root.prefix}Override PartName="/${escapeXml(p.path)}" ContentType="${p.contentType}"/>`).join("")));
  return applySplices(xml, splices);
}

/**
 * Writes outPath: the base package (or, without one, the result package alone) with the result
 * package's sheets added and marked.
 */
export async function mergeIntoPackage(base: XlsxPackage | undefined, result: XlsxPackage, placed: PlacedSheet[], outPath: string): Promise<void> {
  const out: Entries = [];
  const resultWorkbook = await text(result.zip, result.workbookPath);
  const titles = printTitles(resultWorkbook);
  if (!base) {
    const breaks = new Map(result.sheets.map((s, i) => [entryName(s.path), rowBreaksXml(placed[i]?.rowBreaks ?? [])]));
    for (const [name, f] of Object.entries(result.zip.files)) {
      if (f.dir) continue;
      const entry = entryName(name);
      if (entry === entryName(result.workbookPath)) out.push([entry, editWorkbookMarkersOnly(resultWorkbook, placed)]);
      else if (breaks.get(entry)) out.push([entry, nodeStream(f).pipe(shiftStyles(0, breaks.get(entry)))]);
      else out.push([entry, nodeStream(f)]);
    }
    await writeZip(out, outPath);
    return;
  }
  const dropped = await replacedSheets(base);
  const droppedParts = new Set<string>();
  for (const s of base.sheets) {
    if (!dropped.has(s.name)) continue;
    droppedParts.add(s.path);
    droppedParts.add(relsPathOf(s.path));
  }
  const calcChain = base.workbookRels.find((r) => r.type.endsWith("/calcChain"));
  // The calculation chain lists cells of the dropped sheets; Excel rebuilds it when it is absent.
  if (dropped.size > 0 && calcChain) droppedParts.add(calcChain.path);

  const relIds = new Set(base.workbookRels.map((r) => r.id));
  const paths = new Set(Object.keys(base.zip.files).map(entryName));
  let n = 0;
  const additions = placed.map((p, i) => {
    let id: string;
    do id = `rIdZoneRating${++n}`;
    while (relIds.has(id));
    // sheetN.xml, as Excel names them: some readers find worksheets by that pattern.
    let k = i + 1;
    let path: string;
    do path = `xl/worksheets/sheet${k++}.xml`;
    while (paths.has(path));
    paths.add(path);
    const sheet = result.sheets[i];
    return { ...p, relId: id, path, source: sheet.path, printTitles: titles.get(i) };
  });

  const workbook = editWorkbook(await text(base.zip, base.workbookPath), dropped, additions);
  const wbRelsPath = relsPathOf(base.workbookPath);
  const addedRels: AddedRel[] = additions.map((a) => ({ id: a.relId, target: relativeTarget(base.workbookPath, a.path), type: WORKSHEET_TYPE }));
  const addedParts: AddedPart[] = additions.map((a) => ({ path: a.path, contentType: WORKSHEET_CONTENT }));
  const resultStyles = await text(result.zip, result.workbookRels.find((r) => r.type.endsWith("/styles"))!.path);
  const stylesRel = base.workbookRels.find((r) => r.type.endsWith("/styles"));
  let styles: { path: string; xml: string; xfOffset: number };
  if (stylesRel) styles = { path: entryName(stylesRel.path), ...mergeStyles(await text(base.zip, stylesRel.path), resultStyles) };
  else {
    // A workbook written without a styles part (some generators leave it out) takes the result's.
    let path = "xl/styles.xml";
    for (let k = 2; paths.has(path); k++) path = `xl/styles${k}.xml`;
    let id = "rIdZoneRatingStyles";
    while (relIds.has(id)) id += "_";
    styles = { path, xml: resultStyles, xfOffset: 0 };
    addedRels.push({ id, target: relativeTarget(base.workbookPath, path), type: STYLES_TYPE });
    addedParts.push({ path, contentType: STYLES_CONTENT });
    out.push([path, resultStyles]);
  }
  const rels = editRels(await text(base.zip, wbRelsPath), workbook.droppedRels, (type) => dropped.size > 0 && type.endsWith("/calcChain"), addedRels);
  const types = editContentTypes(await text(base.zip, CONTENT_TYPES), droppedParts, addedParts);

  const replaced = new Map<string, string>([
    [entryName(base.workbookPath), workbook.xml],
    [entryName(wbRelsPath), rels],
    [CONTENT_TYPES, types],
    [styles.path, styles.xml],
  ]);
  for (const [name, f] of Object.entries(base.zip.files)) {
    const entry = entryName(name);
    if (f.dir || droppedParts.has(entry)) continue;
    const edited = replaced.get(entry);
    out.push([entry, edited ?? nodeStream(f)]);
  }
  for (const a of additions) {
    const src = result.zip.file(a.source) ?? result.zip.file(`/${a.source}`);
    if (!src) throw new Error(`The result package has no ${a.source}.`);
    out.push([a.path, nodeStream(src).pipe(shiftStyles(styles.xfOffset, rowBreaksXml(a.rowBreaks ?? [])))]);
  }
  await writeZip(out, outPath);
}

function relativeTarget(fromPart: string, toPath: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPath.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const rel = [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
  return resolveTarget(fromPart, rel) === toPath ? rel : `/${toPath}`;
}

/**
 * Asks Excel to calculate every formula when it opens the file: the check formulas' cached results
 * are the add-in's figures, and must be Excel's own once the file is opened.
 */
function calcOnLoad(els: XmlElement[], xml: string): Splice[] {
  const calc = first(els, "calcPr");
  if (calc) return [setAttribute(calc, xml, "fullCalcOnLoad", "1")];
  // CT_Workbook's order: calcPr follows definedNames (which the markers ensure), or sheets.
  const after = first(els, "definedNames") ?? first(els, "sheets")!;
  return [{ at: after.end, remove: 0, insert: `<${els[0].prefix}calcPr fullCalcOnLoad="1"/>` }];
}

function editWorkbookMarkersOnly(xml: string, placed: PlacedSheet[]): string {
  const els = xmlElements(xml);
  const p = els[0].prefix;
  const markers = placed.map((s) => `<${p}definedName name="${s.marker}" hidden="1">${escapeXml(sheetRef(s.name))}</${p}definedName>`).join("");
  const namesEl = first(els, "definedNames");
  const calc = placed.some((s) => s.formulas) ? calcOnLoad(els, xml) : [];
  if (namesEl) return applySplices(xml, [...appendChildren(namesEl, xml, markers), ...calc]);
  const sheetsEl = first(els, "sheets")!;
  return applySplices(xml, [{ at: sheetsEl.end, remove: 0, insert: `<${p}definedNames>${markers}</${p}definedNames>` }, ...calc]);
}

function nodeStream(f: JSZip.JSZipObject): Readable {
  return f.nodeStream("nodebuffer") as unknown as Readable;
}

/**
 * Writes the entries one after another through Node's zlib (archiver). A part's stream is only
 * started when its turn comes, so at most one part is being inflated and deflated at a time.
 */
async function writeZip(entries: Entries, outPath: string): Promise<void> {
  const zip = archiver("zip", { zlib: { level: 6 } });
  const file = createWriteStream(outPath);
  const failed = new Promise<never>((_, reject) => {
    zip.on("error", reject);
    zip.on("warning", reject);
    file.on("error", reject);
  });
  zip.pipe(file);
  for (const [name, data] of entries) zip.append(data, { name });
  await Promise.race([Promise.all([zip.finalize(), finished(file)]), failed]);
}

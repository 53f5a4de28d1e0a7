// Writes the rated package: a copy of the input package with the result sheets (and their charts)
// added. Every part of the input is copied as it lies in the file (its compressed bytes) except
// the few that list sheets (workbook, its relationships, content types) and the styles, which gain
// the result sheets' entries; an earlier run's result sheets (marked, and their titles agree) are
// dropped first, with the parts only they used, so a re-run replaces them.
import JSZip from "jszip";
import { chartXml, drawingXml } from "./chartXml";
import type { SheetKind } from "../workbook/plan/types";
import { isMarker, isResultSheetKind, markerName, quotedSheet, sheetRef } from "./marker";
import { openPackage, relsPathOf, resolveTarget, type XlsxPackage } from "./package";
import { worksheetXml, XmlBytes } from "./sheetXml";
import { measured } from "./timeline";
import { MAIN_NS, StyleRegistry, styleMerger } from "./styles";
import type { PlannedSheet } from "./write";
import { appendChildren, applySplices, childrenOf, escapeXml, first, removeElement, setAttribute, xmlElements, type Splice, type XmlElement } from "./xmlEdit";
import type { PackageZip } from "./zip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET_TYPE = `${REL}/worksheet`;
const STYLES_TYPE = `${REL}/styles`;
const DRAWING_TYPE = `${REL}/drawing`;
const CHART_TYPE = `${REL}/chart`;
const CONTENT = "application/vnd.openxmlformats-officedocument";
const WORKSHEET_CONTENT = `${CONTENT}.spreadsheetml.worksheet+xml`;
const STYLES_CONTENT = `${CONTENT}.spreadsheetml.styles+xml`;
const DRAWING_CONTENT = `${CONTENT}.drawing+xml`;
const CHART_CONTENT = `${CONTENT}.drawingml.chart+xml`;
const CONTENT_TYPES = "[Content_Types].xml";

interface AddedRel {
  id: string;
  target: string;
  type: string;
}

interface AddedPart {
  path: string;
  contentType: string;
}

/** A result sheet as it goes into the package. */
interface AddedSheet {
  name: string;
  relId: string;
  path: string;
  /** Name of the hidden defined name that marks the sheet as the add-in's. */
  marker: string;
  printTitles: string;
  /** The sheet holds formulas, so Excel must calculate on load. */
  formulas: boolean;
  plan: PlannedSheet["plan"];
  drawing?: { path: string; charts: Array<{ path: string; relId: string; spec: NonNullable<PlannedSheet["plan"]["charts"]>[number] }> };
}

/**
 * Sheets of the package an earlier run wrote as results, by name, from the package's verified
 * sheet kinds (src/xlsx/sheets.ts's verifiedSheetKinds): the one place that decides which input
 * sheets a run replaces. A user's sheet that only a marker calls a result sheet is kept.
 */
function replacedSheets(kinds: ReadonlyMap<string, SheetKind>): Set<string> {
  const out = new Set<string>();
  for (const [name, kind] of kinds) if (isResultSheetKind(kind)) out.add(name);
  return out;
}

/** A workbook with no sheets, the base a run without an input workbook adds its sheets to. */
export async function emptyPackage(): Promise<XlsxPackage> {
  const zip = new JSZip();
  zip.file(CONTENT_TYPES, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.spreadsheetml.sheet.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets/></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}"/>`);
  return openPackage(await zip.generateAsync({ type: "uint8array" }));
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path) ?? zip.file(`/${path}`);
  if (!f) throw new Error(`The package has no ${path}.`);
  return f.async("string");
}

function entryName(name: string): string {
  return name.replace(/^\/+/, "");
}

function attrName(el: XmlElement, local: string): string | undefined {
  return Object.keys(el.attrs).find((k) => k === local || k.endsWith(`:${local}`));
}

/**
 * The parts to leave out: the dropped sheets, their relationships, and every part reachable only
 * through them (an earlier run's drawings and charts, a user's comments on a result sheet), but
 * nothing another part still uses (an image shared with a kept sheet).
 */
function droppedParts(base: XlsxPackage, droppedSheets: ReadonlySet<string>): Set<string> {
  const sheetPaths = new Set(base.sheets.filter((s) => droppedSheets.has(s.name)).map((s) => s.path));
  const targets = new Map<string, string[]>();
  for (const [source, rels] of base.rels) targets.set(source, rels.filter((r) => !r.external).map((r) => r.path));
  const walk = (from: Iterable<string>, skip: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const stack = [...from];
    while (stack.length > 0) {
      const part = stack.pop()!;
      if (seen.has(part) || skip.has(part)) continue;
      seen.add(part);
      stack.push(...(targets.get(part) ?? []));
    }
    return seen;
  };
  const kept = walk([""], sheetPaths);
  const out = new Set<string>();
  for (const part of walk(sheetPaths, new Set())) {
    if (kept.has(part)) continue;
    out.add(part);
    out.add(relsPathOf(part));
  }
  return out;
}

function relsXml(rels: readonly AddedRel[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("")}</Relationships>`;
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
function editWorkbook(xml: string, dropped: ReadonlySet<string>, added: readonly AddedSheet[]): WorkbookEdit {
  const els = xmlElements(xml);
  const root = els[0];
  const sheetsEl = first(els, "sheets");
  if (!sheetsEl) throw new Error("The workbook part lists no sheets.");
  const sheetEls = childrenOf(els, sheetsEl, "sheet");
  const splices: Splice[] = [];
  const droppedRels = new Set<string>();
  const newIndex: number[] = [];
  let kept = 0;
  const relAttr = (sheetEls.length > 0 ? attrName(sheetEls[0], "id") : undefined) ?? "r:id";
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
    nameXml += `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${kept + i}">${escapeXml(a.printTitles)}</${p}definedName>`;
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
 * Writes the package into `zip`: the base's parts (less the result sheets among `kinds`, the base's
 * verified sheet kinds), then each planned sheet (streamed), its drawing and charts, then the
 * styles. `onRows` hears how many rows of the planned sheets are written.
 */
export async function writePackage(base: XlsxPackage, kinds: ReadonlyMap<string, SheetKind>, planned: readonly PlannedSheet[], zip: PackageZip, onRows: (rows: number) => void): Promise<void> {
  const dropped = replacedSheets(kinds);
  const skipped = droppedParts(base, dropped);
  const calcChain = base.workbookRels.find((r) => r.type.endsWith("/calcChain"));
  // The calculation chain lists cells of the dropped sheets; Excel rebuilds it when it is absent.
  if (dropped.size > 0 && calcChain) skipped.add(calcChain.path);

  const relIds = new Set(base.workbookRels.map((r) => r.id));
  const paths = new Set(Object.keys(base.zip.files).map(entryName).filter((p) => !skipped.has(p)));
  /** The first free name of the pattern, numbered from `from`, as Excel names its parts (some readers look for that pattern). */
  const freePath = (pattern: (k: number) => string, from = 1): string => {
    let k = from;
    while (paths.has(pattern(k))) k++;
    paths.add(pattern(k));
    return pattern(k);
  };
  let n = 0;
  const sheets: AddedSheet[] = planned.map((p, i) => {
    let relId: string;
    do relId = `rIdZoneRating${++n}`;
    while (relIds.has(relId));
    const path = freePath((k) => `xl/worksheets/sheet${k}.xml`, i + 1);
    const [t0, t1] = p.plan.print.titleRows;
    const sheet: AddedSheet = { name: p.name, relId, path, marker: markerName(p.kind, p.part), printTitles: `${quotedSheet(p.name)}!$${t0 + 1}:$${t1 + 1}`, formulas: (p.plan.formulas?.length ?? 0) > 0, plan: p.plan };
    const charts = p.plan.charts ?? [];
    if (charts.length > 0) sheet.drawing = { path: freePath((k) => `xl/drawings/drawing${k}.xml`), charts: charts.map((spec, c) => ({ spec, relId: `rId${c + 1}`, path: freePath((k) => `xl/charts/chart${k}.xml`) })) };
    return sheet;
  });

  const wbRelsPath = relsPathOf(base.workbookPath);
  const addedRels: AddedRel[] = sheets.map((s) => ({ id: s.relId, target: relativeTarget(base.workbookPath, s.path), type: WORKSHEET_TYPE }));
  const addedParts: AddedPart[] = sheets.flatMap((s) => [
    { path: s.path, contentType: WORKSHEET_CONTENT },
    ...(s.drawing ? [{ path: s.drawing.path, contentType: DRAWING_CONTENT }, ...s.drawing.charts.map((c) => ({ path: c.path, contentType: CHART_CONTENT }))] : []),
  ]);
  const stylesRel = base.workbookRels.find((r) => r.type.endsWith("/styles"));
  const merger = stylesRel ? styleMerger(await text(base.zip, stylesRel.path)) : undefined;
  let stylesPath: string;
  if (stylesRel) stylesPath = entryName(stylesRel.path);
  else {
    // A workbook written without a styles part (some generators leave it out) takes the result's.
    stylesPath = freePath((k) => (k === 1 ? "xl/styles.xml" : `xl/styles${k}.xml`));
    let id = "rIdZoneRatingStyles";
    while (relIds.has(id)) id += "_";
    addedRels.push({ id, target: relativeTarget(base.workbookPath, stylesPath), type: STYLES_TYPE });
    addedParts.push({ path: stylesPath, contentType: STYLES_CONTENT });
  }
  const workbook = editWorkbook(await text(base.zip, base.workbookPath), dropped, sheets);
  const edited = new Map<string, string>([
    [entryName(base.workbookPath), workbook.xml],
    [entryName(wbRelsPath), editRels(await text(base.zip, wbRelsPath), workbook.droppedRels, (type) => dropped.size > 0 && type.endsWith("/calcChain"), addedRels)],
    [CONTENT_TYPES, editContentTypes(await text(base.zip, CONTENT_TYPES), skipped, addedParts)],
  ]);

  await measured("copy the input's parts", async () => {
    for (const [name, f] of Object.entries(base.zip.files)) {
      const entry = entryName(name);
      // The styles are written last, once the result sheets have asked for every format they use.
      if (f.dir || skipped.has(entry) || entry === stylesPath) continue;
      const xml = edited.get(entry);
      if (xml !== undefined) await zip.text(entry, xml);
      else await zip.copy(entry, f);
    }
  });
  const registry = new StyleRegistry();
  const xfOffset = merger?.xfOffset ?? 0;
  for (const s of sheets) {
    await measured(`write sheet ${s.name}`, async () => {
      const part = zip.part(s.path);
      const out = new XmlBytes();
      const rows = worksheetXml(s.plan, registry, xfOffset, out, onRows, s.drawing ? "rId1" : undefined);
      while (!rows.next().done) await part.write(out.take());
      await part.write(out.take());
      await part.end();
    });
    if (!s.drawing) continue;
    await zip.text(relsPathOf(s.path), relsXml([{ id: "rId1", type: DRAWING_TYPE, target: relativeTarget(s.path, s.drawing.path) }]));
    await zip.text(s.drawing.path, drawingXml(s.drawing.charts));
    await zip.text(relsPathOf(s.drawing.path), relsXml(s.drawing.charts.map((c) => ({ id: c.relId, type: CHART_TYPE, target: relativeTarget(s.drawing!.path, c.path) }))));
    for (const c of s.drawing.charts) await zip.text(c.path, chartXml(c.spec, s.name, s.plan));
  }
  const resultStyles = registry.xml();
  await zip.text(stylesPath, merger ? merger.merge(resultStyles) : resultStyles);
  await zip.end();
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


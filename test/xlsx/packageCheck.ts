// What Excel checks when it opens a package: a file that fails any of these opens with "We found a
// problem with some content" and a repair. Content types, relationships, unique sheet ids and
// names, defined names in scope and not repeated, style indexes within cellXfs.
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { resolveTarget, relsPathOf } from "../../src/xlsx/package";
import { xmlElements } from "../../src/xlsx/xmlEdit";

const CONTENT = "application/vnd.openxmlformats-officedocument";
const WORKSHEET = `${CONTENT}.spreadsheetml.worksheet+xml`;
/** The content type a part must have, by the type of the relationship that leads to it. */
const TYPED: Record<string, string> = {
  worksheet: WORKSHEET,
  styles: `${CONTENT}.spreadsheetml.styles+xml`,
  drawing: `${CONTENT}.drawing+xml`,
  chart: `${CONTENT}.drawingml.chart+xml`,
};

/** Every part of the package at `file` (or of its bytes) as text, by name. */
export async function parts(file: string | Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(typeof file === "string" ? readFileSync(file) : file);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name.replace(/^\//, ""), await f.async("string"));
  return out;
}

/** Every problem Excel would repair, as text (empty when the package is sound). */
export async function packageProblems(file: string | Uint8Array): Promise<string[]> {
  const p = await parts(file);
  const problems: string[] = [];
  const types = xmlElements(p.get("[Content_Types].xml")!);
  const overrides = new Set(types.filter((e) => e.name === "Override").map((e) => (e.attrs.PartName ?? "").replace(/^\//, "")));
  const defaults = new Set(types.filter((e) => e.name === "Default").map((e) => (e.attrs.Extension ?? "").toLowerCase()));
  for (const name of p.keys()) {
    if (name === "[Content_Types].xml") continue;
    const ext = name.split(".").pop()!.toLowerCase();
    if (!overrides.has(name) && !defaults.has(ext)) problems.push(`${name} has no content type`);
  }
  for (const o of overrides) if (!p.has(o)) problems.push(`content type for a missing part ${o}`);
  const contentType = new Map(types.filter((e) => e.name === "Override").map((e) => [(e.attrs.PartName ?? "").replace(/^\//, ""), e.attrs.ContentType]));
  const reached = new Map<string, string[]>();
  for (const [name, xml] of p) {
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/_rels\/([^/]+)\.rels$/, "$1");
    const targets: string[] = [];
    for (const r of xmlElements(xml).filter((e) => e.name === "Relationship" && e.attrs.TargetMode !== "External")) {
      const target = resolveTarget(source === name ? "" : source, r.attrs.Target ?? "");
      targets.push(target);
      if (!p.has(target)) problems.push(`${name} points at a missing part ${target}`);
      const kind = Object.keys(TYPED).find((k) => (r.attrs.Type ?? "").endsWith(`/${k}`));
      if (kind && p.has(target) && contentType.get(target) !== TYPED[kind]) problems.push(`${target} is not typed as a ${kind}`);
    }
    reached.set(source === name ? "" : source, targets);
  }
  // A part no relationship leads to is left over (an earlier run's chart whose sheet was replaced).
  const seen = new Set<string>();
  const stack = [""];
  while (stack.length > 0) {
    const part = stack.pop()!;
    if (seen.has(part)) continue;
    seen.add(part);
    stack.push(...(reached.get(part) ?? []));
  }
  for (const name of p.keys()) if (name !== "[Content_Types].xml" && !name.endsWith(".rels") && !seen.has(name)) problems.push(`${name} is reached by no relationship`);
  const workbook = p.get("xl/workbook.xml")!;
  const els = xmlElements(workbook);
  const sheets = els.filter((e) => e.name === "sheet");
  const rels = new Map(xmlElements(p.get(relsPathOf("xl/workbook.xml"))!).filter((e) => e.name === "Relationship").map((e) => [e.attrs.Id, e.attrs.Target]));
  const ids = sheets.map((s) => s.attrs.sheetId);
  if (new Set(ids).size !== ids.length) problems.push(`sheetIds repeat: ${ids.join(",")}`);
  const names = sheets.map((s) => (s.attrs.name ?? "").toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`sheet names repeat: ${names.join(",")}`);
  for (const s of sheets) {
    const target = rels.get(s.attrs["r:id"]);
    if (target === undefined) problems.push(`sheet ${s.attrs.name} has no relationship`);
    else if (contentType.get(resolveTarget("xl/workbook.xml", target)) !== WORKSHEET) problems.push(`sheet ${s.attrs.name} is not typed as a worksheet`);
  }
  const scoped = new Set<string>();
  for (const n of els.filter((e) => e.name === "definedName")) {
    const local = n.attrs.localSheetId;
    if (local !== undefined && Number(local) >= sheets.length) problems.push(`${n.attrs.name} is scoped to sheet ${local} of ${sheets.length}`);
    const key = `${(n.attrs.name ?? "").toLowerCase()}@${local ?? "workbook"}`;
    if (scoped.has(key)) problems.push(`defined name ${key} repeats`);
    scoped.add(key);
  }
  // Every cell's style index must exist in cellXfs.
  const styles = xmlElements(p.get("xl/styles.xml")!);
  const cellXfs = styles.find((e) => e.name === "cellXfs")!;
  const xfCount = styles.filter((e) => e.name === "xf" && e.parent === cellXfs).length;
  if (Number(cellXfs.attrs.count) !== xfCount) problems.push(`cellXfs count ${cellXfs.attrs.count} for ${xfCount}`);
  for (const [name, xml] of p) {
    if (!name.startsWith("xl/worksheets/") || !name.endsWith(".xml")) continue;
    for (const m of xml.matchAll(/<c\b[^>]*\ss="(\d+)"/g)) if (Number(m[1]) >= xfCount) problems.push(`${name} uses style ${m[1]} of ${xfCount}`);
  }
  return problems;
}

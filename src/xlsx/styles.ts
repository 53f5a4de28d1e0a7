// The result sheets' cell formats: each distinct look the plans ask for becomes one cell format
// (xf) of a styles part of their own, which is then appended to the input's styles part.
import type { CellStyle } from "../workbook/plan/types";
import { appendChildren, applySplices, childrenOf, escapeXml, setAttribute, xmlElements, type Splice, type XmlElement } from "./xmlEdit";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Excel's built-in number formats the plans use, by code: they need no numFmt of their own. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
/** Excel numbers custom formats from 164. */
const FIRST_CUSTOM_FORMAT = 164;
const THIN_BORDER = '<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border>';

/** Every cell format the written sheets use, by look; index 0 is the plain default. */
export class StyleRegistry {
  private readonly xfIndex = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly formats = new Map<string, number>();
  private readonly fonts = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];

  /** The cell format for a cell under `active` (later styles win) showing numbers as `numFmt`. */
  index(active: readonly CellStyle[], numFmt: string): number {
    if (active.length === 0 && numFmt === "General") return 0;
    let bold: boolean | undefined;
    let size: number | undefined;
    let fill: string | undefined;
    let border = false;
    let align: CellStyle["align"];
    let wrap: boolean | undefined;
    let aligned = false;
    for (const s of active) {
      if (s.bold !== undefined) bold = s.bold;
      if (s.fontSize !== undefined) size = s.fontSize;
      if (s.fill) fill = s.fill;
      if (s.border) border = true;
      if (s.align !== undefined || s.wrap !== undefined) {
        aligned = true;
        if (s.align !== undefined) align = s.align;
        if (s.wrap !== undefined) wrap = s.wrap;
      }
    }
    const key = `${numFmt}\u0000${bold}\u0000${size}\u0000${fill}\u0000${border}\u0000${aligned}\u0000${align}\u0000${wrap}`;
    let index = this.xfIndex.get(key);
    if (index !== undefined) return index;
    const fmtId = this.formatId(numFmt);
    const fontId = bold || size !== undefined ? this.add(this.fonts, `<font>${bold ? "<b/>" : ""}${size !== undefined ? `<sz val="${size}"/>` : ""}</font>`) : 0;
    const fillId = fill ? this.add(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${fill.replace("#", "").toUpperCase()}"/></patternFill></fill>`) : 0;
    const borderId = border ? this.add(this.borders, THIN_BORDER) : 0;
    let xf = `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (fmtId !== 0) xf += ' applyNumberFormat="1"';
    if (fontId !== 0) xf += ' applyFont="1"';
    if (fillId !== 0) xf += ' applyFill="1"';
    if (borderId !== 0) xf += ' applyBorder="1"';
    // A cell whose alignment is set is centred vertically too: wrapped headers and their neighbours line up.
    if (aligned) xf += ` applyAlignment="1"><alignment${align ? ` horizontal="${align}"` : ""} vertical="center"${wrap ? ' wrapText="1"' : ""}/></xf>`;
    else xf += "/>";
    index = this.xfs.length;
    this.xfs.push(xf);
    this.xfIndex.set(key, index);
    return index;
  }

  /** The styles part holding every format handed out so far. */
  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const list = (name: string, items: readonly string[]): string => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
      (fmts.length > 0 ? list("numFmts", fmts) : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      list("cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list("cellXfs", this.xfs) +
      list("cellStyles", ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private add(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }
}

/** A fragment written into a part whose SpreadsheetML elements carry a prefix declares the namespace itself. */
function inMainNs(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.replace(/<([A-Za-z]+)([\s/>])/g, (_m, tag: string, after: string) => `<${tag} xmlns="${MAIN_NS}"${after}`);
}

/**
 * The base's styles part, ready to take the result's: `xfOffset` is the index the result's first
 * cell format gets (known before the result sheets are written, so their cells carry final
 * indexes), and `merge` appends the result's number formats, fonts, fills, borders and cell formats.
 */
export function styleMerger(baseXml: string): { xfOffset: number; merge(resultXml: string): string } {
  const b = xmlElements(baseXml);
  const root = b[0];
  const prefix = root.prefix;
  const section = (name: string): XmlElement | undefined => b.find((e) => e.name === name && e.parent === root);
  const countOf = (el: XmlElement | undefined, child: string): number => (el ? childrenOf(b, el, child).length : 0);
  const xfOffset = countOf(section("cellXfs"), "xf");
  return { xfOffset, merge: mergeInto };

  function mergeInto(resultXml: string): string {
    const r = xmlElements(resultXml);
    const splices: Splice[] = [];
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
  return applySplices(baseXml, splices);
  }
}


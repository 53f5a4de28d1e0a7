// Small, exact edits to a package's XML parts (workbook, relationships, content types, styles):
// a real XML parser finds each element's span, and edits splice text at those spans, so every
// byte the edit does not touch stays as the producer wrote it (prefixes, extensions, order).
import { SaxesParser } from "saxes";
import { localName } from "./package";

export interface XmlElement {
  /** Local name ("sheet" for "x:sheet"). */
  name: string;
  /** The prefix with its colon ("x:"), or "". */
  prefix: string;
  attrs: Record<string, string>;
  depth: number;
  /** Offset of "<" of the start tag, of the character after the start tag, and after the end tag. */
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  parent?: XmlElement;
}

/** Every element of the document with its span, in document order. */
export function xmlElements(xml: string): XmlElement[] {
  const parser = new SaxesParser();
  const all: XmlElement[] = [];
  const stack: XmlElement[] = [];
  parser.on("opentag", (node) => {
    const openEnd = parser.position;
    const start = xml.lastIndexOf("<", openEnd - 1);
    const colon = node.name.indexOf(":");
    const el: XmlElement = {
      name: localName(node.name),
      prefix: colon < 0 ? "" : node.name.slice(0, colon + 1),
      attrs: node.attributes as Record<string, string>,
      depth: stack.length,
      start,
      openEnd,
      end: openEnd,
      selfClosing: node.isSelfClosing,
      parent: stack[stack.length - 1],
    };
    all.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    const el = stack.pop();
    if (el) el.end = parser.position;
  });
  parser.write(xml).close();
  for (const el of all) {
    // saxes counts positions in UTF-16 units like String.prototype; a mismatch would corrupt the part, so check.
    if (xml[el.start] !== "<") throw new Error(`XML span mismatch at ${el.start}`);
  }
  return all;
}

export interface Splice {
  at: number;
  /** Characters removed from `at`. */
  remove: number;
  insert: string;
}

/** Applies splices (non-overlapping; inserts at the same point keep their order). */
export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    out += xml.slice(pos, s.at) + s.insert;
    pos = Math.max(pos, s.at + s.remove);
  }
  return out + xml.slice(pos);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Removes an element, whole. */
export function removeElement(el: XmlElement): Splice {
  return { at: el.start, remove: el.end - el.start, insert: "" };
}

/** Appends children inside an element, turning a self-closing one into an open/close pair. */
export function appendChildren(el: XmlElement, xml: string, children: string): Splice[] {
  if (children === "") return [];
  if (!el.selfClosing) {
    const closeStart = xml.lastIndexOf("</", el.end - 1);
    return [{ at: closeStart, remove: 0, insert: children }];
  }
  const slash = xml.lastIndexOf("/", el.openEnd - 1);
  return [{ at: slash, remove: el.openEnd - slash, insert: `>${children}</${el.prefix}${el.name}>` }];
}

/** Sets (or adds) one attribute of an element's start tag. */
export function setAttribute(el: XmlElement, xml: string, name: string, value: string): Splice {
  const tag = xml.slice(el.start, el.openEnd);
  const m = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`).exec(tag);
  if (m) return { at: el.start + m.index + m[1].length, remove: m[2].length, insert: `"${escapeXml(value)}"` };
  const end = el.selfClosing ? xml.lastIndexOf("/", el.openEnd - 1) : el.openEnd - 1;
  return { at: end, remove: 0, insert: ` ${name}="${escapeXml(value)}"` };
}

export function childrenOf(all: XmlElement[], parent: XmlElement, name?: string): XmlElement[] {
  return all.filter((e) => e.parent === parent && (name === undefined || e.name === name));
}

export function first(all: XmlElement[], name: string): XmlElement | undefined {
  return all.find((e) => e.name === name);
}

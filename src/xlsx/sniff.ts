// Tells from a file's bytes what it is when it is not an .xlsx, so the user hears "this is an .xls,
// save it as .xlsx" instead of a zip library's complaint. Zip entry names are stored uncompressed
// (in each local header and again in the central directory), and OLE2 directory entry names as
// UTF-16LE, so looking for them in the bytes needs no archive reader. Plain bytes, no Node: the
// command line and the offline page both read files through here.
import type { Issue } from "../engine/types";
import { localizeIssues } from "../i18n/issues";
import type { Locale } from "../i18n/locale";
import { WorkbookLimitError } from "./limits";

/** What a file that is not an .xlsx workbook is (the NOT_XLSX issue's `kind`). */
export type NotXlsxKind = "empty" | "xls" | "encrypted" | "ole" | "ods" | "xlsb" | "xml2003" | "html" | "text" | "docx" | "zip" | "unknown";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** The text's bytes as ASCII (latin1) or UTF-16LE; the names looked for are ASCII. */
function encode(text: string, encoding: "latin1" | "utf16le"): Uint8Array {
  const width = encoding === "utf16le" ? 2 : 1;
  const out = new Uint8Array(text.length * width);
  for (let i = 0; i < text.length; i++) out[i * width] = text.charCodeAt(i) & 0xff;
  return out;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function has(bytes: Uint8Array, text: string, encoding: "latin1" | "utf16le" = "latin1"): boolean {
  const needle = encode(text, encoding);
  const first = needle[0];
  for (let at = bytes.indexOf(first); at !== -1 && at + needle.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return false;
}

function oleKind(bytes: Uint8Array): NotXlsxKind {
  // An .xlsx with an open password is an OLE2 file holding the real workbook, encrypted, as this stream.
  if (has(bytes, "EncryptedPackage", "utf16le")) return "encrypted";
  if (has(bytes, "Workbook", "utf16le") || has(bytes, "Book", "utf16le")) return "xls";
  return "ole";
}

/** undefined when the zip looks like an .xlsx (possibly a damaged one, which the reader then judges). */
function zipKind(bytes: Uint8Array): NotXlsxKind | undefined {
  if (has(bytes, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return "ods";
  if (has(bytes, "xl/workbook.xml")) return undefined;
  if (has(bytes, "xl/workbook.bin")) return "xlsb";
  if (has(bytes, "word/document.xml")) return "docx";
  // Parts under xl/ without the workbook part: an .xlsx cut short, which is damaged rather than something else.
  if (has(bytes, "xl/")) return undefined;
  return "zip";
}

function textKind(bytes: Uint8Array): NotXlsxKind | undefined {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return undefined;
  const text = (utf16 ? new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head) : new TextDecoder("latin1").decode(head)).toLowerCase();
  if (text.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
  if (/<(html|table|!doctype html)\b/.test(text)) return "html";
  return "text";
}

/** What the file is when it is not an .xlsx workbook; undefined when it looks like one. */
export function sniffNotXlsx(bytes: Uint8Array): NotXlsxKind | undefined {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE2)) return oleKind(bytes);
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return zipKind(bytes);
  return textKind(bytes) ?? "unknown";
}

/**
 * Reads a workbook from bytes already read (so a file is read once); a file that is no .xlsx, one
 * past a reading limit, or one `read` fails on gives the issue that stops the run instead.
 */
export async function readWorkbookBytes<T>(bytes: Uint8Array, file: string, read: (bytes: Uint8Array) => Promise<T>, locale: Locale): Promise<{ workbook: T } | { issues: Issue[] }> {
  const kind = sniffNotXlsx(bytes);
  if (kind !== undefined) return { issues: localizeIssues([{ severity: "error", code: "NOT_XLSX", params: { kind, file } }], locale) };
  try {
    return { workbook: await read(bytes) };
  } catch (e) {
    const issue: Issue = e instanceof WorkbookLimitError ? { ...e.issue, params: { ...e.issue.params, file } } : { severity: "error", code: "UNREADABLE_WORKBOOK", params: { file } };
    return { issues: localizeIssues([issue], locale) };
  }
}

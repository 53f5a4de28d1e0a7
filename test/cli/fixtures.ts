// Files that are not .xlsx workbooks, built byte by byte in the test so that no binary fixture is
// committed, and the operating system's errors as Node raises them.
import { crc32 } from "node:zlib";

/** A zip entry's data as the archive stores it: stored as is (method 0) or deflated (method 8). */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  /** The bytes as stored. */
  data: Buffer;
  crc: number;
  /** Its inflated size as the directory states it (a crafted file may state less than it holds). */
  size: number;
}

/** CRC-32, both sizes and the name's length, which local and central headers hold in this order from `at`. */
function writeEntryFields(header: Buffer, at: number, entry: ZipEntry, nameLength: number): void {
  header.writeUInt32LE(entry.crc, at);
  header.writeUInt32LE(entry.data.length, at + 4);
  header.writeUInt32LE(entry.size, at + 8);
  header.writeUInt16LE(nameLength, at + 12);
}

/** A zip archive of the entries, with local headers and a central directory. */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    writeEntryFields(local, 14, entry, nameBytes.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    writeEntryFields(central, 16, entry, nameBytes.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, entry.data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An entry stored uncompressed. */
export function storedEntry(name: string, content: string | Buffer): ZipEntry {
  const data = Buffer.from(content);
  return { name, method: 0, data, crc: crc32(data), size: data.length };
}

/** A zip archive of the entries, stored uncompressed. */
export function zipOf(entries: ReadonlyArray<[name: string, content: string]>): Buffer {
  return zipArchive(entries.map(([name, content]) => storedEntry(name, content)));
}

/** The start of an OLE2 compound file (as .xls, .doc and password-protected .xlsx are) whose directory names these streams. */
export function ole2With(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = streams.map((name) => {
    const entry = Buffer.alloc(128);
    Buffer.from(name, "utf16le").copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = 2;
    return entry;
  });
  return Buffer.concat([header, ...directory]);
}

/** An OpenDocument spreadsheet's opening: its first entry is the uncompressed mimetype. */
export function odsBytes(): Buffer {
  return zipOf([
    ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
    ["content.xml", "<office:document-content/>"],
  ]);
}

/** A Word document's parts: a zip like an .xlsx, without xl/workbook.xml. */
export function docxBytes(): Buffer {
  return zipOf([
    ["[Content_Types].xml", "<Types/>"],
    ["word/document.xml", "<w:document/>"],
  ]);
}

/** An error as Node's fs raises it, with its code, for a write to `path`. */
export function systemError(code: string, path = "/x"): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, write '${path}'`), { code, syscall: "write", path });
}

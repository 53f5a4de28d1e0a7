// Files that are not .xlsx workbooks, built byte by byte in the test so that no binary fixture is
// committed, and the operating system's errors as Node raises them.
import { crc32 } from "node:zlib";

/** CRC-32, both sizes (stored: equal) and the name's length, which local and central headers hold in this order from `at`. */
function writeEntryFields(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt32LE(crc, at);
  header.writeUInt32LE(size, at + 4);
  header.writeUInt32LE(size, at + 8);
  header.writeUInt16LE(nameLength, at + 12);
}

/** A zip archive of the entries, stored uncompressed, with local headers and a central directory. */
export function zipOf(entries: ReadonlyArray<[name: string, content: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    writeEntryFields(local, 14, crc, data.length, nameBytes.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    writeEntryFields(central, 16, crc, data.length, nameBytes.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
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

// The rated workbook's parts compressed by the browser's own zlib (CompressionStream), the page's
// counterpart of the command line's Node zlib (src/xlsx/writeFile.ts): fflate's deflate in
// JavaScript takes about as long as writing the sheets' XML itself, the browser's native one a
// fraction of that. fflate still lays out the zip; it gets each part compressed, with its CRC-32
// and size.
import type { ZipInputFile } from "fflate";
import type { EncoderFactory } from "../xlsx/zip";

/** CRC-32 (ISO-HDLC, the zip's), one table lookup per byte. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 of `data` continued from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Each part deflated by a CompressionStream("deflate-raw"); its output is handed to fflate as it comes. */
export const streamEncoders: EncoderFactory = (name) => {
  const entry: ZipInputFile = { filename: name, compression: 8, crc: 0, size: 0 };
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const compressed = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      entry.ondata!(null, value, false);
    }
  })();
  return {
    entry,
    async push(chunk, final) {
      if (chunk.length > 0) {
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      }
      if (final) {
        await writer.close();
        await compressed;
        entry.ondata!(null, new Uint8Array(0), true);
      }
    },
  };
};

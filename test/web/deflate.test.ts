// The page's zip parts compressed by the platform's CompressionStream (Node has it too): the CRC-32
// a zip reader checks, and a rated workbook that reads back as fflate's own deflate writes it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import JSZip from "jszip";
import { crc32, streamEncoders } from "../../src/web/deflate";
import { rateWorkbook, readInputWorkbook } from "../../src/xlsx/rateWorkbook";
import { readKindedSheets } from "../../src/xlsx/sheets";
import { writeRatedWorkbook, writeWorkbook } from "../../src/xlsx/write";

const SAMPLE = join(__dirname, "../../samples/henan-zones-sample.xlsx");

async function written(encoders?: typeof streamEncoders): Promise<Uint8Array> {
  const bytes = readFileSync(SAMPLE);
  const read = await readInputWorkbook(bytes, "sample.xlsx", "zh-CN");
  if (!("input" in read)) throw new Error("the sample did not read");
  const rated = await rateWorkbook(read.input, { locale: "zh-CN" });
  if (!rated.ok) throw new Error("the sample did not rate");
  const chunks: Uint8Array[] = [];
  const sink = { write: (chunk: Uint8Array) => void chunks.push(chunk) };
  if (encoders) await writeWorkbook(rated.plans, bytes, sink, {}, encoders);
  else await writeRatedWorkbook(rated.plans, bytes, sink);
  return Buffer.concat(chunks);
}

describe("crc32", () => {
  it("gives the check value of CRC-32/ISO-HDLC and continues across chunks as zlib's does", () => {
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
    const data = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) & 0xff);
    expect(crc32(data.subarray(60_000), crc32(data.subarray(0, 60_000)))).toBe(zlibCrc32(data));
  });
});

describe("streamEncoders", () => {
  it("write a workbook whose every part passes the zip's CRC check and reads as fflate's deflate writes it", async () => {
    const [streamed, fflate] = await Promise.all([written(streamEncoders), written()]);
    const zip = await JSZip.loadAsync(streamed, { checkCRC32: true });
    const parts = Object.values(zip.files).filter((f) => !f.dir);
    expect(parts.length).toBeGreaterThan(20);
    for (const part of parts) await expect(part.async("uint8array")).resolves.toBeInstanceOf(Uint8Array);
    const sheets = async (bytes: Uint8Array) => (await readKindedSheets(bytes, { allResults: true })).map((s) => [s.grid.sheet, s.kind, s.grid.values, s.grid.numberFormats]);
    expect(await sheets(streamed)).toEqual(await sheets(fflate));
  });
});

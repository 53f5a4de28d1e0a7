// The zip container of a written package, streamed into a byte sink part by part (fflate's Zip,
// which runs alike in Node and in a browser). Each part is compressed by an encoder the caller
// chooses: fflate's own deflate everywhere, or one that hands fflate data compressed elsewhere
// (Node's zlib, off the main thread). Nothing waits in memory longer than one chunk: every step
// awaits the sink before the next one starts.
import { Zip, ZipDeflate, type ZipInputFile } from "fflate";
import type JSZip from "jszip";

/** Where the package's bytes go, in order: a file, or chunks a browser collects into a Blob. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** One part's bytes on their way into the zip: fflate reads `entry`, the writer pushes into `push`. */
export interface PartEncoder {
  readonly entry: ZipInputFile;
  push(chunk: Uint8Array, final: boolean): void | Promise<void>;
}

export type EncoderFactory = (name: string) => PartEncoder;

/** Level 6, zlib's default: what Excel and most writers use. */
export const DEFLATE_LEVEL = 6;

/** fflate's synchronous deflate, the same in Node and in a browser's worker. */
export const fflateEncoder: EncoderFactory = (name) => {
  const entry = new ZipDeflate(name, { level: DEFLATE_LEVEL });
  return { entry, push: (chunk, final) => entry.push(chunk, final) };
};

/** A part being written: its bytes go into the zip, compressed, as they come. */
export class PartWriter {
  constructor(
    private readonly encoder: PartEncoder,
    private readonly drain: () => Promise<void>,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    await this.encoder.push(chunk, false);
    await this.drain();
  }

  async end(): Promise<void> {
    await this.encoder.push(new Uint8Array(0), true);
    await this.drain();
  }
}

const encoder = new TextEncoder();

/** JSZip's record of an entry as it lies compressed in the loaded file (JSZip 3's CompressedObject). */
interface CompressedEntry {
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: Uint8Array<ArrayBuffer>;
}

/** Zip compression methods by JSZip's magic: the two JSZip reads, stored and deflated. */
const METHODS: Record<string, number> = { "\x00\x00": 0, "\x08\x00": 8 };

/** The first and last times a zip entry's DOS date can hold (fflate refuses a date outside them). */
const FIRST_DATE = new Date(1980, 0, 1);
const LAST_DATE = new Date(2099, 11, 31, 23, 59, 58);

/**
 * An input entry's date as the copy can store it: a zeroed DOS date, which some generators write
 * (JSZip reads it as 30 November 1979), or none at all, becomes the first.
 */
function storableDate(date: Date): Date {
  if (!(date >= FIRST_DATE)) return FIRST_DATE;
  return date > LAST_DATE ? LAST_DATE : date;
}

function compressedEntry(file: JSZip.JSZipObject): CompressedEntry {
  const data = (file as unknown as { _data?: Partial<CompressedEntry> })._data;
  if (!data || !(data.compressedContent instanceof Uint8Array) || METHODS[data.compression?.magic ?? ""] === undefined) {
    throw new Error(`The input part ${file.name} is not held as the loaded file's compressed bytes.`);
  }
  return data as CompressedEntry;
}

export class PackageZip {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly sink: ByteSink,
    private readonly encoders: EncoderFactory,
  ) {
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else this.pending.push(data);
    });
  }

  /** Starts a part; it must be ended before the next one starts. */
  part(name: string): PartWriter {
    const enc = this.encoders(name);
    this.zip.add(enc.entry);
    return new PartWriter(enc, () => this.drain());
  }

  async text(name: string, xml: string): Promise<void> {
    const part = this.part(name);
    await part.write(encoder.encode(xml));
    await part.end();
  }

  /** Copies an input part as it lies in the input file: its compressed bytes, never inflated. */
  async copy(name: string, file: JSZip.JSZipObject): Promise<void> {
    const data = compressedEntry(file);
    const entry: ZipInputFile = { filename: name, compression: METHODS[data.compression.magic], crc: data.crc32, size: data.uncompressedSize, mtime: storableDate(file.date) };
    this.zip.add(entry);
    entry.ondata!(null, data.compressedContent, true);
    await this.drain();
  }

  async end(): Promise<void> {
    this.zip.end();
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.length > 0) {
      const chunks = this.pending;
      this.pending = [];
      for (const chunk of chunks) await this.sink.write(chunk);
    }
  }
}

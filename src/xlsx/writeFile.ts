// The rated workbook written to a file (Node, for the command line): the package of write.ts, its
// parts compressed by Node's zlib, which works in the thread pool while the next rows of XML are
// generated, so a large sheet costs about the time of generating it.
import { once } from "node:events";
import { open, readFile, type FileHandle } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { crc32, createDeflateRaw, type ZlibOptions } from "node:zlib";
import type { ZipInputFile } from "fflate";
import type { SheetPlan } from "../workbook/plan/types";
import { writeWorkbook } from "./write";
import { DEFLATE_LEVEL, type ByteSink, type EncoderFactory } from "./zip";

/** Bytes gathered before one write to the file. */
const FILE_CHUNK = 1 << 20;
/** XML a part's compressor may hold before the writer waits for it. */
const DEFLATE_QUEUE = 4 << 20;
/**
 * Compressed bytes zlib makes per turn in the thread pool. Each turn ends on the main thread, which
 * is busy building the next rows; with zlib's default 16 KiB a megabyte of XML took a dozen turns,
 * and the compression fell behind the rows instead of running beside them.
 */
const DEFLATE_OUTPUT = 1 << 20;

/** Each part deflated by zlib; fflate gets the compressed bytes, their CRC and size. */
const zlibEncoders: EncoderFactory = (name) => {
  const entry: ZipInputFile = { filename: name, compression: 8, crc: 0, size: 0 };
  // A zlib stream takes a Transform's options too, which Node's typings leave out.
  const deflate = createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: DEFLATE_OUTPUT, highWaterMark: DEFLATE_QUEUE } as ZlibOptions);
  deflate.on("data", (chunk: Uint8Array<ArrayBuffer>) => entry.ondata!(null, chunk, false));
  return {
    entry,
    async push(chunk, final) {
      if (chunk.length > 0) {
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        if (!deflate.write(chunk)) await once(deflate, "drain");
      }
      if (final) {
        deflate.end();
        await finished(deflate);
        entry.ondata!(null, new Uint8Array(0), true);
      }
    },
  };
};

class FileSink implements ByteSink {
  private chunks: Uint8Array[] = [];
  private size = 0;
  constructor(
    private readonly file: FileHandle,
    private readonly signal: AbortSignal | undefined,
  ) {}

  write(chunk: Uint8Array): void | Promise<void> {
    this.signal?.throwIfAborted();
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= FILE_CHUNK) return this.flush();
  }

  async flush(): Promise<void> {
    const data = Buffer.concat(this.chunks);
    this.chunks = [];
    this.size = 0;
    await this.file.write(data);
  }
}

export interface WriteResultOptions {
  /** The input workbook (its path or bytes): its sheets are carried over unchanged, before the result sheets. */
  input?: string | Uint8Array;
  outPath: string;
  /** Stops the writing (the file is left as far as it got; the caller removes it). */
  signal?: AbortSignal;
}

/**
 * Writes the plans into outPath: the input workbook's sheets first (when an input is given), then
 * the result sheets. An earlier run's result sheets in the input are replaced; a user's sheet that
 * only shares a result sheet's name is kept, and the result sheet gets a suffixed name.
 * Returns the names of the result sheets written, one per plan (its first sheet).
 */
export async function writeResultXlsx(plans: SheetPlan[], opts: WriteResultOptions): Promise<string[]> {
  const input = typeof opts.input === "string" ? await readFile(opts.input) : opts.input;
  const file = await open(opts.outPath, "w");
  try {
    const sink = new FileSink(file, opts.signal);
    const names = await writeWorkbook(plans, input, sink, {}, zlibEncoders);
    await sink.flush();
    return names;
  } finally {
    await file.close();
  }
}

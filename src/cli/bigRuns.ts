// How big a table the command line rates, and what it says while a big run goes on. The limit is
// twice what bench/cli.bench.ts rates: 100,000 zones end to end take one to two minutes and about
// 1.2 GB, 200,000 took five minutes and 2 GB on a busy machine; a bigger table is refused while it
// is read, before a row past the limit is parsed.
import { performance } from "node:perf_hooks";
import type { Locale } from "../i18n/locale";

/** The most zones one run rates. */
export const MAX_ZONES = 200_000;

/** What --help says of the largest table, in the report language. */
export function largestTableLine(locale: Locale): string {
  return locale === "zh-CN"
    ? `一次最多评定 ${grouped(MAX_ZONES)} 个集聚区：更长的表在读取时即被拒绝（退出码 2）。`
    : `Rates at most ${grouped(MAX_ZONES)} zones in one run: a longer table is refused while it is read (exit status 2).`;
}

/** A run is big from this input size or this many zones: it then says on stderr what it is doing. */
const BIG_FILE_BYTES = 5 * 1024 * 1024;
const BIG_RUN_ZONES = 20_000;

function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

/** Progress lines of a big run, in the report language, each with the seconds its step took. */
export class Progress {
  private big = false;
  private since = performance.now();
  constructor(
    private readonly locale: Locale,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  private seconds(): string {
    const now = performance.now();
    const s = ((now - this.since) / 1000).toFixed(1);
    this.since = now;
    return s;
  }

  private say(zh: string, en: string): void {
    if (this.big) this.write(this.locale === "zh-CN" ? zh : en);
  }

  reading(file: string, bytes: number): void {
    this.big ||= bytes >= BIG_FILE_BYTES;
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    this.say(`正在读取“${file}”（${mb} MB）…`, `Reading "${file}" (${mb} MB)…`);
    this.seconds();
  }

  rating(zones: number): void {
    this.big ||= zones >= BIG_RUN_ZONES;
    const s = this.seconds();
    this.say(`已读取 ${grouped(zones)} 个集聚区（${s} 秒），正在评定…`, `Read ${grouped(zones)} zones (${s} s); rating…`);
  }

  writing(): void {
    const s = this.seconds();
    this.say(`评定完成（${s} 秒），正在写入结果…`, `Rated (${s} s); writing the results…`);
  }

  done(): void {
    const s = this.seconds();
    this.say(`结果已写入（${s} 秒）。`, `Results written (${s} s).`);
  }
}

// Helpers shared by the benchmarks: median wall time and peak memory of a piece of work.
import { performance } from "node:perf_hooks";

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

export function report(m: Measurement): void {
  process.stdout.write(JSON.stringify(m) + "\n");
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
export function medianMs(work: () => unknown, runs: number, warmup = Math.min(3, runs)): number {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** Async variant of medianMs. */
export async function medianMsAsync(work: () => Promise<unknown>, runs: number, warmup = Math.min(2, runs)): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/**
 * Peak JS heap growth (MiB) while asynchronous `work` runs, sampled every millisecond between its
 * awaits, after a forced GC baseline. Needs --expose-gc (bench/run.ts passes it). The result of
 * `work` is kept alive until sampling ends, so what it holds counts. Synchronous work gives the
 * sampler no turn: measure it in a fresh process by its resident-set high-water mark instead.
 */
export async function peakHeapMiB(work: () => unknown | Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  let peak = base;
  const timer = setInterval(() => {
    const u = process.memoryUsage();
    peak = Math.max(peak, u.heapUsed + u.arrayBuffers);
  }, 1);
  const kept = await work();
  const u = process.memoryUsage();
  peak = Math.max(peak, u.heapUsed + u.arrayBuffers);
  clearInterval(timer);
  void kept;
  return (peak - base) / (1024 * 1024);
}

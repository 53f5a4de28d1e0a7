// Preloaded into a benchmarked command (plain JavaScript, so it loads with or without tsx): on exit,
// prints the steps the command measured on the performance timeline (where the time went), its CPU
// time (user and system, every thread) and its resident-set high-water mark. On Linux the mark is
// the process's own (VmHWM): getrusage's maxRSS keeps the mark of the process it was forked from,
// so a large benchmark process would show in a small child's figure.
import { readFileSync } from "node:fs";
import process from "node:process";
import { performance } from "node:perf_hooks";

function peakKib(maxRss) {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // No /proc (not Linux): getrusage's figure.
  }
  return maxRss;
}

process.on("exit", () => {
  for (const m of performance.getEntriesByType("measure")) process.stderr.write(`\nMEASURE ${m.duration.toFixed(0)} ${m.name}`);
  const usage = process.resourceUsage();
  process.stderr.write(`\nCPU_MS ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}`);
  process.stderr.write(`\nPEAK_RSS_KIB ${peakKib(usage.maxRSS)}\n`);
});

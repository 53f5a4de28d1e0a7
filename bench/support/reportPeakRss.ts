// Preloaded into a benchmarked command: on exit, prints the process's resident-set high-water mark
// and the CPU time it used. On Linux the mark is the process's own (VmHWM): getrusage's maxRSS keeps
// the mark of the process it was forked from, so a large benchmark process would show in a small
// child's figure.
import { readFileSync } from "node:fs";

function peakKib(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // No /proc (not Linux): getrusage's figure.
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nPEAK_RSS_KIB ${peakKib()}\nCPU_MS ${Math.round((user + system) / 1000)}\n`);
});

// Preloaded into a benchmarked command (plain JavaScript, so it loads with or without tsx): on exit,
// prints the steps the command measured on the performance timeline (where the time went), its CPU
// time (user and system, every thread) and its resident-set high-water mark.
import process from "node:process";
import { performance } from "node:perf_hooks";

process.on("exit", () => {
  for (const m of performance.getEntriesByType("measure")) process.stderr.write(`\nMEASURE ${m.duration.toFixed(0)} ${m.name}`);
  const usage = process.resourceUsage();
  process.stderr.write(`\nCPU_MS ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}`);
  process.stderr.write(`\nPEAK_RSS_KIB ${usage.maxRSS}\n`);
});

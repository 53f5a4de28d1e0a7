// Preloaded into a benchmarked command (plain JavaScript, so it loads with or without tsx): on exit,
// prints the process's resident-set high-water mark and the steps the command measured on the
// performance timeline (where the time went).
import process from "node:process";
import { performance } from "node:perf_hooks";

process.on("exit", () => {
  for (const m of performance.getEntriesByType("measure")) process.stderr.write(`\nMEASURE ${m.duration.toFixed(0)} ${m.name}`);
  process.stderr.write(`\nPEAK_RSS_KIB ${process.resourceUsage().maxRSS}\n`);
});

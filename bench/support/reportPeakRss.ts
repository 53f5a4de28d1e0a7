// Preloaded into a benchmarked command: on exit, prints the process's resident-set high-water mark.
process.on("exit", () => {
  process.stderr.write(`\nPEAK_RSS_KIB ${process.resourceUsage().maxRSS}\n`);
});

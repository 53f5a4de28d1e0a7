// Runs every bench/*.bench.ts in its own Node process (so peak memory is that benchmark's alone)
// and prints what each reports. A benchmark prints lines of JSON: {"name", "value", "unit", "target"?}.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** Upper bound the value should stay under. */
  target?: number;
}

const only = process.argv.slice(2);
const dir = __dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let missed = 0;
for (const file of files) {
  const child = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", join(dir, file)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(`\n## ${file}\n`);
  if (child.status !== 0) {
    process.stdout.write(child.stdout + child.stderr);
    missed++;
    continue;
  }
  for (const line of child.stdout.split("\n")) {
    if (!line.startsWith("{")) {
      if (line.trim()) process.stdout.write(`  ${line}\n`);
      continue;
    }
    const m = JSON.parse(line) as Measurement;
    const verdict = m.target === undefined ? "" : m.value <= m.target ? `  ok (target < ${m.target} ${m.unit})` : `  MISSED (target < ${m.target} ${m.unit})`;
    if (m.target !== undefined && m.value > m.target) missed++;
    process.stdout.write(`  ${m.name.padEnd(56)} ${m.value.toFixed(m.value < 10 ? 3 : 1).padStart(12)} ${m.unit}${verdict}\n`);
  }
}
process.stdout.write(missed === 0 ? "\nAll benchmarks within target.\n" : `\n${missed} benchmark(s) missed their target.\n`);
process.exitCode = missed === 0 ? 0 : 1;

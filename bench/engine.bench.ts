// Rating engine: time for a province (180 zones) and for 100,000 zones, and peak heap at 10k and
// 100k zones to show memory grows linearly.
import { rate, getPreset } from "../src/engine";
import type { RawIndicatorKey, Rules, ZoneInput, ZoneTable } from "../src/engine";
import { RAW_INDICATOR_KEYS } from "../src/engine";
import { spawnSync } from "node:child_process";
import { medianMs, report } from "./measure";
import { seededRandom } from "../scripts/make-sample";

const RANGES: Record<RawIndicatorKey, number> = {
  va: 600,
  tax: 80,
  emp: 25,
  rev: 1500,
  vaPrev: 550,
  fai: 400,
  outCap: 120,
  leadShare: 100,
  landMu: 30000,
  rd: 25,
  smart: 100,
  energy: 2.5,
  energyPrev: 2.8,
};

const CITIES = ["郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "济源"];

function makeTable(n: number, seed: number): ZoneTable {
  const random = seededRandom(seed);
  const zones: ZoneInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const values: ZoneInput["values"] = {};
    // One value in 50 is blank, so the missing policy and its warnings are exercised too.
    for (const key of RAW_INDICATOR_KEYS) if (random() > 0.02) values[key] = Math.round(random() * RANGES[key] * 100) / 100;
    const zone: ZoneInput = { zone: `集聚区${i}`, city: CITIES[i % CITIES.length], values, prevRank: 1 + Math.floor(random() * n), prevStars: Math.floor(random() * 7), maxStars: 6 };
    if (random() < 0.1) zone.bonus = Math.floor(random() * 8);
    if (random() < 0.05) zone.penalty = Math.floor(random() * 4);
    if (random() < 0.01) zone.veto = "环保否决";
    zones[i] = zone;
  }
  return {
    year: 2013,
    zones,
    columns: { indicators: [...RAW_INDICATOR_KEYS], prevRank: true, prevStars: true, maxStars: true, bonus: true, penalty: true, veto: true, group: false },
  };
}

/**
 * Peak memory of rating n zones: run in a fresh process, so the resident-set high-water mark before
 * rate() is the table's alone and its rise during rate() is the engine's peak.
 */
function peakRssMiB(n: number): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", __filename, "--peak", String(n)], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(child.stderr);
  return Number(child.stdout.trim());
}

function measurePeakHere(n: number, rules: Rules): void {
  const t = makeTable(n, n);
  const before = process.resourceUsage().maxRSS;
  const result = rate(t, rules);
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(`${(after - before) / 1024}\n`);
  if (result.zones.length !== n) process.exitCode = 1;
}

function main(): void {
  const rules: Rules | undefined = getPreset("henan-2013");
  if (!rules) throw new Error("henan-2013 preset missing");
  const peakAt = process.argv.indexOf("--peak");
  if (peakAt > 0) return measurePeakHere(Number(process.argv[peakAt + 1]), rules);

  const province = makeTable(180, 2013);
  report({ name: "rate 180 zones (median of 300)", value: medianMs(() => rate(province, rules), 300, 30), unit: "ms", target: 2 });

  const large = makeTable(100_000, 100_000);
  report({ name: "rate 100,000 zones (median of 5)", value: medianMs(() => rate(large, rules), 5, 1), unit: "ms", target: 1500 });

  for (const n of [10_000, 100_000]) {
    const mib = peakRssMiB(n);
    report({ name: `peak memory (RSS rise), rate ${n.toLocaleString("en-US")} zones`, value: mib, unit: "MiB" });
    report({ name: `peak memory per 1,000 zones at ${n.toLocaleString("en-US")}`, value: (mib / n) * 1000, unit: "MiB" });
  }
}

main();

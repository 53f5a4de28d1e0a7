// Rating engine: time for a province (180 zones) and for 100,000 zones, and peak heap at 10k and
// 100k zones to show memory grows linearly.
import { rate, getPreset } from "../src/engine";
import type { RawIndicatorKey, Rules, ZoneInput, ZoneTable } from "../src/engine";
import { RAW_INDICATOR_KEYS } from "../src/engine";
import { medianMs, peakHeapMiB, report } from "./measure";
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

async function main(): Promise<void> {
  const rules: Rules | undefined = getPreset("henan-2013");
  if (!rules) throw new Error("henan-2013 preset missing");

  const province = makeTable(180, 2013);
  report({ name: "rate 180 zones (median of 300)", value: medianMs(() => rate(province, rules), 300, 30), unit: "ms", target: 2 });

  const large = makeTable(100_000, 100_000);
  report({ name: "rate 100,000 zones (median of 5)", value: medianMs(() => rate(large, rules), 5, 1), unit: "ms", target: 1500 });

  for (const n of [10_000, 100_000]) {
    const t = n === large.zones.length ? large : makeTable(n, n);
    const mib = await peakHeapMiB(() => rate(t, rules));
    report({ name: `peak heap, rate ${n.toLocaleString("en-US")} zones`, value: mib, unit: "MiB" });
    report({ name: `peak heap per 1,000 zones at ${n.toLocaleString("en-US")}`, value: (mib / n) * 1000, unit: "MiB" });
  }
}

void main();

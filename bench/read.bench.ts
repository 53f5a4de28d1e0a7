// Reading a 100,000-row workbook: .xlsx → grids → ZoneTable, and the grid → ZoneTable step alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxGrids } from "../src/xlsx/read";
import { readIndicatorTable } from "../src/workbook/read/table";
import { writeLargeTable } from "../test/corpus/large";
import { medianMs, medianMsAsync, peakHeapMiB, report } from "./measure";

const ROWS = 100_000;

async function readAll(file: string): Promise<number> {
  const grids = await readXlsxGrids(file);
  const { table, issues } = readIndicatorTable(grids[0]);
  if (!table || table.zones.length !== ROWS || issues.length > 0) throw new Error(`expected ${ROWS} zones without issues`);
  return table.zones.length;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "read-bench-"));
  try {
    const file = join(dir, "zones-100k.xlsx");
    await writeLargeTable(file, ROWS);
    report({ name: "read 100k-row xlsx → ZoneTable (median)", value: await medianMsAsync(() => readAll(file), 3, 1), unit: "ms", target: 15_000 });
    report({ name: "read 100k-row xlsx → ZoneTable (peak heap)", value: await peakHeapMiB(() => readAll(file)), unit: "MiB", target: 1_500 });
    const [grid] = await readXlsxGrids(file);
    report({ name: "grid → ZoneTable, 100k rows (median)", value: medianMs(() => readIndicatorTable(grid), 5, 2), unit: "ms", target: 1_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

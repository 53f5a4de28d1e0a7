// `npm run sample`: the sample workbook, then 2012's rated workbook made from it (for 导入上年结果 and --prev).
import { join } from "node:path";
import { writePrevSample } from "./make-prev-sample";
import { writeSample } from "./make-sample";

async function main(): Promise<void> {
  const dir = join(__dirname, "../samples");
  process.stdout.write(`Wrote ${await writeSample(dir)} and henan-zones-sample.json\n`);
  process.stdout.write(`Wrote ${await writePrevSample(dir)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

// Writes every corpus workbook into a directory, one .xlsx per case.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { CASES, type CorpusCase } from "./cases";

export function caseFile(dir: string, index: number): string {
  return join(dir, `case-${String(index).padStart(2, "0")}.xlsx`);
}

export async function writeCorpus(dir: string, cases: readonly CorpusCase[] = CASES): Promise<string[]> {
  const files: string[] = [];
  for (const [i, c] of cases.entries()) {
    const file = caseFile(dir, i);
    if (c.writeFile) await c.writeFile(file);
    else {
      const wb = new ExcelJS.Workbook();
      c.build(wb);
      await wb.xlsx.writeFile(file);
    }
    files.push(file);
  }
  return files;
}

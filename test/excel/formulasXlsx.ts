// LibreOffice as a real spreadsheet for the formula checks: it recalculates a file the .xlsx writer
// wrote (formulas there have no cached result, so it computes them) and prints it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { a1 } from "../../src/workbook/grid";
import { displayValue } from "../../src/workbook/read/cells";
import { readXlsxWorkbook } from "../../src/xlsx/read";

/** Converts files in `dir` with LibreOffice (to "xlsx" to recalculate, "pdf" to print) into dir/out. */
export function convertWithLibreOffice(dir: string, files: string[], to: "xlsx" | "pdf"): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", to, "--outdir", join(dir, "out"), ...files], { stdio: "ignore", timeout: 170_000 });
}

/** Every cell's saved value (a formula's computed result) of the n-th sheet (1-based), by A1 address. */
export async function savedValues(file: string, sheet: number): Promise<Map<string, string | number | boolean>> {
  const grid = (await readXlsxWorkbook(file, { includeResults: true })).grids[sheet - 1];
  const out = new Map<string, string | number | boolean>();
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      out.set(a1(grid.originRow + r, grid.originCol + c), typeof v === "object" ? displayValue(v) : v);
    }),
  );
  return out;
}

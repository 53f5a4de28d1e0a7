// A plain (non-streaming) ExcelJS writer of single plans for the LibreOffice checks: what the plan
// asks of a file writer — values, formats, live formulas, merges, hidden columns, drop-down lists,
// page breaks, print setup — and nothing else. Formulas go without a cached result so that
// LibreOffice computes them (it shows a cached one as it is).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveNumberFormats } from "../../src/workbook/plan/formats";
import { cellRef } from "../../src/workbook/plan/formulas";
import type { SheetPlan } from "../../src/workbook/plan/types";

export async function writePlansForCheck(plans: SheetPlan[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const plan of plans) {
    const ws = wb.addWorksheet(plan.name, {
      pageSetup: { paperSize: 9, orientation: plan.print.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${plan.print.titleRows[0] + 1}:${plan.print.titleRows[1] + 1}` },
    });
    const hidden = new Set(plan.hiddenColumns ?? []);
    plan.columnWidths.forEach((w, c) => {
      const column = ws.getColumn(c + 1);
      column.width = w;
      if (hidden.has(c)) column.hidden = true;
    });
    const formats = resolveNumberFormats(plan, 0, plan.values.length - 1);
    plan.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        cell.numFmt = formats[r][c];
      }),
    );
    for (const f of plan.formulas ?? []) {
      const cell = ws.getCell(f.row + 1, f.col + 1);
      cell.value = { formula: f.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      if (f.format !== undefined) cell.numFmt = f.format;
    }
    for (const m of plan.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const lv of plan.listValidation ?? []) {
      ws.getCell(lv.range.r0 + 1, lv.range.c0 + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        showErrorMessage: true,
        error: lv.message,
        formulae: [`${cellRef(lv.source.r0, lv.source.c0, true)}:${cellRef(lv.source.r1, lv.source.c1, true)}`],
      };
    }
    // ExcelJS puts a break after the row it is given: the row above the one that starts a page.
    for (const r of plan.pageBreaks ?? []) ws.getRow(r).addPageBreak();
  }
  await wb.xlsx.writeFile(file);
}

/** Converts files in `dir` with LibreOffice (to "xlsx" to recalculate, "pdf" to print) into dir/out. */
export function convertWithLibreOffice(dir: string, files: string[], to: "xlsx" | "pdf"): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", to, "--outdir", join(dir, "out"), ...files], { stdio: "ignore", timeout: 170_000 });
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/**
 * Every cell's saved value (a formula's computed result) of the n-th sheet (1-based), by A1
 * address, read from the file's XML: ExcelJS reads a formula result of 0 as no result at all.
 */
export async function savedValues(file: string, sheet: number): Promise<Map<string, string | number | boolean>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const shared = [...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const xml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async("string");
  const out = new Map<string, string | number | boolean>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[3] ?? "");
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(m[3] ?? "");
    const type = /t="(\w+)"/.exec(m[2])?.[1] ?? "n";
    if (inline) out.set(m[1], unescapeXml(inline[1]));
    else if (!v) continue;
    else if (type === "s") out.set(m[1], shared[Number(v[1])]);
    else if (type === "str" || type === "e") out.set(m[1], unescapeXml(v[1]));
    else if (type === "b") out.set(m[1], v[1] === "1");
    else out.set(m[1], Number(v[1]));
  }
  return out;
}

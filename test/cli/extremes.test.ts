// The CLI end to end on inputs that once slipped through: rules that are JSON null, a penalty so
// large the composite sits near -1e308, and a stray cell far below the table.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zones } from "../corpus/cases";
import { HEADER } from "../corpus/header";
import { runCliAsync } from "./run";

const dir = mkdtempSync(join(tmpdir(), "rate-cli-extremes-"));

async function workbook(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  [[...HEADER, "扣分"], ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  edit(ws);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

test("rules given as JSON null stop the run with exit 2 and say so, instead of rating with the default preset", async () => {
  const input = await workbook("null-rules.xlsx", () => undefined);
  writeFileSync(join(dir, "null.json"), "null\n");
  const run = await runCliAsync([input, "--rules", join(dir, "null.json"), "--json", join(dir, "null-out.json"), "--out", join(dir, "null-out.xlsx")]);
  expect(run.status).toBe(2);
  const json = JSON.parse(readFileSync(join(dir, "null-out.json"), "utf8"));
  expect(json.issues.map((i: { code: string }) => i.code)).toContain("RULES_NOT_AN_OBJECT");
});

test("a penalty of 1e308 gives a finite composite in the JSON, ranked last", async () => {
  const input = await workbook("penalty.xlsx", (ws) => (ws.getCell("K2").value = 1e308));
  const out = join(dir, "penalty.json");
  const run = await runCliAsync([input, "--json", out, "--out", join(dir, "penalty-rated.xlsx")]);
  expect(run.status).toBe(0);
  const json = JSON.parse(readFileSync(out, "utf8"));
  const zone = json.zones.find((z: { zone: string }) => z.zone === "甲区产业集聚区");
  expect(Number.isFinite(zone.composite)).toBe(true);
  expect(zone.composite).toBeLessThan(-1e307);
  expect(zone.rank).toBe(json.zones.length);
});

test("a stray cell far below the table is left out and named in the report", async () => {
  const input = await workbook("stray.xlsx", (ws) => (ws.getCell("A1048576").value = "x"));
  const out = join(dir, "stray.json");
  const run = await runCliAsync([input, "--json", out, "--out", join(dir, "stray-rated.xlsx")]);
  expect(run.status).toBe(0);
  const json = JSON.parse(readFileSync(out, "utf8"));
  expect(json.zones).toHaveLength(5);
  expect(json.issues).toContainEqual(expect.objectContaining({ code: "STRAY_CELLS_IGNORED", cell: "A1048576" }));
});

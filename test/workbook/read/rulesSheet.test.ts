import { PRESETS, PRESET_IDS, getPreset } from "../../../src/engine";
import type { CellValue, Grid } from "../../../src/workbook/grid";
import { readRulesSheet, rulesSheetRows } from "../../../src/workbook/read/rulesSheet";
import type { Locale } from "../../../src/i18n/locale";

function sheet(rows: CellValue[][]): Grid {
  return { sheet: "评定规则", originRow: 0, originCol: 0, values: rows };
}

/** Row index (0-based) of the first row whose first cell is `label`. */
function rowOf(rows: CellValue[][], label: string): number {
  const i = rows.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

function henan(locale: Locale): CellValue[][] {
  const rules = getPreset("henan-2013");
  if (!rules) throw new Error("preset henan-2013 missing");
  return rulesSheetRows(rules, locale);
}

describe("rules sheet", () => {
  it.each(PRESET_IDS.flatMap((id) => [[id, "zh-CN"], [id, "en-US"]] as const))("reads the rows of preset %s (%s) back unchanged", (id, locale) => {
    const rows = rulesSheetRows(PRESETS[id], locale);
    const { rules, issues } = readRulesSheet(sheet(rows), locale);
    expect(issues).toEqual([]);
    expect(rules).toEqual(PRESETS[id]);
  });

  it("lays the sheet out for people: title, provenance words, rectangular rows", () => {
    const rows = henan("zh-CN");
    expect(String(rows[0][0])).toContain("评定规则");
    expect(String(rows[1][0])).toContain("推定");
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const scale = rows.find((r) => r[0] === "scale");
    // SPEC §4.2: scale 规模总量 weight 40, first indicator va 12 p90cap, weights inferred.
    expect(scale?.slice(0, 11)).toEqual(["scale", "规模总量", expect.any(String), 40, "推定", "va", "增加值", 12, "p90cap", null, "推定"]);
    const gate = rows[rowOf(rows, "门槛")];
    expect(gate.slice(0, 4)).toEqual(["门槛", 10, 1.5, 0.4]);
  });

  it("reads a sheet written in Chinese when the report language is English", () => {
    const { rules } = readRulesSheet(sheet(henan("zh-CN")), "en-US");
    expect(rules).toEqual(getPreset("henan-2013"));
  });

  it("takes edits: a new weight, a changed threshold, a provenance marked official", () => {
    const rows = henan("zh-CN").map((r) => [...r]);
    const scale = rowOf(rows, "scale");
    rows[scale][3] = "45";
    rows[scale][4] = "省文件";
    rows[rowOf(rows, "3星")][2] = 16;
    const { rules, issues } = readRulesSheet(sheet(rows), "zh-CN");
    expect(issues).toEqual([]);
    expect(rules?.dimensions[0]).toMatchObject({ key: "scale", weight: 45, provenance: "official" });
    expect(rules?.stars.levels[2]).toMatchObject({ level: 3, tax: 16 });
  });

  it("addresses malformed cells and the validator's findings to their cells", () => {
    const rows = henan("zh-CN").map((r) => [...r]);
    const scale = rowOf(rows, "scale");
    const bad = rows.map((r) => [...r]);
    bad[scale][7] = "十二";
    bad[scale][10] = "猜的";
    const first = readRulesSheet(sheet(bad), "zh-CN");
    expect(first.rules).toBeUndefined();
    expect(first.issues.map((i) => [i.code, i.cell])).toEqual([
      ["RULES_SHEET_NOT_A_NUMBER", `H${scale + 1}`],
      ["RULES_SHEET_BAD_CHOICE", `K${scale + 1}`],
    ]);

    const invalid = rows.map((r) => [...r]);
    invalid[scale][3] = -40;
    const level2 = rowOf(invalid, "2星");
    invalid[level2][1] = 20; // below 1★'s 25
    const second = readRulesSheet(sheet(invalid), "zh-CN");
    expect(second.rules).toBeUndefined();
    const cells = second.issues.map((i) => [i.code, i.cell]);
    expect(cells).toContainEqual(["RULES_NEGATIVE_WEIGHT", `D${scale + 1}`]);
    expect(cells).toContainEqual(["RULES_THRESHOLD_DECREASING", `B${level2 + 1}`]);
    expect(second.issues.every((i) => i.sheet === "评定规则" && i.severity === "error")).toBe(true);
  });

  it("rejects a dimension or award keyed by an Object.prototype name at its cell", () => {
    const rows = henan("zh-CN").map((r) => [...r]);
    const green = rowOf(rows, "green");
    const fast = rowOf(rows, "fast");
    rows[green][0] = "__proto__";
    rows[fast][0] = "constructor";
    const advanced = rowOf(rows, "advanced");
    rows[advanced][5] = "维度得分:cluster+__proto__";
    const { rules, issues } = readRulesSheet(sheet(rows), "zh-CN");
    expect(rules).toBeUndefined();
    expect(issues.map((i) => [i.code, i.cell, i.params?.value])).toEqual([
      ["RULES_RESERVED_KEY", `A${green + 1}`, "__proto__"],
      ["RULES_RESERVED_KEY", `A${fast + 1}`, "constructor"],
    ]);
  });

  it("says which section is missing", () => {
    const rows = henan("zh-CN").filter((r) => r[0] !== "星级标准");
    const { rules, issues } = readRulesSheet(sheet(rows), "zh-CN");
    expect(rules).toBeUndefined();
    expect(issues).toEqual([{ severity: "error", code: "RULES_SHEET_MISSING_SECTION", sheet: "评定规则", cell: "A1", params: { section: "星级标准", path: "stars" } }]);
  });
});

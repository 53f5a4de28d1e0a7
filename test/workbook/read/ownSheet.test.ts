// The one check the .xlsx reader and writer ask before they take a marked sheet for the add-in's own: its title.
import type { CellValue, Grid } from "../../../src/workbook/grid";
import { PRESETS } from "../../../src/engine";
import { buildRulesSheetPlan, buildTemplateSheetPlan } from "../../../src/workbook/plan/rules";
import { planLabels, sheetTitle } from "../../../src/workbook/plan/labels";
import type { SheetKind } from "../../../src/workbook/plan/types";
import { isOwnSheet, OWN_SHEET_ROWS } from "../../../src/workbook/read/ownSheet";

function head(a1: CellValue, extra: Partial<Grid> = {}): Grid {
  return { sheet: "x", originRow: 0, originCol: 0, values: [[a1, null]], ...extra };
}

const RESULT_KINDS: SheetKind[] = ["stars", "ranking", "byCity", "awards", "promotions", "robustness", "details", "profile", "validation", "history", "trend", "carry", "targets", "nameMap"];

describe("isOwnSheet", () => {
  it.each(RESULT_KINDS)("knows a %s sheet by its title, in either language, with or without the year", (kind) => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const l = planLabels(locale);
      expect(isOwnSheet(head(sheetTitle(l, kind, 2013)), kind)).toBe(true);
      expect(isOwnSheet(head(sheetTitle(l, kind, undefined)), kind)).toBe(true);
    }
  });

  it("takes the suffixes the product writes after a title: years covered, the year carried from", () => {
    expect(isOwnSheet(head("产业集聚区历年评定结果（2011—2013年）"), "history")).toBe(true);
    expect(isOwnSheet(head("Industrial cluster zones: trend over the years (2011–2013)"), "trend")).toBe(true);
    expect(isOwnSheet(head("2013年度产业集聚区上年结果结转（2012年结果结转）"), "carry")).toBe(true);
  });

  it("knows the rules sheet and the template as the product writes them", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const rules = buildRulesSheetPlan(PRESETS["henan-2013"], locale);
      expect(isOwnSheet(head(rules.values[0][0]), "rules")).toBe(true);
      const template = buildTemplateSheetPlan(locale);
      expect(isOwnSheet(head(template.values[0][0]), "template")).toBe(true);
    }
  });

  it("refuses a sheet whose title is another kind's, a user's own heading, or a table's header", () => {
    expect(isOwnSheet(head("2013年度产业集聚区综合考评排名"), "stars")).toBe(false);
    expect(isOwnSheet(head("2013年度河南省产业集聚区考核指标"), "ranking")).toBe(false);
    expect(isOwnSheet(head("集聚区名称"), "ranking")).toBe(false);
    expect(isOwnSheet(head("我的2013年度产业集聚区综合考评排名"), "ranking")).toBe(false);
    expect(isOwnSheet(head("2013年度产业集聚区综合考评排名（草稿）我改的"), "ranking")).toBe(false);
    expect(isOwnSheet(head(null), "ranking")).toBe(false);
    expect(isOwnSheet(head(42), "ranking")).toBe(false);
  });

  it("reads the title at A1 only: a grid that starts below or right of it is not the product's", () => {
    expect(OWN_SHEET_ROWS).toBe(1);
    expect(isOwnSheet(head("2013年度产业集聚区综合考评排名", { originRow: 1 }), "ranking")).toBe(false);
    expect(isOwnSheet(head("2013年度产业集聚区综合考评排名", { originCol: 2 }), "ranking")).toBe(false);
    expect(isOwnSheet({ sheet: "x", originRow: 0, originCol: 0, values: [] }, "ranking")).toBe(false);
  });
});

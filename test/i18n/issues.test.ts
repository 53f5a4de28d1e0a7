// Issues in one language per run: each kind named in the report's language, each message about a
// zone naming the zone, and the same words wherever a message is shown.
import { ENGINE_ISSUE_CODES } from "../../src/engine/issueCodes";
import type { Issue } from "../../src/engine/types";
import { formatIssue, issueKindName, knownIssueCodes, localizeIssues, namedIssueKinds } from "../../src/i18n/issues";
import { localizeYearCycleIssues } from "../../src/i18n/yearCycle";
import { buildResultPlans } from "../../src/workbook/plan/results";
import { smallResult } from "../workbook/plan/fixtures";

const YEAR_CYCLE_CODES = ["PREV_NO_RESULTS", "PREV_NO_YEAR", "PREV_YEAR_NOT_BEFORE", "HISTORY_ROW_SKIPPED", "HISTORY_NO_YEAR", "ZONE_NOT_IN_PREVIOUS", "ZONE_DROPPED", "NAME_MAP_UNKNOWN", "PREV_VALUE_CONFLICT", "EXIT_WARNING"];
const CJK = /[\u4e00-\u9fff]/;

describe("kinds of problem (校验报告's 问题类型)", () => {
  it("names every code the product words, in Chinese for a Chinese report and in English for an English one", () => {
    const codes = [...new Set([...knownIssueCodes(), ...ENGINE_ISSUE_CODES, ...YEAR_CYCLE_CODES])];
    expect(codes.filter((c) => !namedIssueKinds().includes(c))).toEqual([]);
    for (const code of codes) {
      expect(issueKindName(code, "zh-CN")).toMatch(CJK);
      expect(issueKindName(code, "zh-CN")).not.toMatch(/[A-Z]{2,}_/);
      expect(issueKindName(code, "en-US")).not.toMatch(CJK);
      expect(issueKindName(code, "en-US")).not.toContain("_");
    }
    expect(issueKindName("ZONE_NOT_IN_PREVIOUS", "zh-CN")).toBe("上年无此集聚区");
    expect(issueKindName("EXIT_WARNING", "zh-CN")).toBe("退出预警");
    expect(issueKindName("TOTALS_ROW_SKIPPED", "zh-CN")).toBe("跳过合计行");
  });

  it("falls back to a rules error or an other problem, never the code", () => {
    expect(issueKindName("RULES_SOMETHING_NEW", "zh-CN")).toBe("评定规则有误");
    expect(issueKindName("SOMETHING_NEW", "en-US")).toBe("Other problem");
  });
});

describe("messages about a zone", () => {
  const notInPrevious: Issue = { severity: "warning", code: "ZONE_NOT_IN_PREVIOUS", sheet: "指标数据", cell: "B138", zone: "南阳鸭河工区产业集聚区", params: { prevYear: 2012, suggestions: "" } };

  it("name the zone beside the cell", () => {
    const [zh] = localizeYearCycleIssues([notInPrevious], "zh-CN");
    expect(zh.message).toBe("B138（南阳鸭河工区产业集聚区）：2012年结果中没有这个集聚区，按新评处理。如是改名或合并，请在“名称对照”表中填写上年名称后重新评定。");
    const [en] = localizeYearCycleIssues([notInPrevious], "en-US");
    expect(en.message).toMatch(/^B138 \(南阳鸭河工区产业集聚区\): This zone is not in the results of 2012/);
  });

  it("lead with the zone where there is no cell, and never name it twice", () => {
    const dropped: Issue = { severity: "warning", code: "ZONE_DROPPED", zone: "洛阳空港产业集聚区", params: { prevYear: 2012, stars: 0, rank: 163, suggestions: "" } };
    expect(localizeYearCycleIssues([dropped], "zh-CN")[0].message).toMatch(/^洛阳空港产业集聚区：2012年评定过/);
    const duplicate: Issue = { severity: "error", code: "DUPLICATE_ZONE", sheet: "指标数据", cell: "B9", zone: "郑州航空港区", params: { zone: "郑州航空港区", first: "B3" } };
    expect(formatIssue(duplicate, "zh-CN")).toBe("B9：集聚区“郑州航空港区”重复出现（首次在 B3）。请删除重复行或改正名称。");
    const cellOnly: Issue = { severity: "error", code: "NOT_A_NUMBER", sheet: "指标数据", cell: "E7", zone: "郑州航空港区", params: { value: "abc" } };
    expect(formatIssue(cellOnly, "zh-CN")).toMatch(/^E7（郑州航空港区）：“abc”不是数字/);
    // A zone named like a word of the message is still named: only a quoted name counts as named.
    const shortName: Issue = { ...cellOnly, zone: "A", params: { value: "Abc" } };
    expect(formatIssue(shortName, "en-US")).toMatch(/^E7 \(A\): "Abc" is not a number/);
  });

  it("read the same in 校验报告 as in the pane, the CLI and the JSON (all show the localised message)", () => {
    const engine: Issue = { severity: "warning", code: "MISSING_VALUE", sheet: "指标数据", cell: "F4", zone: "兰考县产业集聚区", params: { indicator: "tax", policy: "zero", input: "tax" } };
    const [localised] = localizeIssues([engine], "zh-CN");
    const validation = buildResultPlans({ ...smallResult(), issues: [] }, [localised], "zh-CN").find((p) => p.kind === "validation")!;
    const row = validation.values.find((r) => r[3] === "F4")!;
    expect(row[6]).toBe(localised.message);
    // A sheet given an issue still without its message words it exactly as the catalogue does.
    const unlocalised = buildResultPlans({ ...smallResult(), issues: [] }, [engine], "zh-CN").find((p) => p.kind === "validation")!;
    expect(unlocalised.values.find((r) => r[3] === "F4")![6]).toBe(localised.message);
    expect(localised.message).toContain("兰考县产业集聚区");
  });
});

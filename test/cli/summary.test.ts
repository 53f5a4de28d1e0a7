import { allIssuesAt, issueLines, LISTED_WARNINGS, renamedSheetsLine, summaryLines } from "../../src/cli/summary";
import type { Issue } from "../../src/engine/types";
import { localizeIssues } from "../../src/i18n/issues";
import { smallResult } from "../workbook/plan/fixtures";

describe("renamedSheetsLine", () => {
  const planned = ["星级评定", "综合排名", "校验报告"];

  it("says nothing when every result sheet got its name", () => {
    expect(renamedSheetsLine(planned, planned, "zh-CN")).toBeUndefined();
  });

  it("names each result sheet that went under a suffixed name because a user's sheet held its name", () => {
    const written = ["星级评定 (2)", "综合排名", "校验报告 (3)"];
    expect(renamedSheetsLine(planned, written, "zh-CN")).toBe("星级评定 已存在（用户工作表），结果写入 星级评定 (2)；校验报告 已存在（用户工作表），结果写入 校验报告 (3)");
    expect(renamedSheetsLine(["Stars"], ["Stars (2)"], "en-US")).toBe("Stars already exists (a user's sheet); the result went to Stars (2)");
  });
});

describe("the warnings the summary prints", () => {
  const warnings: Issue[] = localizeIssues(
    Array.from({ length: 13 }, (_, i) => ({ severity: "warning" as const, code: "BLANK_ROW_SKIPPED", sheet: "指标数据", cell: `A${i + 5}`, params: { row: i + 5 } })),
    "zh-CN",
  );

  it("lists the first ones in full, as 校验报告 words them, and says where the rest are", () => {
    const lines = issueLines(warnings, "zh-CN", allIssuesAt("校验报告", "out.json", "zh-CN"));
    expect(lines[0]).toBe("警告: 13 条");
    expect(lines.slice(1, 1 + LISTED_WARNINGS)).toEqual(warnings.slice(0, LISTED_WARNINGS).map((w) => `  [指标数据] ${w.message}`));
    expect(lines[1]).toBe("  [指标数据] A5：第 5 行为空行，已跳过。如该行应有数据，请补填。");
    expect(lines[1 + LISTED_WARNINGS]).toBe("  另有 3 条警告未列出，全部见结果工作簿的“校验报告”表，以及 JSON 文件“out.json”的 issues。");
    const en = issueLines(localizeIssues(warnings, "en-US"), "en-US", allIssuesAt("Validation", undefined, "en-US"));
    expect(en[0]).toBe("Warnings: 13");
    expect(en[en.length - 1]).toBe('  3 more warnings not listed; all are in the rated workbook\'s "Validation" sheet.');
  });

  it("lists every error after the warnings; a few warnings are all listed", () => {
    const error: Issue = { severity: "error", code: "NOT_A_NUMBER", sheet: "指标数据", cell: "E7", message: "E7：“abc”不是数字。" };
    expect(issueLines([warnings[0], error], "zh-CN")).toEqual(["警告: 1 条", `  [指标数据] ${warnings[0].message}`, "错误: 1 条", "  [指标数据] E7：“abc”不是数字。"]);
  });

  it("names the awards in the report's language, never by their keys", () => {
    const zh = summaryLines(smallResult(), "指标数据", "preset", [], "zh-CN");
    expect(zh.find((l) => l.startsWith("十强"))).toBe("十强 (2 × 5,000,000 元): 郑州航空港区、=SUM(A1)");
    expect(zh.join("\n")).not.toMatch(/\[(strong|fast|advanced)\]/);
    expect(summaryLines(smallResult(), "Data", "preset", [], "en-US").find((l) => l.startsWith("Top ten"))).toBe("Top ten (2 × 5,000,000 yuan): 郑州航空港区, =SUM(A1)");
  });
});

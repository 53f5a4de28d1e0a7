import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ProblemList, sortedIssues } from "../../src/taskpane/components/ProblemList";
import { RulesFacts } from "../../src/taskpane/components/RulesDetails";
import { Summary } from "../../src/taskpane/components/Summary";
import { getPreset } from "../../src/engine/presets";
import { translator } from "../../src/taskpane/strings";
import { ERROR_AT_E7, smallResult } from "./doubles";

function html(element: ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

function text(markup: string): string {
  return markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

function testIdText(markup: string, id: string): string {
  const m = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(markup);
  if (!m) throw new Error(`no element ${id}`);
  return m[1];
}

describe("Summary", () => {
  const result = smallResult();

  it("shows each star level's count", () => {
    const markup = html(<Summary result={result} sheetsWritten={[]} notices={[]} locale="zh-CN" t={translator("zh-CN")} />);
    expect(testIdText(markup, "star-count-2")).toBe("1");
    expect(testIdText(markup, "star-count-1")).toBe("1");
    expect(testIdText(markup, "star-count-0")).toBe("1");
    expect(testIdText(markup, "star-count-6")).toBe("0");
  });

  it("lists award winners with the prize and the total, grouped in thousands", () => {
    const markup = html(<Summary result={result} sheetsWritten={["星级评定"]} notices={[]} locale="zh-CN" t={translator("zh-CN")} />);
    const page = text(markup);
    expect(page).toContain("十强 1 个，每个 5,000,000 元 甲集聚区");
    expect(page).toContain("末位并列，需人工确认");
    expect(testIdText(markup, "prize-total")).toBe("奖金合计：10,000,000 元");
    expect(testIdText(markup, "sheets-written")).toBe("星级评定");
  });

  it("lists promotions and first stars, not zones that kept their level", () => {
    const page = text(html(<Summary result={result} sheetsWritten={[]} notices={[]} locale="zh-CN" t={translator("zh-CN")} />));
    expect(page).toContain("甲集聚区：1星 → 2星 晋级");
    expect(page).toContain("乙集聚区：无星 → 1星 首次晋星");
    expect(page).not.toContain("丙集聚区：");
  });

  it("speaks English with English award names", () => {
    const page = text(html(<Summary result={result} sheetsWritten={[]} notices={[]} locale="en-US" t={translator("en-US")} />));
    expect(page).toContain("Top 10 strongest 1 zones, 5,000,000 yuan each");
    expect(page).toContain("Prize total: 10,000,000 yuan");
    expect(page).toContain("甲集聚区: 1 star → 2 star Promoted");
  });
});

describe("ProblemList", () => {
  const warning = { severity: "warning" as const, code: "TOTALS_ROW_SKIPPED", sheet: "指标数据", message: "合计行已跳过" };

  it("puts errors before warnings", () => {
    expect(sortedIssues([warning, ERROR_AT_E7]).map((i) => i.code)).toEqual(["NOT_A_NUMBER", "TOTALS_ROW_SKIPPED"]);
  });

  it("makes a button link for an issue with a cell and plain text for one without", () => {
    const markup = html(<ProblemList issues={[warning, ERROR_AT_E7]} t={translator("zh-CN")} onGoTo={() => undefined} />);
    const links = [...markup.matchAll(/<button[^>]*data-testid="problem-link"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(links).toEqual(["定位到 指标数据!E7"]);
    expect(testIdText(markup, "problem-count")).toBe("1 个错误，1 条警告");
    expect(text(markup)).toContain("E7 不是数字");
  });

  it("says so when there is nothing to report", () => {
    expect(text(html(<ProblemList issues={[]} t={translator("en-US")} onGoTo={() => undefined} />))).toContain("No problems found.");
  });
});

describe("RulesFacts", () => {
  it("badges every rule value with its provenance", () => {
    const rules = getPreset("henan-2013");
    if (!rules) throw new Error("preset missing");
    const markup = html(<RulesFacts rules={rules} locale="zh-CN" t={translator("zh-CN")} />);
    const badges = [...markup.matchAll(/data-provenance="(\w+)"/g)].map((m) => m[1]);
    // 5 dimensions + bonus cap + gate + 6 levels + 3 awards.
    expect(badges).toHaveLength(5 + 1 + 1 + 6 + 3);
    expect(markup).toContain(">推定<");
  });
});

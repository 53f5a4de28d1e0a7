import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getPreset, rate } from "../../src/engine";
import { zoneProfile } from "../../src/engine/explain";
import { Summary } from "../../src/taskpane/components/Summary";
import { ZonePage } from "../../src/taskpane/components/ZonePage";
import { translator } from "../../src/taskpane/strings";
import { buildZonePages } from "../../src/workbook/plan/zonePage";
import { formatQuantity } from "../../src/workbook/plan/quantities";
import { caseResult } from "../workbook/plan/detailsCase";
import { table, zone } from "../engine/fixtures";

function text(element: ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>)
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("ZonePage in the pane", () => {
  const result = caseResult();
  const t = translator("zh-CN");

  test("shows the zone's page: the same words and figures as the sheet's page for that zone", () => {
    const zone = "丁";
    const p = zoneProfile(result, zone)!;
    const page = text(<ZonePage result={result} zone={zone} onZone={() => undefined} locale="zh-CN" t={t} />);
    expect(page).toContain("丁（开封）");
    expect(page).toContain(`第 ${p.rank} 名（共 6 个）`);
    // Every sentence the printed page holds for this zone is in the pane too.
    const sheet = buildZonePages(result, "zh-CN", "pages");
    const start = sheet.values.findIndex((r) => r[0] === "丁（开封）");
    const end = sheet.pageBreaks!.find((b) => b > start) ?? sheet.values.length;
    const sentences = sheet.values
      .slice(start, end)
      .flatMap((r) => r.filter((c): c is string => typeof c === "string" && /名|差|获|无|★|星/.test(c) && !c.startsWith("注：")));
    for (const s of sentences) expect(page).toContain(s);
  });

  test("writes each figure as the sheet does: raw values in their indicator's format, points with two decimals", () => {
    for (const zone of result.zones.map((z) => z.zone)) {
      const page = text(<ZonePage result={result} zone={zone} onZone={() => undefined} locale="zh-CN" t={t} />);
      const sheet = buildZonePages(result, "zh-CN", "pages");
      const start = sheet.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(`${zone}（`));
      const strong = sheet.values.find((r, i) => i > start && r[0] === "优势")!;
      expect(page).toContain(`${strong[1] as string}：${strong[2] as string}`);
      const dims = sheet.values.find((r, i) => i > start && typeof r[1] === "number" && r[0] === result.rules.dimensions[0].nameZh)!;
      expect(page).toContain(formatQuantity(dims[1] as number, "points"));
    }
  });

  test("lists the strongest and weakest indicators with their rank, and the dimension points by the median", () => {
    const p = zoneProfile(result, "甲")!;
    const page = text(<ZonePage result={result} zone="甲" onZone={() => undefined} locale="zh-CN" t={t} />);
    expect(page).toContain(`第 ${p.strongest[0].rank} / 6 名`);
    expect(page).toContain("全省中位数");
    // The fixture names its dimensions by their keys.
    expect(page).toContain("scale");
  });

  test("without a pick it asks for one; in English it speaks English", () => {
    expect(text(<ZonePage result={result} zone={undefined} onZone={() => undefined} locale="zh-CN" t={t} />)).toContain("选择一个集聚区");
    const en = text(<ZonePage result={result} zone="乙" onZone={() => undefined} locale="en-US" t={translator("en-US")} />);
    expect(en).toContain("乙 (郑州)");
    expect(en).toContain("Province rank");
  });

  test("the summary's award winners are buttons when the pane can show their page", () => {
    const withPages = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <Summary result={result} sheetsWritten={[]} notices={[]} locale="zh-CN" t={t} onZone={() => undefined} />
      </FluentProvider>,
    );
    const plain = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <Summary result={result} sheetsWritten={[]} notices={[]} locale="zh-CN" t={t} />
      </FluentProvider>,
    );
    const winners = result.awards.reduce((n, a) => n + a.zones.length, 0);
    expect(winners).toBeGreaterThan(0);
    expect((withPages.match(/<button/g) ?? []).length).toBe(winners);
    expect(plain).not.toContain("<button");
  });
});

describe("ZonePage with zones whose names differ only in case", () => {
  test("shows the zone picked, never its namesake in another case", () => {
    const names = ["Zone a", "Zone A", "ZONE A"];
    const result = rate(table(names.map((name, i) => zone(name, { va: 20 + 10 * i, tax: 3 + i, emp: 1 + i }, { city: `City ${i}` }))), getPreset("henan-2013")!);
    names.forEach((name, i) => {
      const page = text(<ZonePage result={result} zone={name} onZone={() => undefined} locale="en-US" t={translator("en-US")} />);
      expect(page).toContain(`${name} (City ${i})`);
    });
  });
});

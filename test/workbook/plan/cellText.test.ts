import { getPreset, rate } from "../../../src/engine";
import { issueKindName } from "../../../src/i18n/issues";
import type { RatingResult, Rules, ZoneInput, ZoneTable } from "../../../src/engine/types";
import { MAX_CELL_TEXT } from "../../../src/workbook/plan/draft";
import { buildResultPlans } from "../../../src/workbook/plan/results";
import type { SheetPlan } from "../../../src/workbook/plan/types";
import { smallResult } from "./fixtures";

function henan(): Rules {
  const rules = getPreset("henan-2013");
  if (!rules) throw new Error("no henan-2013 preset");
  return rules;
}

/** 5,000 zones with identical figures: the tie at 十强's last place takes in every one of them. */
function tieOf5000(): RatingResult {
  const zones: ZoneInput[] = Array.from({ length: 5_000 }, (_, i) => ({ zone: `第${i + 1}号产业集聚区`, city: "郑州市", values: { va: 30, tax: 4, emp: 1.2 } }));
  const table: ZoneTable = { zones, columns: { indicators: ["va", "tax", "emp"], prevRank: false, prevStars: false, maxStars: false, bonus: false, penalty: false, veto: false, group: false } };
  return rate(table, henan());
}

function longestText(plans: SheetPlan[]): number {
  let longest = 0;
  for (const p of plans) for (const v of [p.title, ...p.values.flat()]) if (typeof v === "string") longest = Math.max(longest, v.length);
  return longest;
}

function tieMessage(plans: SheetPlan[]): string {
  const validation = plans.find((p) => p.kind === "validation");
  const kinds = [issueKindName("AWARD_TIE_LAST_PLACE", "zh-CN"), issueKindName("AWARD_TIE_LAST_PLACE", "en-US")];
  const row = validation?.values.find((r) => kinds.includes(r[5] as string));
  if (!row || typeof row[6] !== "string") throw new Error("no tie warning in 校验报告");
  return row[6];
}

describe("text cells over Excel's 32,767-character limit", () => {
  const result = tieOf5000();

  it("a tie of 5,000 zones lists whole names up to the limit and says how many are left out", () => {
    const tied = String(result.issues.find((i) => i.code === "AWARD_TIE_LAST_PLACE")?.params?.zones).split(",");
    expect(tied).toHaveLength(5_000);

    const zh = buildResultPlans(result, [], "zh-CN");
    expect(longestText(zh)).toBeLessThanOrEqual(MAX_CELL_TEXT);
    const message = tieMessage(zh);
    const m = /无法区分（(.*)…（另有 ([\d,]+) 个未列出）$/.exec(message);
    expect(m).not.toBeNull();
    const shown = m![1].split(",");
    expect(shown).toEqual(tied.slice(0, shown.length));
    expect(shown.length + Number(m![2].replace(/,/g, ""))).toBe(5_000);
    // Cut at the last separator that fits, so little room is left unused.
    expect(message.length).toBeGreaterThan(MAX_CELL_TEXT - 2 * tied[shown.length].length);
  });

  it("says the same in English", () => {
    const en = buildResultPlans(result, [], "en-US");
    expect(longestText(en)).toBeLessThanOrEqual(MAX_CELL_TEXT);
    const m = /split \((.*)… \(([\d,]+) more not shown\)$/.exec(tieMessage(en));
    expect(m).not.toBeNull();
    expect(m![1].split(",").length + Number(m![2].replace(/,/g, ""))).toBe(5_000);
  });

  it("cuts a long text that is no list and counts the characters left out", () => {
    const small = smallResult();
    const veto = "安".repeat(40_000);
    small.zones[3] = { ...small.zones[3], veto };
    const ranking = buildResultPlans(small, [], "zh-CN").find((p) => p.kind === "ranking")!;
    const cell = ranking.values.map((r) => r[r.length - 1]).find((v): v is string => typeof v === "string" && v.startsWith("安安"));
    const m = /^(安+)…（另有 ([\d,]+) 个字符未显示）$/.exec(cell ?? "");
    expect(m).not.toBeNull();
    expect(cell!.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(m![1].length + Number(m![2].replace(/,/g, ""))).toBe(40_000);
  });

  it("leaves text within the limit as it is", () => {
    const plans = buildResultPlans(smallResult(), [], "zh-CN");
    expect(plans.flatMap((p) => p.values.flat()).some((v) => typeof v === "string" && (v.includes("未列出") || v.includes("未显示")))).toBe(false);
  });
});

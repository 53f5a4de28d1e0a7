// The 评定规则 sheet and the indicator template as plans: the reader's rows with the house formatting.
import type { Rules } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import type { CellValue } from "../grid";
import { displayValue } from "../read/cells";
import { COLUMNS, templateHeader, type ColumnSpec } from "../read/columns";
import { rulesSheetName, rulesSheetRows } from "../read/rulesSheet";
import { addTitle, addHeaderRow, addRow, finishPlan, fitWidth, HEADER_FILL, newDraft } from "./draft";
import { planLabels } from "./labels";
import type { DataValidationSpec, PlanCell, SheetPlan } from "./types";

function planCell(v: CellValue): PlanCell {
  return typeof v === "object" && v !== null ? displayValue(v) : v;
}

/** The rules as an editable sheet: the reader's rows (which it reads back), bold section titles. */
export function buildRulesSheetPlan(rules: Rules, locale: Locale): SheetPlan {
  const rows = rulesSheetRows(rules, locale);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const d = newDraft(width);
  for (const row of rows) addRow(d, row.map(planCell));
  d.styles.push({ range: { r0: 0, c0: 0, r1: 0, c1: width - 1 }, bold: true, fontSize: 14 });
  // A row with text in column A only (after the note) is a section title.
  rows.forEach((row, r) => {
    if (r > 1 && typeof row[0] === "string" && row.slice(1).every((v) => v === null || v === undefined)) d.styles.push({ range: { r0: r, c0: 0, r1: r, c1: width - 1 }, bold: true, fill: HEADER_FILL });
  });
  const l = planLabels(locale);
  const plan = finishPlan(d, {
    kind: "rules",
    labels: l,
    title: String(rows[0]?.[0] ?? l.titles.rules),
    headerRow: 0,
    columnWidths: Array.from({ length: width }, (_, c) => fitWidth(d, c, 10, c === 0 ? 24 : 40, 2)),
    orientation: "landscape",
    freezeCols: 0,
  });
  return { ...plan, name: rulesSheetName(locale), freeze: { rows: 0, cols: 0 } };
}

const EXAMPLES: Array<Partial<Record<ColumnSpec["key"], PlanCell>>> = [
  { zone: "示例一产业集聚区", city: "郑州市", group: "豫中", va: 180.5, tax: 20.3, emp: 6.2, rev: 620, vaPrev: 160, fai: 95, outCap: 40, leadShare: 62, landMu: 15000, rd: 3.6, smart: 45, energy: 0.52, energyPrev: 0.56, prevRank: 3, prevStars: 2, maxStars: 2, bonus: 1, penalty: 0 },
  { zone: "示例二产业集聚区", city: "洛阳市", group: "豫西", va: 64.2, tax: 8.1, emp: 2.4, rev: 210, vaPrev: 58, fai: 40, outCap: 12, leadShare: 55, landMu: 9000, rd: 1.1, smart: 30, energy: 0.75, energyPrev: 0.8, prevRank: 20, prevStars: 1, maxStars: 2, bonus: 0, penalty: 0.5 },
  { zone: "示例三产业集聚区", city: "开封市", group: "豫东", va: 27.4, tax: 3.9, emp: 1.1, rev: 80, vaPrev: 25, fai: 18, outCap: 5, leadShare: 48, landMu: 5200, rd: 0.3, smart: 18, energy: 0.9, energyPrev: 0.92, prevRank: 75, prevStars: 0, maxStars: 1, bonus: 0, penalty: 0 },
];

const TEMPLATE_ROWS = 500;

function validationFor(spec: ColumnSpec, col: number, first: number, locale: Locale): DataValidationSpec | undefined {
  const range = { r0: first, c0: col, r1: first + TEMPLATE_ROWS - 1, c1: col };
  const zh = locale === "zh-CN";
  if (spec.key === "prevStars" || spec.key === "maxStars") return { range, rule: { kind: "whole", min: 0, max: 6 }, message: zh ? "请填写 0 到 6 的整数。" : "Enter a whole number from 0 to 6." };
  if (spec.key === "prevRank") return { range, rule: { kind: "whole", min: 1, max: 100_000 }, message: zh ? "请填写正整数。" : "Enter a positive whole number." };
  if (spec.kind === "percent") return { range, rule: { kind: "decimal", min: 0, max: 100 }, message: zh ? "请填写 0 到 100 之间的数。" : "Enter a number from 0 to 100." };
  if (spec.kind === "number" && spec.nonNegative) return { range, rule: { kind: "decimal", min: 0 }, message: zh ? "请填写 0 或正数。" : "Enter 0 or a positive number." };
  return undefined;
}

/** The indicator template: every catalogue column under its template header, three example rows, entry checks. */
export function buildTemplateSheetPlan(locale: Locale): SheetPlan {
  const l = planLabels(locale);
  const lang = locale === "zh-CN" ? "zh" : "en";
  const d = newDraft(COLUMNS.length);
  const title = `${l.titles.template}${l.templateNote}`;
  addTitle(d, title);
  const header = addHeaderRow(d, COLUMNS.map((c) => templateHeader(c, lang)));
  for (const ex of EXAMPLES) addRow(d, COLUMNS.map((c) => ex[c.key] ?? null));
  const plan = finishPlan(d, {
    kind: "template",
    labels: l,
    title,
    headerRow: header,
    columnWidths: COLUMNS.map((_, c) => fitWidth(d, c, 10, 30, header)),
    orientation: "landscape",
    freezeCols: 1,
  });
  plan.dataValidation = COLUMNS.map((c, i) => validationFor(c, i, header + 1, locale)).filter((v): v is DataValidationSpec => v !== undefined);
  return plan;
}

// The 评定规则 sheet: the rules laid out for officials to edit, and read back into Rules with every
// problem addressed to its cell (SPEC §4, §4.6).
import type { AwardMetric, AwardRule, AwardSelection, DimensionRule, IndicatorRule, Issue, NormMethod, Provenance, Rules, StarRules, StarThresholds } from "../../engine/types";
import { DERIVED_INDICATOR_KEYS, RAW_INDICATOR_KEYS } from "../../engine/types";
import { validateRules } from "../../engine";
import type { Locale } from "../../i18n/locale";
import type { CellValue, Grid } from "../grid";
import { indicatorLabel } from "../../i18n/indicators";
import { SheetCursor, type Section } from "./rulesCursor";
import { readYearCycleRules, yearCycleRuleRows, YEAR_CYCLE_SECTIONS, type YearCycleSectionKey } from "./rulesYearCycle";
import {
  AWARD_HEADER,
  DIMENSION_HEADER,
  GATE,
  METHODS,
  METRIC,
  MISSING_POLICY,
  OPTION_HEADER,
  OPTIONS,
  PROVENANCE,
  RULES_SHEET_NAMES,
  SECTIONS,
  SELECTION,
  STAR_HEADER,
  YES_NO,
  choice,
  levelLabel,
  sameWord,
  word,
  type OptionKey,
  type SectionKey,
  type Words,
} from "./rulesLabels";

const WIDTH = DIMENSION_HEADER.length;

export function rulesSheetName(locale: Locale): string {
  return word(RULES_SHEET_NAMES, locale);
}

/** True for a sheet name the add-in gives its rules sheet, in either language. */
export function isRulesSheetName(name: string): boolean {
  return sameWord(name, RULES_SHEET_NAMES);
}

function pad(row: CellValue[]): CellValue[] {
  return [...row, ...Array<CellValue>(WIDTH - row.length).fill(null)];
}

function metricText(metric: AwardMetric, locale: Locale): string {
  if (metric.kind === "dimensions") return `${word(METRIC.dimensions, locale)}:${metric.dimensions.join("+")}`;
  return word(METRIC[metric.kind], locale);
}

/** The rules as sheet rows (rectangular, blanks as null): title, note, settings, dimensions, stars, awards. */
export function rulesSheetRows(rules: Rules, locale: Locale): CellValue[][] {
  const zh = locale === "zh-CN";
  const w = (x: Words): string => word(x, locale);
  const prov = (p: Provenance): string => w(PROVENANCE[p]);
  const rows: CellValue[][] = [];
  rows.push([zh ? `${w(RULES_SHEET_NAMES)}：${rules.nameZh}` : `${w(RULES_SHEET_NAMES)}: ${rules.nameEn}`]);
  rows.push([
    zh
      ? "来源列：省文件 = 省里正式文件；参照外省 = 参照外省做法；推定 = 未见公开文件的缺省值，请按本年度省文件改写。改动本表后重新评定即按本表计算。"
      : "Source column: official = a provincial notice; other province = another province's rule; inferred = a default with no public source, overwrite it from this year's notice. Run the rating again after editing and it uses this sheet.",
  ]);
  rows.push([]);

  rows.push([w(SECTIONS.options)]);
  rows.push(OPTION_HEADER.map(w));
  const option = (key: OptionKey, value: CellValue, provenance?: Provenance): void => {
    const o = OPTIONS[key];
    rows.push([w(o), value, provenance ? prov(provenance) : null, zh ? o.noteZh : o.noteEn]);
  };
  option("id", rules.id);
  option("nameZh", rules.nameZh);
  option("nameEn", rules.nameEn);
  option("bonusCap", rules.bonusCap, rules.bonusCapProvenance);
  option("missingPolicy", w(MISSING_POLICY[rules.missingPolicy]));
  option("minIndicatorsMet", rules.stars.minIndicatorsMet, rules.stars.provenance);
  option("maxStepPerYear", rules.stars.maxStepPerYear);
  option("vetoBlocksPromotion", w(rules.stars.vetoBlocksPromotion ? YES_NO.yes : YES_NO.no));
  option("plaqueMinStars", rules.plaqueMinStars);
  rows.push([]);

  rows.push([w(SECTIONS.dimensions)]);
  rows.push(DIMENSION_HEADER.map(w));
  for (const d of rules.dimensions) {
    const dimCells: CellValue[] = [d.key, d.nameZh, d.nameEn, d.weight, prov(d.provenance)];
    if (d.indicators.length === 0) rows.push(dimCells);
    d.indicators.forEach((ind, i) => {
      const lead = i === 0 ? dimCells : [null, null, null, null, null];
      rows.push([...lead, ind.key, indicatorLabel(ind.key, zh ? "zh" : "en"), ind.weight, ind.method, ind.target ?? null, prov(ind.provenance)]);
    });
  }
  rows.push([]);

  rows.push([w(SECTIONS.stars)]);
  rows.push(STAR_HEADER.map(w));
  const g = rules.stars.gate;
  rows.push([w(GATE), g.va, g.tax, g.emp, prov(g.provenance)]);
  for (const l of rules.stars.levels) rows.push([levelLabel(l.level, locale), l.va, l.tax, l.emp, prov(l.provenance)]);
  rows.push([]);

  rows.push([w(SECTIONS.awards)]);
  rows.push(AWARD_HEADER.map(w));
  for (const a of rules.awards) {
    const sel = a.selection;
    rows.push([
      a.key,
      a.nameZh,
      a.nameEn,
      w(SELECTION[sel.kind]),
      sel.kind === "top" ? sel.count : null,
      sel.kind === "top" ? metricText(sel.metric, locale) : null,
      a.prizeYuan,
      w(a.exclusive ? YES_NO.yes : YES_NO.no),
      prov(a.provenance),
    ]);
  }
  rows.push(...yearCycleRuleRows(rules, locale));
  return rows.map(pad);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Rewrites "a.0.b" and "a[0].b" alike, so the validator's paths find the cells recorded here. */
function normalizePath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** The required sections and the optional year-cycle ones, whose titles end the section above them. */
const ALL_SECTIONS: Record<SectionKey | YearCycleSectionKey, Words> = { ...SECTIONS, ...YEAR_CYCLE_SECTIONS };

function findSections(cur: SheetCursor): Partial<Record<SectionKey | YearCycleSectionKey, Section>> {
  const titles: Array<{ key: SectionKey | YearCycleSectionKey; row: number }> = [];
  cur.grid.values.forEach((row, r) => {
    const v = row[0];
    if (typeof v !== "string") return;
    const key = (Object.keys(ALL_SECTIONS) as Array<SectionKey | YearCycleSectionKey>).find((k) => sameWord(v, ALL_SECTIONS[k]));
    if (key && !titles.some((t) => t.key === key)) titles.push({ key, row: r });
  });
  const out: Partial<Record<SectionKey | YearCycleSectionKey, Section>> = {};
  titles.forEach((t, i) => {
    const end = i + 1 < titles.length ? titles[i + 1].row : cur.grid.values.length;
    const body: number[] = [];
    for (let r = t.row + 2; r < end; r++) if (!cur.isBlankRow(r)) body.push(r);
    out[t.key] = { title: t.row, body };
  });
  return out;
}

const INDICATOR_KEYS: readonly string[] = [...RAW_INDICATOR_KEYS, ...DERIVED_INDICATOR_KEYS];

/** An indicator key, also when the user typed its Chinese or English name. */
function indicatorKey(typed: string): string {
  const found = INDICATOR_KEYS.find((k) => sameWord(typed, { zh: indicatorLabel(k, "zh"), en: indicatorLabel(k, "en") }, k));
  return found ?? typed;
}

interface Options {
  id?: string;
  nameZh?: string;
  nameEn?: string;
  bonusCap?: number;
  bonusCapProvenance?: Provenance;
  missingPolicy?: Rules["missingPolicy"];
  minIndicatorsMet?: number;
  starsProvenance?: Provenance;
  maxStepPerYear?: number | null;
  vetoBlocksPromotion?: boolean;
  plaqueMinStars?: number;
}

const OPTION_PATHS: Record<OptionKey, string> = {
  id: "id",
  nameZh: "nameZh",
  nameEn: "nameEn",
  bonusCap: "bonusCap",
  missingPolicy: "missingPolicy",
  minIndicatorsMet: "stars.minIndicatorsMet",
  maxStepPerYear: "stars.maxStepPerYear",
  vetoBlocksPromotion: "stars.vetoBlocksPromotion",
  plaqueMinStars: "plaqueMinStars",
};

function readOptions(cur: SheetCursor, section: Section): Options {
  const o: Options = {};
  const seen = new Set<OptionKey>();
  for (const r of section.body) {
    const label = cur.value(r, 0);
    if (typeof label !== "string") continue;
    const key = choice(label, OPTIONS);
    if (!key) continue;
    seen.add(key);
    const path = OPTION_PATHS[key];
    const field = OPTIONS[key];
    const num = (optional = false): number | null | undefined => cur.number(r, 1, path, field, optional);
    switch (key) {
      case "id":
      case "nameZh":
      case "nameEn":
        o[key] = cur.text(r, 1, path, field);
        break;
      case "bonusCap":
        o.bonusCap = num() ?? undefined;
        o.bonusCapProvenance = cur.pick(r, 2, "bonusCapProvenance", OPTION_HEADER[2], PROVENANCE);
        break;
      case "missingPolicy":
        o.missingPolicy = cur.pick(r, 1, path, field, MISSING_POLICY);
        break;
      case "minIndicatorsMet":
        o.minIndicatorsMet = num() ?? undefined;
        o.starsProvenance = cur.pick(r, 2, "stars.provenance", OPTION_HEADER[2], PROVENANCE);
        break;
      case "maxStepPerYear":
        o.maxStepPerYear = num(true);
        break;
      case "vetoBlocksPromotion": {
        const yn = cur.pick(r, 1, path, field, YES_NO);
        o.vetoBlocksPromotion = yn === undefined ? undefined : yn === "yes";
        break;
      }
      case "plaqueMinStars":
        o.plaqueMinStars = num() ?? undefined;
        break;
    }
  }
  for (const key of Object.keys(OPTIONS) as OptionKey[]) {
    if (!seen.has(key)) cur.error("RULES_SHEET_MISSING_ROW", section.title, 0, { field: word(OPTIONS[key], cur.locale), path: OPTION_PATHS[key] });
  }
  return o;
}

function readDimensions(cur: SheetCursor, section: Section): DimensionRule[] {
  const dims: DimensionRule[] = [];
  const h = DIMENSION_HEADER;
  for (const r of section.body) {
    const keyCell = cur.value(r, 0);
    if (keyCell !== null && String(keyCell).trim() !== "") {
      const i = dims.length;
      const p = `dimensions[${i}]`;
      cur.mark(p, r, 0);
      dims.push({
        key: cur.text(r, 0, `${p}.key`, h[0]) ?? "",
        nameZh: cur.text(r, 1, `${p}.nameZh`, h[1]) ?? "",
        nameEn: cur.text(r, 2, `${p}.nameEn`, h[2]) ?? "",
        weight: cur.number(r, 3, `${p}.weight`, h[3]) ?? NaN,
        provenance: cur.pick(r, 4, `${p}.provenance`, h[4], PROVENANCE) ?? "inferred",
        indicators: [],
      });
    }
    const indCell = cur.value(r, 5);
    if (indCell === null || String(indCell).trim() === "") continue;
    const dim = dims[dims.length - 1];
    if (!dim) {
      cur.error("RULES_SHEET_BLANK", r, 0, { field: word(h[0], cur.locale), path: "dimensions" });
      continue;
    }
    const p = `dimensions[${dims.length - 1}].indicators[${dim.indicators.length}]`;
    cur.mark(p, r, 5);
    const typedKey = cur.text(r, 5, `${p}.key`, h[5]);
    const method = cur.text(r, 8, `${p}.method`, h[8]);
    if (method !== undefined && !METHODS.includes(method as NormMethod)) {
      cur.error("RULES_SHEET_BAD_CHOICE", r, 8, { field: word(h[8], cur.locale), value: method, allowed: METHODS.join(" / "), path: `${p}.method` });
    }
    const ind: IndicatorRule = {
      key: indicatorKey(typedKey ?? "") as IndicatorRule["key"],
      weight: cur.number(r, 7, `${p}.weight`, h[7]) ?? NaN,
      method: (method ?? "minmax") as NormMethod,
      provenance: cur.pick(r, 10, `${p}.provenance`, h[10], PROVENANCE) ?? "inferred",
    };
    const target = cur.number(r, 9, `${p}.target`, h[9], true);
    if (typeof target === "number") ind.target = target;
    dim.indicators.push(ind);
  }
  return dims;
}

function readStars(cur: SheetCursor, section: Section): Pick<StarRules, "gate" | "levels"> | undefined {
  let gate: StarRules["gate"] | undefined;
  const levels: StarRules["levels"] = [];
  const h = STAR_HEADER;
  for (const r of section.body) {
    const label = cur.value(r, 0);
    const text = label === null ? "" : String(label);
    const isGate = sameWord(text, GATE, "gate");
    const levelMatch = /(\d+)/.exec(text.normalize("NFKC"));
    if (!isGate && !levelMatch) {
      cur.error("RULES_SHEET_BAD_CHOICE", r, 0, { field: word(h[0], cur.locale), value: text, allowed: `${word(GATE, cur.locale)} / ${levelLabel(1, cur.locale)} … ${levelLabel(6, cur.locale)}`, path: "stars.levels" });
      continue;
    }
    const p = isGate ? "stars.gate" : `stars.levels[${levels.length}]`;
    cur.mark(p, r, 0);
    const t: StarThresholds = {
      va: cur.number(r, 1, `${p}.va`, h[1]) ?? NaN,
      tax: cur.number(r, 2, `${p}.tax`, h[2]) ?? NaN,
      emp: cur.number(r, 3, `${p}.emp`, h[3]) ?? NaN,
    };
    const provenance = cur.pick(r, 4, `${p}.provenance`, h[4], PROVENANCE) ?? "inferred";
    if (isGate) gate = { ...t, provenance };
    else {
      cur.mark(`${p}.level`, r, 0);
      levels.push({ ...t, level: Number(levelMatch?.[1]), provenance });
    }
  }
  if (!gate) {
    cur.error("RULES_SHEET_MISSING_ROW", section.title, 0, { field: word(GATE, cur.locale), path: "stars.gate" });
    return undefined;
  }
  return { gate, levels };
}

function readMetric(cur: SheetCursor, r: number, path: string): AwardMetric | undefined {
  const h = AWARD_HEADER[5];
  const t = cur.text(r, 5, path, h);
  if (t === undefined) return undefined;
  const dims = /^\s*(?:维度得分|dimensions)\s*[:：]\s*(.+)$/i.exec(t);
  if (dims) {
    cur.mark(`${path}.dimensions`, r, 5);
    return { kind: "dimensions", dimensions: dims[1].split(/[+＋、,，\s]+/).filter((x) => x !== "") };
  }
  if (sameWord(t, METRIC.composite, "composite")) return { kind: "composite" };
  if (sameWord(t, METRIC.rankChange, "rankChange")) return { kind: "rankChange" };
  const allowed = [word(METRIC.composite, cur.locale), word(METRIC.rankChange, cur.locale), `${word(METRIC.dimensions, cur.locale)}:cluster+green`].join(" / ");
  cur.error("RULES_SHEET_BAD_CHOICE", r, 5, { field: word(h, cur.locale), value: t, allowed, path });
  return undefined;
}

function readAwards(cur: SheetCursor, section: Section): AwardRule[] {
  const h = AWARD_HEADER;
  return section.body.map((r, i) => {
    const p = `awards[${i}]`;
    cur.mark(p, r, 0);
    const kind = cur.pick(r, 3, `${p}.selection`, h[3], SELECTION);
    let selection: AwardSelection = { kind: "firstStar" };
    if (kind === "top") {
      const count = cur.number(r, 4, `${p}.selection.count`, h[4]) ?? NaN;
      const metric = readMetric(cur, r, `${p}.selection.metric`) ?? { kind: "composite" };
      selection = { kind: "top", count, metric };
    }
    const exclusive = cur.pick(r, 7, `${p}.exclusive`, h[7], YES_NO);
    return {
      key: cur.text(r, 0, `${p}.key`, h[0]) ?? "",
      nameZh: cur.text(r, 1, `${p}.nameZh`, h[1]) ?? "",
      nameEn: cur.text(r, 2, `${p}.nameEn`, h[2]) ?? "",
      selection,
      prizeYuan: cur.number(r, 6, `${p}.prizeYuan`, h[6]) ?? NaN,
      exclusive: exclusive === "yes",
      provenance: cur.pick(r, 8, `${p}.provenance`, h[8], PROVENANCE) ?? "inferred",
    };
  });
}

function cellForPath(cells: Map<string, string>, path: string): string | undefined {
  let p = normalizePath(path);
  while (p !== "") {
    const hit = cells.get(p);
    if (hit) return hit;
    p = p.replace(/(\[\d+\]|\.[^.[\]]+|^[^.[\]]+)$/, "");
  }
  return undefined;
}

/**
 * Reads an edited 评定规则 sheet back into Rules: malformed cells are errors at their cells; the
 * rules are then checked by the engine's validator, whose paths are mapped back to cells.
 */
export function readRulesSheet(grid: Grid, locale: Locale): { rules?: Rules; issues: Issue[] } {
  const cur = new SheetCursor(grid, locale);
  const sections = findSections(cur);
  for (const key of Object.keys(SECTIONS) as SectionKey[]) {
    if (!sections[key]) cur.error("RULES_SHEET_MISSING_SECTION", 0, 0, { section: word(SECTIONS[key], locale), path: key });
  }
  if (cur.issues.length > 0) return { issues: cur.issues };
  const s = sections as Record<SectionKey, Section>;
  for (const [key, path] of [["options", ""], ["dimensions", "dimensions"], ["stars", "stars"], ["awards", "awards"]] as const) {
    if (path) cur.mark(path, s[key].title, 0);
  }
  cur.mark("stars.levels", s.stars.title, 0);
  const o = readOptions(cur, s.options);
  const dimensions = readDimensions(cur, s.dimensions);
  const stars = readStars(cur, s.stars);
  const awards = readAwards(cur, s.awards);
  const yearCycle = readYearCycleRules(cur, sections);
  if (cur.issues.length > 0 || !stars) return { issues: cur.issues };

  const rules: Rules = {
    id: o.id ?? "",
    nameZh: o.nameZh ?? "",
    nameEn: o.nameEn ?? "",
    dimensions,
    bonusCap: o.bonusCap ?? NaN,
    bonusCapProvenance: o.bonusCapProvenance ?? "inferred",
    missingPolicy: o.missingPolicy ?? "zero",
    stars: {
      gate: stars.gate,
      levels: stars.levels,
      minIndicatorsMet: o.minIndicatorsMet ?? NaN,
      maxStepPerYear: o.maxStepPerYear ?? null,
      vetoBlocksPromotion: o.vetoBlocksPromotion ?? true,
      provenance: o.starsProvenance ?? "inferred",
    },
    awards,
    plaqueMinStars: o.plaqueMinStars ?? NaN,
    ...yearCycle,
  };
  const checked = validateRules(rules).map((issue): Issue => {
    const path = typeof issue.params?.path === "string" ? issue.params.path : "";
    const cell = cellForPath(cur.cells, path) ?? cur.at(0, 0);
    return { ...issue, sheet: grid.sheet, cell };
  });
  const issues = [...cur.issues, ...checked];
  return issues.some((i) => i.severity === "error") ? { issues } : { rules, issues };
}

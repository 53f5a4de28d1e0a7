// 集聚区档案 (一区一档): one A4 page per zone, built from the engine's zoneProfile figures. Two
// forms of the same page: a picker (Excel: a drop-down of zone names in a cell drives lookups into a
// hidden block of every zone's figures on the same sheet) and one printed page per zone (the CLI's
// file, where no one picks anything).
import { RunExplainer, type ZoneProfile } from "../../engine/explain";
import type { RatingResult } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { addTitle, addRow, addSpanningRow, finishPlan, newDraft, SECTION_FILL, type Draft } from "./draft";
import { explainLabels, type ExplainLabels } from "./explainLabels";
import { cellRef, columnRangeRef } from "./formulas";
import { planLabels, sheetTitle, shortfallText, starText, type PlanLabels } from "./labels";
import { formatQuantity, indicatorQuantity, numberFormat } from "./quantities";
import type { CellStyle, PlanCell, PlanFormula, Rect, SheetPlan } from "./types";

const POINTS = numberFormat("points");
const SIGNED_POINTS = numberFormat("signedPoints");
/** The page's columns A–F. */
const PAGE_WIDTH = 6;
/** The hidden block starts here (H), a column clear of the page. */
const DATA_COL = 7;
const SHOWN = 3;

export type ZonePageForm = "picker" | "pages";

/** A cell of the page template: fixed content, or the index of a per-zone figure. */
type Slot = PlanCell | { field: number };

interface Field {
  name: string;
  format?: string;
  get: (p: ZoneProfile) => PlanCell;
}

/** One zone's page with its figures left as slots, so the same page can be filled or looked up. */
interface Template {
  rows: Slot[][];
  merges: Rect[];
  styles: CellStyle[];
  fields: Field[];
  /** Formats of the template's own numbers (a dimension's maximum, median, leaders' mean). */
  formats: Array<{ row: number; col: number; format: string }>;
}

class TemplateBuilder implements Template {
  rows: Slot[][] = [];
  merges: Rect[] = [];
  styles: CellStyle[] = [];
  fields: Field[] = [];
  formats: Template["formats"] = [];

  field(name: string, get: Field["get"], format?: string): Slot {
    this.fields.push({ name, get, ...(format !== undefined ? { format } : {}) });
    return { field: this.fields.length - 1 };
  }

  row(cells: Slot[], spans: Array<[number, number]> = [], style?: Omit<CellStyle, "range">): number {
    const r = this.rows.length;
    const row = cells.slice(0, PAGE_WIDTH);
    while (row.length < PAGE_WIDTH) row.push(null);
    this.rows.push(row);
    for (const [c0, c1] of spans) this.merges.push({ r0: r, c0, r1: r, c1 });
    if (style) this.styles.push({ range: { r0: r, c0: 0, r1: r, c1: PAGE_WIDTH - 1 }, ...style });
    return r;
  }

  section(text: string): void {
    this.row([text], [[0, PAGE_WIDTH - 1]], { bold: true, fill: SECTION_FILL, border: true });
  }

  /** Label–figure pairs, bordered; a long figure (a reason, a veto) wraps in its span. */
  pairs(cells: Slot[], spans: Array<[number, number]> = []): void {
    const r = this.row(cells, spans, { border: true, wrap: true });
    // A figure starts at its cell's left edge, clear of the label after it.
    for (let c = 0; c < PAGE_WIDTH; c += 2) this.styles.push({ range: { r0: r, c0: c, r1: r, c1: c }, bold: true, fill: SECTION_FILL }, { range: { r0: r, c0: c + 1, r1: r, c1: c + 1 }, align: "left" });
  }

  tableHeader(cells: string[]): void {
    this.row(cells, [], { bold: true, fill: SECTION_FILL, border: true, align: "center", wrap: true });
  }
}

function name(locale: Locale, item: { nameZh: string; nameEn: string }): string {
  return locale === "en-US" ? item.nameEn : item.nameZh;
}

/** The page every zone shares; per-run figures (medians, the leaders' means) are fixed in it. */
function template(result: RatingResult, sample: ZoneProfile, l: PlanLabels, x: ExplainLabels, locale: Locale): Template {
  const t = new TemplateBuilder();
  const text = (v: string | null | undefined): PlanCell => v ?? "";
  t.row([t.field(l.zone, (p) => x.heading(p.zone, p.city))], [[0, PAGE_WIDTH - 1]], { bold: true, fontSize: 14 });

  t.section(x.sections.stars);
  t.pairs([l.stars, t.field(l.stars, (p) => starText(p.stars, l)), l.prevStars, t.field(l.prevStars, (p) => (p.prevStars === null ? "" : starText(p.prevStars, l))), l.status, t.field(l.status, (p) => l.statusNames[p.starStatus])]);
  t.pairs([x.nextLevel, t.field(x.nextLevel, (p) => (p.nextStar ? l.starLevelName(p.nextStar.level) : x.noNextLevel))], [[1, 5]]);
  t.pairs([l.shortfall, t.field(l.shortfall, (p) => shortfallText(p, l))], [[1, 5]]);

  t.section(x.sections.ranking);
  t.pairs([x.composite, t.field(x.composite, (p) => p.composite, POINTS), x.provinceRank, t.field(x.provinceRank, (p) => x.rankOf(p.rank, p.zoneCount, p.tied)), x.rankChange, t.field(x.rankChange, (p) => x.changeText(p.rankChange, p.prevRank))]);
  t.pairs([l.city, t.field(l.city, (p) => p.city), x.cityRank, t.field(x.cityRank, (p) => x.rankOf(p.cityRank, p.cityZoneCount, p.cityTied)), x.cityRankChange, t.field(x.cityRankChange, (p) => x.changeText(p.cityRankChange, p.prevCityRank))]);

  t.section(x.sections.dimensions);
  const leaders = x.leadersMean(sample.leaders.award ? name(locale, sample.leaders.award) : null, sample.leaders.count);
  t.tableHeader([l.dimension, x.dimensionPoints, x.maxPoints, x.median, leaders, x.vsMedian]);
  sample.dimensions.forEach((dm, k) => {
    const points = t.field(name(locale, dm), (p) => p.dimensions[k].points, POINTS);
    const diff = t.field(`${name(locale, dm)} ${x.vsMedian}`, (p) => p.dimensions[k].points - p.dimensions[k].median, SIGNED_POINTS);
    const r = t.row([name(locale, dm), points, dm.maxPoints, dm.median, dm.leadersMean, diff], [], { border: true });
    t.formats.push({ row: r, col: 2, format: POINTS }, { row: r, col: 3, format: POINTS }, { row: r, col: 4, format: POINTS });
  });

  t.section(x.sections.indicators);
  t.tableHeader([x.category, l.indicator, l.raw, l.unit, l.score, x.indicatorRank]);
  const standing = (kind: string, pick: (p: ZoneProfile) => ZoneProfile["strongest"], i: number): void => {
    const at = (p: ZoneProfile) => pick(p)[i];
    const label = `${kind} ${i + 1}`;
    const r = t.row(
      [
        kind,
        t.field(`${label} ${l.indicator}`, (p) => (at(p) ? (l.indicatorNames[at(p).key] ?? at(p).key) : "")),
        // Written as text in its indicator's format: the pane shows the same figure, and one column holds indicators of several units.
        t.field(`${label} ${l.raw}`, (p) => {
          const s = at(p);
          if (!s) return "";
          return s.raw === null ? l.missing : formatQuantity(s.raw, indicatorQuantity(s.key), locale);
        }),
        t.field(`${label} ${l.unit}`, (p) => (at(p) ? text(l.units[at(p).key]) : "")),
        t.field(`${label} ${l.score}`, (p) => (at(p) ? at(p).score : ""), POINTS),
        t.field(`${label} ${x.indicatorRank}`, (p) => (at(p) ? x.indicatorRankOf(at(p).rank, at(p).of, at(p).tied) : "")),
      ],
      [],
      { border: true },
    );
    t.styles.push({ range: { r0: r, c0: 2, r1: r, c1: 2 }, align: "right" }, { range: { r0: r, c0: 5, r1: r, c1: 5 }, align: "center" });
  };
  for (let i = 0; i < SHOWN; i++) standing(x.strong, (p) => p.strongest, i);
  for (let i = 0; i < SHOWN; i++) standing(x.weak, (p) => p.weakest, i);

  t.section(x.sections.awards);
  const awardName = new Map(result.awards.map((a) => [a.key, name(locale, a)]));
  const won = (p: ZoneProfile) => p.awards.filter((a) => a.status.kind === "won").map((a) => name(locale, a));
  t.pairs([x.awardsWon, t.field(x.awardsWon, (p) => (won(p).length > 0 ? won(p).join(l.listJoin) : x.noAward))], [[1, 5]]);
  sample.awards.forEach((a, k) => {
    const reason = (p: ZoneProfile) => {
      const s = p.awards[k];
      const earlier = s.status.kind === "titled" ? (awardName.get(s.status.award) ?? s.status.award) : "";
      return x.awardReason(s.status, name(locale, s), s.metricUsed, p.nearestMissed === s.key, earlier);
    };
    t.pairs([name(locale, a), t.field(name(locale, a), reason)], [[1, 5]]);
  });

  t.section(x.sections.veto);
  t.pairs([x.veto, t.field(x.veto, (p) => (p.vetoed ? text(p.veto) || l.veto : x.noVeto))], [[1, 5]]);
  t.pairs([x.bonus, t.field(x.bonus, (p) => p.bonus, POINTS), x.penalty, t.field(x.penalty, (p) => p.penalty, POINTS)]);
  t.row([x.note(sample.zoneCount)], [[0, PAGE_WIDTH - 1]], { wrap: true, fontSize: 9 });
  return t;
}

function isField(slot: Slot): slot is { field: number } {
  return typeof slot === "object" && slot !== null;
}

/**
 * The draft's number formats with runs of one format in one column joined: every number the page
 * holds has a format, so the rows between two of a column's entries of the same format hold none
 * of another, and 180 pages need a handful of entries, not thousands.
 */
function joinFormats(d: Draft): void {
  const sorted = [...d.columnFormats].sort((a, b) => a.col - b.col || a.r0 - b.r0);
  const joined: Draft["columnFormats"] = [];
  for (const f of sorted) {
    const last = joined[joined.length - 1];
    if (last && last.col === f.col && last.format === f.format) last.r1 = Math.max(last.r1, f.r1);
    else joined.push({ ...f });
  }
  d.columnFormats = joined;
}

/** Appends the template at the draft's end, each slot filled by `fill`; returns the first row. */
function placeTemplate(d: Draft, t: Template, fill: (field: number, row: number, col: number) => PlanCell): number {
  const top = d.rows.length;
  t.rows.forEach((cells, r) => addRow(d, cells.map((slot, c) => (isField(slot) ? fill(slot.field, top + r, c) : slot))));
  for (const m of t.merges) d.merges.push({ ...m, r0: m.r0 + top, r1: m.r1 + top });
  for (const s of t.styles) d.styles.push({ ...s, range: { ...s.range, r0: s.range.r0 + top, r1: s.range.r1 + top } });
  for (const f of t.formats) d.columnFormats.push({ col: f.col, r0: f.row + top, r1: f.row + top, format: f.format });
  t.rows.forEach((cells, r) =>
    cells.forEach((slot, c) => {
      const format = isField(slot) ? t.fields[slot.field].format : undefined;
      if (format !== undefined) d.columnFormats.push({ col: c, r0: top + r, r1: top + r, format });
    }),
  );
  return top;
}

/** Label, figure, label, figure, label, figure: labels such as "City rank change" on one line, a page one A4 wide (longer figures wrap). */
const COLUMN_WIDTHS = [17, 16, 16, 19, 17, 18];

function finish(d: Draft, l: PlanLabels, title: string, freezeRows: number, columnWidths = [...COLUMN_WIDTHS], hiddenColumns?: number[]): SheetPlan {
  return finishPlan(d, { kind: "profile", labels: l, title, headerRow: 0, columnWidths, orientation: "portrait", freezeCols: 0, freezeRows, ...(hiddenColumns ? { hiddenColumns } : {}) });
}

/**
 * Pages printed at most: a province rates about 180 zones; a run over tens of thousands would
 * print a book no one reads and pass Excel's row limit, so it prints the leaders and says so.
 */
export const MAX_ZONE_PAGES = 1_000;

/** Every zone's page (the first MAX_ZONE_PAGES by rank), one after another, each starting a new printed page. */
function buildPages(result: RatingResult, explainer: RunExplainer, l: PlanLabels, x: ExplainLabels, locale: Locale, title: string): SheetPlan {
  // result.zones is in rank order, so the pages kept are the leaders'.
  const profiles = result.zones.slice(0, MAX_ZONE_PAGES).map((z) => explainer.profile(z.zone)!);
  const d = newDraft(PAGE_WIDTH);
  addTitle(d, title);
  if (result.zones.length > MAX_ZONE_PAGES) addSpanningRow(d, x.pagesCapped(MAX_ZONE_PAGES, result.zones.length), { wrap: true });
  if (profiles.length > 0) {
    const t = template(result, profiles[0], l, x, locale);
    profiles.forEach((p, i) => {
      const values = t.fields.map((f) => f.get(p));
      const top = placeTemplate(d, t, (field) => values[field]);
      if (i > 0) d.breaks.push(top);
    });
  }
  joinFormats(d);
  return finish(d, l, title, 1);
}

/**
 * The position of `wanted` in the zone names of rows firstRow.. (0-based) of `names`, matching case
 * and every character as typed, else #N/A. MATCH ignores case ("Zone a" finds "Zone A", a zone of
 * its own) and takes * ? ~ as wildcards; EXACT compares as typed, and SUMPRODUCT evaluates it over
 * the range without an array formula in Excel, WPS and LibreOffice alike. Zone names are unique, so
 * the sum is the one matching row's position, or 0 for none.
 */
function exactPosition(names: string, firstRow: number, wanted: string): string {
  const position = `SUMPRODUCT(EXACT(${names},${wanted})*(ROW(${names})-${firstRow}))`;
  return `IF(${position}=0,NA(),${position})`;
}

/**
 * One page whose figures are formulas looking up the picked zone (its name in the picker cell) in a
 * hidden block holding every zone's figures, so the page follows the pick without the add-in.
 */
function buildPicker(result: RatingResult, explainer: RunExplainer, l: PlanLabels, x: ExplainLabels, locale: Locale, title: string): SheetPlan {
  const profiles = explainer.profiles();
  const d = newDraft(PAGE_WIDTH);
  addTitle(d, title);
  if (profiles.length === 0) return finish(d, l, title, 1);
  const picked = profiles[0];
  const pickerRow = addRow(d, [x.picker, picked.zone, null, null, x.pickerHint]);
  d.merges.push({ r0: pickerRow, c0: 1, r1: pickerRow, c1: 3 }, { r0: pickerRow, c0: 4, r1: pickerRow, c1: 5 });
  d.styles.push({ range: { r0: pickerRow, c0: 0, r1: pickerRow, c1: 0 }, bold: true }, { range: { r0: pickerRow, c0: 1, r1: pickerRow, c1: 3 }, bold: true, border: true, fill: "#FFF2CC" }, { range: { r0: pickerRow, c0: 4, r1: pickerRow, c1: 5 }, wrap: true, fontSize: 9 });
  addRow(d, []);

  const t = template(result, picked, l, x, locale);
  // The hidden block: a title, a row of field names, then one row per zone (name, then each field).
  const dataHeader = 1;
  const firstZone = dataHeader + 1;
  const lastZone = firstZone + profiles.length - 1;
  const width = DATA_COL + 1 + t.fields.length;
  const put = (r: number, c: number, v: PlanCell): void => {
    while (d.rows.length <= r) d.rows.push(new Array<PlanCell>(width).fill(null));
    d.rows[r][c] = v;
  };
  const matchCell = cellRef(0, DATA_COL, true);
  const formulas: PlanFormula[] = [{ row: 0, col: DATA_COL, formula: `=${exactPosition(columnRangeRef(DATA_COL, firstZone, lastZone), firstZone, cellRef(pickerRow, 1, true))}`, result: 1, format: "0" }];
  const zoneValues = profiles.map((p) => t.fields.map((f) => f.get(p)));
  placeTemplate(d, t, (field, row, col) => {
    const range = columnRangeRef(DATA_COL + 1 + field, firstZone, lastZone);
    const lookup = `INDEX(${range},${matchCell})`;
    const cached = zoneValues[0][field];
    const entry: PlanFormula = { row, col, formula: `=IFERROR(IF(${lookup}="","",${lookup}),"")`, result: cached ?? "" };
    const format = t.fields[field].format;
    if (format !== undefined) entry.format = format;
    formulas.push(entry);
    return null;
  });
  // Rows are padded to the block's width, the rectangle every host writes.
  d.width = width;
  for (const row of d.rows) while (row.length < width) row.push(null);
  put(0, DATA_COL + 1, x.dataBlock);
  put(dataHeader, DATA_COL, l.zone);
  t.fields.forEach((f, k) => put(dataHeader, DATA_COL + 1 + k, f.name));
  profiles.forEach((p, i) => {
    put(firstZone + i, DATA_COL, p.zone);
    zoneValues[i].forEach((v, k) => put(firstZone + i, DATA_COL + 1 + k, v));
  });
  t.fields.forEach((f, k) => {
    if (f.format !== undefined) d.columnFormats.push({ col: DATA_COL + 1 + k, r0: firstZone, r1: lastZone, format: f.format });
  });

  const hidden = Array.from({ length: width - PAGE_WIDTH }, (_, i) => PAGE_WIDTH + i);
  const plan = finish(d, l, title, pickerRow + 1, [...COLUMN_WIDTHS, ...hidden.map(() => 12)], hidden);
  plan.formulas = formulas;
  plan.listValidation = [{ range: { r0: pickerRow, c0: 1, r1: pickerRow, c1: 1 }, source: { r0: firstZone, c0: DATA_COL, r1: lastZone, c1: DATA_COL }, message: x.pickerError }];
  return plan;
}

/** 集聚区档案 in the chosen form. */
export function buildZonePages(result: RatingResult, locale: Locale, form: ZonePageForm): SheetPlan {
  const l = planLabels(locale);
  const x = explainLabels(locale);
  const title = sheetTitle(l, "profile", result.year);
  const explainer = new RunExplainer(result);
  return form === "picker" ? buildPicker(result, explainer, l, x, locale, title) : buildPages(result, explainer, l, x, locale, title);
}

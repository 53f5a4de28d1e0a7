// Reading what earlier years left behind: last year's rated workbook (its 星级评定 and 综合排名
// sheets, found by the add-in's marker or by name), a 历年评定 history sheet, and the user's 名称对照
// table. Every row is a HistoryRow, whatever it was read from, so the engine follows one shape.
import type { HistoryRow } from "../../engine/history";
import type { Issue, StarStatus } from "../../engine/types";
import type { CellValue, Grid } from "../grid";
import { cellAddress } from "./header";
import { parseNumericText } from "./cells";
import { withoutInvisible } from "./invisible";
import { sameWord, type Words } from "./rulesLabels";
import { isSheetNamed, planLabels } from "../plan/labels";
import type { SheetKind } from "../plan/types";
import { DROPPED_MARKERS, HISTORY_COLUMNS, NAME_MAP_COLUMNS, type HistoryColumn } from "../plan/historyLabels";
import type { NameMappingRow } from "./zoneNames";

/** The kinds of result sheet a later run reads back: last year's results, the history, the user's name map. */
export const READ_BACK_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>(["stars", "ranking", "history", "nameMap"]);

/** A sheet of a workbook with the kind the add-in's marker gives it, where it has one. */
export interface KindedGrid {
  grid: Grid;
  kind?: SheetKind;
}

export interface PreviousRating {
  /** The year of last year's result sheets (their titles), where stated. */
  year?: number;
  /** Last year's results, one row per zone. */
  rows: HistoryRow[];
  /** The rated workbook's own 历年评定 rows, when it kept one. */
  history: HistoryRow[];
  issues: Issue[];
}

/** Rows searched for a header under the title block. */
const HEADER_ROWS = 6;
/** Rows searched on a result sheet, whose main table may follow a summary (counts by city and their chart). */
const RESULT_HEADER_ROWS = 200;

const ZH = planLabels("zh-CN");
const EN = planLabels("en-US");

function words(pick: (l: typeof ZH) => string): Words {
  return { zh: pick(ZH), en: pick(EN) };
}

/** The sheet of a kind: by the add-in's marker, else by its name in either language (or an earlier version's name). */
export function findKindedSheet(sheets: readonly KindedGrid[], kind: SheetKind): Grid | undefined {
  return (sheets.find((s) => s.kind === kind) ?? sheets.find((s) => s.kind === undefined && isSheetNamed(s.grid.sheet, kind)))?.grid;
}

function text(v: CellValue | undefined): string {
  if (typeof v === "string") return withoutInvisible(v).normalize("NFKC").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

function numberOf(v: CellValue | undefined): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return typeof v === "string" ? parseNumericText(v, false) : undefined;
}

/** A star level typed as 3, "3", "★★★" or "3星". */
function starsOf(v: CellValue | undefined): number | undefined {
  const t = text(v);
  const stars = /^★+$/.test(t) ? t.length : t === ZH.noStars || sameWord(t, { zh: ZH.noStars, en: EN.noStars }) ? 0 : numberOf(t.replace(/(星|星级|-star)$/i, ""));
  return stars !== undefined && Number.isInteger(stars) && stars >= 0 && stars <= 6 ? stars : undefined;
}

const STATUS_KEYS = Object.keys(ZH.statusNames) as StarStatus[];

function statusOf(v: CellValue | undefined): StarStatus | null {
  const t = text(v);
  return STATUS_KEYS.find((k) => sameWord(t, { zh: ZH.statusNames[k], en: EN.statusNames[k] }, k)) ?? null;
}

function yearOf(title: CellValue | undefined): number | undefined {
  const m = /((?:19|20)\d{2})\s*(年|\s)/.exec(`${text(title)} `);
  return m ? Number(m[1]) : undefined;
}

interface Header<K extends string> {
  row: number;
  cols: Partial<Record<K, number>>;
}

/**
 * The row of the top `depth` rows that holds every required column, with where each known column
 * sits: of several, the one holding the most known columns (a result sheet's summary block, such
 * as 综合排名's top 20, heads fewer columns than its main table), the first of those.
 */
function findHeaderRow<K extends string>(grid: Grid, columns: Record<K, Words>, required: readonly K[], depth = HEADER_ROWS): Header<K> | undefined {
  const keys = Object.keys(columns) as K[];
  let best: Header<K> | undefined;
  let bestCount = 0;
  for (let r = 0; r < Math.min(depth, grid.values.length); r++) {
    const cols: Partial<Record<K, number>> = {};
    grid.values[r].forEach((v, c) => {
      const key = typeof v === "string" ? keys.find((k) => cols[k] === undefined && sameWord(v, columns[k])) : undefined;
      if (key !== undefined) cols[key] = c;
    });
    const count = Object.keys(cols).length;
    if (required.every((k) => cols[k] !== undefined) && count > bestCount) {
      best = { row: r, cols };
      bestCount = count;
    }
  }
  return best;
}

class RowReader<K extends string> {
  constructor(
    readonly grid: Grid,
    readonly header: Header<K>,
    readonly issues: Issue[],
  ) {}
  cell(r: number, key: K): CellValue | undefined {
    const c = this.header.cols[key];
    return c === undefined ? undefined : this.grid.values[r]?.[c];
  }
  text(r: number, key: K): string {
    return text(this.cell(r, key));
  }
  /** A bad cell skips its row, with a warning at the cell, so one typo does not stop a year's import. */
  skip(r: number, key: K, column: Words): void {
    const c = this.header.cols[key] ?? 0;
    this.issues.push({ severity: "warning", code: "HISTORY_ROW_SKIPPED", sheet: this.grid.sheet, cell: cellAddress(this.grid, r, c), params: { row: this.grid.originRow + r + 1, column: column.zh, columnEn: column.en, value: text(this.grid.values[r]?.[c]) } });
  }
}

/** Competition rank within each city from the province ranks (1, 2, 2, 4), where the sheet holds none. */
function withCityRanks(rows: HistoryRow[]): HistoryRow[] {
  const byCity = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    if (row.rank === null) continue;
    const city = byCity.get(row.city);
    if (city) city.push(row);
    else byCity.set(row.city, [row]);
  }
  for (const city of byCity.values()) {
    city.sort((a, b) => a.rank! - b.rank!);
    let first = 0;
    city.forEach((row, i) => {
      if (row.rank !== city[first].rank) first = i;
      row.cityRank ??= first + 1;
    });
  }
  return rows;
}

const RESULT_COLUMNS = {
  rank: words((l) => l.rank),
  zone: words((l) => l.zone),
  city: words((l) => l.city),
  composite: words((l) => l.composite),
  starCount: words((l) => l.starCount),
  status: words((l) => l.status),
};
type ResultColumn = keyof typeof RESULT_COLUMNS;

/** Data rows of a result sheet: from under its header to the first row without a zone (a summary block follows). */
function resultRows(grid: Grid, required: readonly ResultColumn[], issues: Issue[]): { reader: RowReader<ResultColumn>; rows: number[] } | undefined {
  const header = findHeaderRow(grid, RESULT_COLUMNS, required, RESULT_HEADER_ROWS);
  if (!header) return undefined;
  const reader = new RowReader(grid, header, issues);
  const rows: number[] = [];
  for (let r = header.row + 1; r < grid.values.length && reader.text(r, "zone") !== ""; r++) rows.push(r);
  return { reader, rows };
}

/**
 * Last year's results from a workbook this product rated: 星级评定 gives each zone's level and
 * status, 综合排名 its rank and composite; its 历年评定, where kept, comes along.
 */
export function readPreviousRating(sheets: readonly KindedGrid[], file: string): PreviousRating {
  const issues: Issue[] = [];
  const starsGrid = findKindedSheet(sheets, "stars");
  const rankingGrid = findKindedSheet(sheets, "ranking");
  const historyGrid = findKindedSheet(sheets, "history");
  const history = historyGrid ? readHistorySheet(historyGrid) : { rows: [], issues: [] };
  issues.push(...history.issues);
  const stars = starsGrid ? resultRows(starsGrid, ["zone", "starCount"], issues) : undefined;
  if (!stars) {
    if (history.rows.length === 0) issues.push({ severity: "error", code: "PREV_NO_RESULTS", params: { file } });
    return { rows: [], history: history.rows, issues };
  }
  const byZone = new Map<string, HistoryRow>();
  const year = yearOf(starsGrid!.values[0]?.[0]) ?? yearOf(rankingGrid?.values[0]?.[0]);
  for (const r of stars.rows) {
    const zone = stars.reader.text(r, "zone");
    const level = starsOf(stars.reader.cell(r, "starCount"));
    if (level === undefined) {
      stars.reader.skip(r, "starCount", RESULT_COLUMNS.starCount);
      continue;
    }
    const rank = numberOf(stars.reader.cell(r, "rank"));
    byZone.set(zone, { year: year ?? 0, zone, prevNames: [], city: stars.reader.text(r, "city"), stars: level, status: statusOf(stars.reader.cell(r, "status")), rank: rank ?? null, cityRank: null, composite: null, awards: [] });
  }
  const ranking = rankingGrid ? resultRows(rankingGrid, ["zone", "rank"], issues) : undefined;
  for (const r of ranking?.rows ?? []) {
    const row = byZone.get(ranking!.reader.text(r, "zone"));
    if (!row) continue;
    row.rank = numberOf(ranking!.reader.cell(r, "rank")) ?? row.rank;
    row.composite = numberOf(ranking!.reader.cell(r, "composite")) ?? null;
  }
  const out: PreviousRating = { rows: withCityRanks([...byZone.values()]), history: history.rows, issues };
  if (year !== undefined) out.year = year;
  return out;
}

/** The 历年评定 sheet: one row per zone and year; rows it cannot read are skipped with a warning. */
export function readHistorySheet(grid: Grid): { rows: HistoryRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const header = findHeaderRow(grid, HISTORY_COLUMNS, ["year", "zone", "stars"]);
  if (!header) return { rows: [], issues };
  const reader = new RowReader<HistoryColumn>(grid, header, issues);
  const rows: HistoryRow[] = [];
  const seen = new Set<string>();
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const zone = reader.text(r, "zone");
    if (zone === "") continue;
    const year = numberOf(reader.cell(r, "year"));
    if (year === undefined || !Number.isInteger(year)) {
      reader.skip(r, "year", HISTORY_COLUMNS.year);
      continue;
    }
    const stars = starsOf(reader.cell(r, "stars"));
    if (stars === undefined) {
      reader.skip(r, "stars", HISTORY_COLUMNS.stars);
      continue;
    }
    // The first row of a zone and year stands; a copy pasted twice is no second zone.
    if (seen.has(`${year}\u0000${zone}`)) continue;
    seen.add(`${year}\u0000${zone}`);
    const split = (key: HistoryColumn) =>
      reader
        .text(r, key)
        .split(/[、,，;；]/)
        .map((s) => s.trim())
        .filter((s) => s !== "");
    rows.push({
      year,
      zone,
      prevNames: split("prevNames"),
      city: reader.text(r, "city"),
      stars,
      status: statusOf(reader.cell(r, "status")),
      rank: numberOf(reader.cell(r, "rank")) ?? null,
      cityRank: numberOf(reader.cell(r, "cityRank")) ?? null,
      composite: numberOf(reader.cell(r, "composite")) ?? null,
      awards: split("awards"),
    });
  }
  return { rows, issues };
}

/** The user's 名称对照 rows: 上年名称 → 本年名称 (or 撤销). Rows without a 本年名称 are suggestions not yet decided. */
export function readNameMap(grid: Grid): NameMappingRow[] {
  const header = findHeaderRow(grid, NAME_MAP_COLUMNS, ["prevName", "zone"]);
  if (!header) return [];
  const reader = new RowReader(grid, header, []);
  const out: NameMappingRow[] = [];
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const prevName = reader.text(r, "prevName");
    const zone = reader.text(r, "zone");
    if (prevName === "" || zone === "") continue;
    const dropped = DROPPED_MARKERS.some((m) => m.toLowerCase() === zone.toLowerCase());
    out.push({ prevName, zone: dropped ? null : zone, sheet: grid.sheet, cell: cellAddress(grid, r, header.cols.zone!) });
  }
  return out;
}

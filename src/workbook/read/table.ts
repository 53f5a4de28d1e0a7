// Reading the indicator table of one sheet into the engine's ZoneTable, with every problem as an
// issue that carries the sheet and the cell (SPEC §2, §3).
import type { Issue, RawIndicatorKey, ZoneInput, ZoneTable, RowSource } from "../../engine/types";
import { RAW_INDICATOR_KEYS } from "../../engine/types";
import { a1, parseA1, type Grid, type CellValue } from "../grid";
import { COLUMNS, acceptedSpellings, columnSpec, type ColumnKey } from "./columns";
import { cellAddress, findHeader, type HeaderMatch, type MatchedColumn } from "./header";
import { isBlankCell, isNoVetoMarker, parseNumberCell, parseTextCell, toHalfWidth, type ParsedCell } from "./cells";
import { mergedAreas, withMergedValues, type MergedArea } from "./merged";

/** Errors listed per sheet before the rest are summed up in one TOO_MANY_ERRORS issue. */
export const MAX_LISTED_ERRORS = 200;

/**
 * 合计 / 总计 / 汇总 / 全省, and the per-city subtotals officials put between cities (郑州市小计,
 * 开封市合计, 全市汇总). Anchored at the end, so a zone whose name only starts with one (汇总产业集聚区) is rated.
 */
const TOTALS = /^(.*(合计|总计|小计|汇总)|全省|total|totals|subtotal|grandtotal|sum)[:：]?$/i;
/** Notes officials write under a table (注：…, 数据来源：…), recognised only when the row has no figures. */
const NOTE = /^(注|说明|备注|数据来源|资料来源|填表人|制表|审核)/;

/** Merged areas named in the warning; the rest are counted. */
const MERGED_LISTED = 5;

/** Per-zone numbers that are not indicators: history for stars and ranks, and the score adjustments. */
const ZONE_NUMBER_KEYS = ["prevRank", "prevStars", "maxStars", "bonus", "penalty"] as const;

class IssueSink {
  readonly issues: Issue[] = [];
  private errors = 0;
  constructor(private readonly sheet: string) {}
  error(code: string, cell: string | undefined, params?: Record<string, string | number>, zone?: string): void {
    this.errors++;
    if (this.errors <= MAX_LISTED_ERRORS) this.issues.push(this.make("error", code, cell, params, zone));
  }
  warn(code: string, cell: string | undefined, params?: Record<string, string | number>, zone?: string): void {
    this.issues.push(this.make("warning", code, cell, params, zone));
  }
  get errorCount(): number {
    return this.errors;
  }
  finish(): Issue[] {
    if (this.errors > MAX_LISTED_ERRORS) {
      this.issues.push({ severity: "error", code: "TOO_MANY_ERRORS", sheet: this.sheet, params: { shown: MAX_LISTED_ERRORS, total: this.errors } });
    }
    return this.issues;
  }
  private make(severity: Issue["severity"], code: string, cell: string | undefined, params?: Record<string, string | number>, zone?: string): Issue {
    const issue: Issue = { severity, code, sheet: this.sheet };
    if (cell !== undefined) issue.cell = cell;
    if (zone !== undefined) issue.zone = zone;
    if (params !== undefined) issue.params = params;
    return issue;
  }
}

/** The assessment year from a title block above the header, e.g. "2013年度…". */
function findYear(grid: Grid, headerRow: number): number | undefined {
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r]) {
      if (typeof v !== "string") continue;
      const t = v.normalize("NFKC");
      const m = /((?:19|20)\d{2})\s*年/.exec(t) ?? /\b((?:19|20)\d{2})\b/.exec(t);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

function headerIssues(grid: Grid, header: HeaderMatch, sink: IssueSink): void {
  for (const u of header.unknownUnits) {
    sink.error("UNKNOWN_UNIT", cellAddress(grid, header.row, u.col), { header: u.header, unit: u.unit, expected: u.spec.unit });
  }
  for (const d of header.duplicates) {
    sink.warn("DUPLICATE_COLUMN", cellAddress(grid, header.row, d.col), { header: d.header, first: cellAddress(grid, header.row, header.columns.get(d.spec.key)?.col ?? d.col) });
  }
  const unknownKeys = new Set(header.unknownUnits.map((u) => u.spec.key));
  for (const spec of COLUMNS) {
    if (spec.required && !header.columns.has(spec.key) && !unknownKeys.has(spec.key)) {
      sink.error("MISSING_COLUMN_REQUIRED", cellAddress(grid, header.row, header.firstCol), { column: spec.zh[0], columnEn: spec.en[0], accepted: acceptedSpellings(spec) });
    }
  }
}

/** Says once that the merged areas meeting the table (its header row and below, its columns) were read cell by cell with their value. */
function mergedIssue(grid: Grid, header: HeaderMatch, areas: readonly MergedArea[], sink: IssueSink): void {
  const top = grid.originRow + header.row;
  const left = grid.originCol + header.firstCol;
  const right = grid.originCol + header.lastCol;
  const met = areas.filter((a) => a.range.r1 >= top && a.range.c0 <= right && a.range.c1 >= left);
  if (met.length === 0) return;
  const first = met[0].range;
  sink.warn("MERGED_CELLS_READ", a1(first.r0, first.c0), { count: met.length, areas: met.slice(0, MERGED_LISTED).map((a) => a.address).join(", ") + (met.length > MERGED_LISTED ? " …" : "") });
}

function rowIsBlank(cells: CellValue[], header: HeaderMatch): boolean {
  for (let c = header.firstCol; c <= header.lastCol; c++) if (!isBlankCell(cells[c])) return false;
  return true;
}

function onlyZoneCellFilled(cells: CellValue[], header: HeaderMatch, zoneCol: number): boolean {
  for (let c = header.firstCol; c <= header.lastCol; c++) if (c !== zoneCol && !isBlankCell(cells[c])) return false;
  return true;
}

/** 否决事项 cells that say there is no veto (无, -, N/A…): reported once for the sheet, not per cell. */
interface NoVetoMarkers {
  count: number;
  firstCell?: string;
  /** Each marker once, as typed. */
  seen: string[];
}

interface RowContext {
  grid: Grid;
  header: HeaderMatch;
  sink: IssueSink;
  row: number;
  zone: string;
  /** Column letters by grid column: every cell of a row gets an address, so build them once. */
  letters: string[];
  noVeto: NoVetoMarkers;
}

function columnLetters(grid: Grid): string[] {
  const width = grid.values[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => a1(0, grid.originCol + c).replace(/\d+$/, ""));
}

function addressIn(ctx: RowContext, col: number): string {
  return `${ctx.letters[col]}${ctx.grid.originRow + ctx.row + 1}`;
}

function readNumber(ctx: RowContext, col: MatchedColumn): number | undefined {
  const cells = ctx.grid.values[ctx.row];
  const parsed = parseNumberCell(cells[col.col], ctx.grid.numberFormats?.[ctx.row]?.[col.col], col.spec, col.factor);
  if (parsed.kind === "value") return parsed.value;
  const cell = addressIn(ctx, col.col);
  if (parsed.kind === "problem") ctx.sink.error(parsed.problem.code, cell, { ...parsed.problem.params, column: col.header }, ctx.zone);
  else if (col.spec.required) ctx.sink.error("REQUIRED_BLANK", cell, { column: col.header }, ctx.zone);
  return undefined;
}

/** Warns about a value read with a note (control characters removed) at its cell. */
function noteValue(sink: IssueSink, parsed: ParsedCell<string>, cell: string, column: string, zone: string): void {
  if (parsed.kind === "value" && parsed.note) sink.warn(parsed.note.code, cell, { ...parsed.note.params, column }, zone);
}

function readText(ctx: RowContext, col: MatchedColumn): string | undefined {
  const parsed = parseTextCell(ctx.grid.values[ctx.row][col.col]);
  const cell = addressIn(ctx, col.col);
  noteValue(ctx.sink, parsed, cell, col.header, ctx.zone);
  if (parsed.kind === "value") return parsed.value;
  if (parsed.kind === "problem") ctx.sink.error(parsed.problem.code, cell, { ...parsed.problem.params, column: col.header }, ctx.zone);
  else if (col.spec.required) ctx.sink.error("REQUIRED_BLANK", cell, { column: col.header }, ctx.zone);
  return undefined;
}

function readZoneRow(ctx: RowContext, zoneCell: string): ZoneInput {
  const { header, grid } = ctx;
  const cols = header.columns;
  const source: RowSource = { sheet: grid.sheet, row: grid.originRow + ctx.row + 1, zoneCell, cells: {} };
  const zone: ZoneInput = { zone: ctx.zone, city: "", values: {}, source };
  const city = cols.get("city");
  if (city) zone.city = readText(ctx, city) ?? "";
  const group = cols.get("group");
  if (group) {
    const g = readText(ctx, group);
    if (g !== undefined) zone.group = g;
  }
  for (const key of RAW_INDICATOR_KEYS) {
    const col = cols.get(key);
    if (!col) continue;
    source.cells[key] = addressIn(ctx, col.col);
    const v = readNumber(ctx, col);
    if (v !== undefined) zone.values[key] = v;
  }
  for (const key of ZONE_NUMBER_KEYS) {
    const col = cols.get(key);
    if (!col) continue;
    source.cells[key] = addressIn(ctx, col.col);
    const v = readNumber(ctx, col);
    if (v !== undefined) zone[key] = v;
  }
  const veto = cols.get("veto");
  if (veto) {
    source.cells.veto = addressIn(ctx, veto.col);
    const v = readText(ctx, veto);
    if (v !== undefined && isNoVetoMarker(v)) {
      ctx.noVeto.count++;
      ctx.noVeto.firstCell ??= source.cells.veto;
      if (!ctx.noVeto.seen.includes(v)) ctx.noVeto.seen.push(v);
    } else if (v !== undefined) zone.veto = v;
  }
  return zone;
}

/** The row index of the Excel table's totals row, when the table shows one. */
function totalsRowOf(grid: Grid, header: HeaderMatch): number | undefined {
  const table = grid.tables?.find((t) => t.name === header.table);
  const end = table?.totalsRow ? table.address.replace(/^.*!/, "").split(":")[1] : undefined;
  return end ? parseA1(end).row - grid.originRow : undefined;
}

function has(header: HeaderMatch, key: ColumnKey): boolean {
  return header.columns.has(key);
}

/**
 * Reads the indicator table of one sheet, each merged area's value in every cell of it. Returns a
 * table only when the sheet has no errors; all errors of the sheet are reported (the first
 * MAX_LISTED_ERRORS of them listed), warnings always.
 */
export function readIndicatorTable(input: Grid): { table?: ZoneTable; issues: Issue[] } {
  const sink = new IssueSink(input.sheet);
  const areas = mergedAreas(input);
  const grid = withMergedValues(input, areas);
  const header = findHeader(grid);
  if (!header) {
    sink.error("NO_HEADER", cellAddress(grid, 0, 0), { accepted: acceptedSpellings(columnSpec("zone")) });
    return { issues: sink.finish() };
  }
  headerIssues(grid, header, sink);
  mergedIssue(grid, header, areas, sink);
  const zoneCol = header.columns.get("zone");
  if (!zoneCol) return { issues: sink.finish() };

  const lastRow = header.lastRow ?? grid.values.length - 1;
  let lastFilled = header.row;
  for (let r = lastRow; r > header.row; r--) {
    if (!rowIsBlank(grid.values[r], header)) {
      lastFilled = r;
      break;
    }
  }
  const letters = columnLetters(grid);
  const totalsRow = totalsRowOf(grid, header);
  const noVeto: NoVetoMarkers = { count: 0, seen: [] };
  const zones: ZoneInput[] = [];
  const seen = new Map<string, string>();
  for (let r = header.row + 1; r <= lastFilled; r++) {
    const cells = grid.values[r];
    const zoneCell = cellAddress(grid, r, zoneCol.col);
    const name = parseTextCell(cells[zoneCol.col]);
    // The table's own totals row holds sums whatever its first cell says, even nothing.
    if (r === totalsRow) {
      sink.warn("TOTALS_ROW_SKIPPED", zoneCell, { value: name.kind === "value" ? name.value : "", row: grid.originRow + r + 1, table: header.table ?? "" });
      continue;
    }
    if (rowIsBlank(cells, header)) {
      sink.warn("BLANK_ROW_SKIPPED", cellAddress(grid, r, header.firstCol), { row: grid.originRow + r + 1 });
      continue;
    }
    if (name.kind === "value" && TOTALS.test(toHalfWidth(name.value).replace(/\s+/g, ""))) {
      sink.warn("TOTALS_ROW_SKIPPED", zoneCell, { value: name.value, row: grid.originRow + r + 1 });
      continue;
    }
    if (name.kind === "value" && NOTE.test(name.value) && onlyZoneCellFilled(cells, header, zoneCol.col)) {
      sink.warn("NOTE_ROW_SKIPPED", zoneCell, { value: name.value, row: grid.originRow + r + 1 });
      continue;
    }
    const ctx: RowContext = { grid, header, sink, row: r, zone: name.kind === "value" ? name.value : "", letters, noVeto };
    noteValue(sink, name, zoneCell, zoneCol.header, ctx.zone);
    if (name.kind === "problem") sink.error(name.problem.code, zoneCell, { ...name.problem.params, column: zoneCol.header });
    else if (name.kind === "blank") sink.error("REQUIRED_BLANK", zoneCell, { column: zoneCol.header });
    else {
      const first = seen.get(name.value);
      if (first !== undefined) sink.error("DUPLICATE_ZONE", zoneCell, { zone: name.value, first }, name.value);
      else seen.set(name.value, zoneCell);
    }
    zones.push(readZoneRow(ctx, zoneCell));
  }
  if (noVeto.firstCell !== undefined) {
    sink.warn("VETO_NONE_MARKERS", noVeto.firstCell, { count: noVeto.count, markers: noVeto.seen.join("、"), column: header.columns.get("veto")?.header ?? "" });
  }
  if (zones.length === 0) {
    sink.error("NO_DATA_ROWS", cellAddress(grid, header.row + 1, zoneCol.col), { header: cellAddress(grid, header.row, zoneCol.col) });
  }
  if (sink.errorCount > 0) return { issues: sink.finish() };
  const year = findYear(grid, header.row);
  const table: ZoneTable = {
    zones,
    columns: {
      indicators: RAW_INDICATOR_KEYS.filter((k: RawIndicatorKey) => has(header, k)),
      prevRank: has(header, "prevRank"),
      prevStars: has(header, "prevStars"),
      maxStars: has(header, "maxStars"),
      bonus: has(header, "bonus"),
      penalty: has(header, "penalty"),
      veto: has(header, "veto"),
      group: has(header, "group"),
    },
  };
  if (year !== undefined) table.year = year;
  return { table, issues: sink.finish() };
}

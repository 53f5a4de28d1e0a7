// A cursor over the 评定规则 sheet's grid: reads its cells as the rules' texts, numbers and choices,
// records which cell each rules path came from, and words what it cannot read as issues at their
// cells. Shared by the sheet's own sections and its year-cycle sections.
import type { Issue } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { a1, type CellValue, type Grid } from "../grid";
import { displayValue, parseNumericText } from "./cells";
import { choice, word, type Words } from "./rulesLabels";

export class SheetCursor {
  readonly issues: Issue[] = [];
  /** Validator path → A1 cell. */
  readonly cells = new Map<string, string>();
  constructor(
    readonly grid: Grid,
    readonly locale: Locale,
  ) {}

  at(r: number, c: number): string {
    return a1(this.grid.originRow + r, this.grid.originCol + c);
  }
  value(r: number, c: number): CellValue {
    return this.grid.values[r]?.[c] ?? null;
  }
  mark(path: string, r: number, c: number): void {
    this.cells.set(path, this.at(r, c));
  }
  error(code: string, r: number, c: number, params: Record<string, string | number>): void {
    this.issues.push({ severity: "error", code, sheet: this.grid.sheet, cell: this.at(r, c), params });
  }
  text(r: number, c: number, path: string, field: Words): string | undefined {
    this.mark(path, r, c);
    const v = this.value(r, c);
    const t = v === null || typeof v === "object" ? "" : String(v).trim();
    if (t === "") {
      this.error("RULES_SHEET_BLANK", r, c, { field: word(field, this.locale), path });
      return undefined;
    }
    return t;
  }
  number(r: number, c: number, path: string, field: Words, optional = false): number | null | undefined {
    this.mark(path, r, c);
    const v = this.value(r, c);
    if (typeof v === "number") return v;
    if (v === null || (typeof v === "string" && v.trim() === "")) {
      if (optional) return null;
      this.error("RULES_SHEET_BLANK", r, c, { field: word(field, this.locale), path });
      return undefined;
    }
    const n = typeof v === "string" ? parseNumericText(v, false) : undefined;
    if (n === undefined) this.error("RULES_SHEET_NOT_A_NUMBER", r, c, { field: word(field, this.locale), value: displayValue(v), path });
    return n;
  }
  pick<K extends string>(r: number, c: number, path: string, field: Words, table: Record<K, Words>): K | undefined {
    const t = this.text(r, c, path, field);
    if (t === undefined) return undefined;
    const k = choice(t, table);
    if (k === undefined) {
      const allowed = (Object.keys(table) as K[]).map((key) => word(table[key], this.locale)).join(" / ");
      this.error("RULES_SHEET_BAD_CHOICE", r, c, { field: word(field, this.locale), value: t, allowed, path });
    }
    return k;
  }
  isBlankRow(r: number): boolean {
    return (this.grid.values[r] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
  }
}

export interface Section {
  title: number;
  body: number[];
}

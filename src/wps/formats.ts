// A plan's number formats as a few rectangles: WPS's object model sets one format on a whole
// range (Range.NumberFormat takes a single string), so a column of thousands of cells must be one
// range, not thousands. Every cell holding a value or a formula gets exactly the format the plan
// resolves for it (src/workbook/plan/formats.ts, as the other hosts write it); a blank cell takes
// the format of the cells above it in its column, as it shows nothing either way.
import { resolveNumberFormats } from "../workbook/plan/formats";
import { GENERAL_FORMAT, type Rect, type SheetPlan } from "../workbook/plan/types";

export interface FormatArea {
  rect: Rect;
  format: string;
}

interface Run {
  r0: number;
  r1: number;
  format: string;
}

/** Rows resolved at a time: the formats of a 100,000-row sheet are never all held at once. */
const CHUNK_ROWS = 4096;

function sameRuns(a: Run[], b: Run[]): boolean {
  return a.length === b.length && a.every((run, i) => run.r0 === b[i].r0 && run.r1 === b[i].r1 && run.format === b[i].format);
}

/**
 * Each column's runs of one format over the cells that matter (those holding a value or a formula),
 * a blank cell joining the run above it (at the top, the run below).
 */
function columnRuns(plan: SheetPlan, height: number, width: number): Run[][] {
  const formulaFormats = new Map<number, string>();
  for (const f of plan.formulas ?? []) formulaFormats.set(f.row * width + f.col, f.format ?? GENERAL_FORMAT);
  const runs: Run[][] = Array.from({ length: width }, () => []);
  for (let r0 = 0; r0 < height; r0 += CHUNK_ROWS) {
    const r1 = Math.min(height - 1, r0 + CHUNK_ROWS - 1);
    const resolved = resolveNumberFormats(plan, r0, r1);
    for (let r = r0; r <= r1; r++) {
      const row = plan.values[r];
      for (let c = 0; c < width; c++) {
        const format = formulaFormats.get(r * width + c) ?? (row[c] === null ? undefined : resolved[r - r0][c]);
        if (format === undefined) continue;
        const list = runs[c];
        const last = list[list.length - 1];
        if (last && last.format === format) continue;
        if (last) last.r1 = r - 1;
        list.push({ r0: last ? r : 0, r1: r, format });
      }
    }
  }
  for (const list of runs) if (list.length > 0) list[list.length - 1].r1 = height - 1;
  return runs;
}

/** The plan's values block as rectangles of one number format each; neighbouring columns with the same runs share rectangles. */
export function formatAreas(plan: SheetPlan): FormatArea[] {
  const height = plan.values.length;
  const width = plan.values[0]?.length ?? 0;
  if (height === 0 || width === 0) return [];
  const runs = columnRuns(plan, height, width);
  const areas: FormatArea[] = [];
  let c0 = 0;
  for (let c = 1; c <= width; c++) {
    if (c < width && sameRuns(runs[c], runs[c0])) continue;
    for (const run of runs[c0]) areas.push({ rect: { r0: run.r0, c0, r1: run.r1, c1: c - 1 }, format: run.format });
    c0 = c;
  }
  return areas;
}

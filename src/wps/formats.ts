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

/** Each column's runs of one format over the cells that matter, blank cells joining the run above (or, at the top, below). */
function columnRuns(wanted: Array<Array<string | undefined>>, col: number, height: number): Run[] {
  const runs: Run[] = [];
  for (let r = 0; r < height; r++) {
    const format = wanted[r][col];
    if (format === undefined) continue;
    const last = runs[runs.length - 1];
    if (last && last.format === format) continue;
    if (last) last.r1 = r - 1;
    runs.push({ r0: last ? r : 0, r1: r, format });
  }
  if (runs.length > 0) runs[runs.length - 1].r1 = height - 1;
  return runs;
}

function sameRuns(a: Run[], b: Run[]): boolean {
  return a.length === b.length && a.every((run, i) => run.r0 === b[i].r0 && run.r1 === b[i].r1 && run.format === b[i].format);
}

/** The plan's values block as rectangles of one number format each; neighbouring columns with the same runs share rectangles. */
export function formatAreas(plan: SheetPlan): FormatArea[] {
  const height = plan.values.length;
  const width = plan.values[0]?.length ?? 0;
  if (height === 0 || width === 0) return [];
  const resolved = resolveNumberFormats(plan, 0, height - 1);
  const wanted: Array<Array<string | undefined>> = resolved.map((row, r) => row.map((format, c) => (plan.values[r][c] === null ? undefined : format)));
  for (const f of plan.formulas ?? []) wanted[f.row][f.col] = f.format ?? GENERAL_FORMAT;
  const areas: FormatArea[] = [];
  let c0 = 0;
  let runs = columnRuns(wanted, 0, height);
  for (let c = 1; c <= width; c++) {
    const next = c < width ? columnRuns(wanted, c, height) : undefined;
    if (next && sameRuns(next, runs)) continue;
    for (const run of runs) areas.push({ rect: { r0: run.r0, c0, r1: run.r1, c1: c - 1 }, format: run.format });
    if (next) runs = next;
    c0 = c;
  }
  return areas;
}

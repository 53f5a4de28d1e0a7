// Which Excel loads the add-in, proved offline: every Office.js member the code uses is within the
// manifest's minimum or behind a runtime check with a fallback; the minimum cannot go lower; the
// README's table is the code's; the fake Excel refuses members below the sets the typings give.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { declaredRequirement, formatMarkdown, manifestMinimums, scanApiUses, violations, type ApiUse, type ScanResult } from "../scripts/api-sets";
import { MEMBER_SETS } from "./fake-excel";

const ROOT = join(__dirname, "..");
const minimums = manifestMinimums(readFileSync(join(ROOT, "manifest.xml"), "utf8"));

describe("the add-in's code against the manifest", () => {
  let scan: ScanResult;
  beforeAll(() => {
    scan = scanApiUses();
  }, 120_000);

  test("every use above the manifest's minimum is gated, with a fallback; nothing the checker cannot read", () => {
    expect(minimums.get("ExcelApi")).toBe("1.2");
    expect(scan.problems).toEqual([]);
    expect(violations(scan.uses, minimums).map((v) => `${v.use.member} ${v.use.file}:${v.use.line}: ${v.reason}`)).toEqual([]);
  });

  test("the minimum is as low as the code allows: at ExcelApi 1.1 exactly the 1.2 members would be ungated", () => {
    const below = violations(scan.uses, new Map([["ExcelApi", "1.1"]]));
    expect([...new Set(below.map((v) => v.use.member + (v.use.access === "write" ? " (set)" : "")))].sort()).toEqual([
      "Excel.Range.merge",
      "Excel.RangeFormat.columnWidth (set)",
      "Excel.RangeFormat.rowHeight (set)",
      "Excel.Worksheet.getUsedRange(valuesOnly)",
      "Excel.Worksheet.visibility (set)",
    ]);
  });

  test("the runtime checks found are the capabilities', the dialog's and the document settings'", () => {
    const gates = new Set(scan.uses.flatMap((u) => u.gates.map((g) => `${g.requirement.set} ${g.requirement.version}`)));
    expect([...gates].sort()).toEqual(["DialogApi 1.1", "ExcelApi 1.12", "ExcelApi 1.4", "ExcelApi 1.7", "ExcelApi 1.8", "ExcelApi 1.9", "Settings 1.1"]);
  });

  test("the README shows the table `npm run api-sets -- --markdown` prints", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = /<!-- api-sets:begin -->\n([\s\S]*?)\n<!-- api-sets:end -->/.exec(readme);
    expect(section).not.toBeNull();
    expect(section![1].trim()).toBe(formatMarkdown(scan.uses, minimums).trim());
  });
});

test("the fake Excel's requirement sets are the ones @types/office-js gives", () => {
  for (const [member, version] of Object.entries(MEMBER_SETS)) expect({ member, requirement: declaredRequirement(member) }).toEqual({ member, requirement: { set: "ExcelApi", version } });
});

describe("the checker on small sources", () => {
  const FIXTURES: Record<string, string> = {
    "ungated.ts": `export function f(ws: Excel.Worksheet): void { ws.pageLayout.orientation = "Portrait"; }`,
    "checkedWithElse.ts": `export function f(ws: Excel.Worksheet, notes: string[]): void {
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) ws.pageLayout.orientation = "Portrait";
      else notes.push("print setup skipped");
    }`,
    "checkedNoFallback.ts": `export function f(ws: Excel.Worksheet): void {
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) ws.pageLayout.orientation = "Portrait";
    }`,
    "checkedTooLow.ts": `export function f(ws: Excel.Worksheet, notes: string[]): void {
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.8")) ws.pageLayout.orientation = "Portrait";
      else notes.push("print setup skipped");
    }`,
    "earlyExit.ts": `export function f(ws: Excel.Worksheet): void {
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
      ws.pageLayout.orientation = "Portrait";
    }`,
    "flags.ts": `interface Caps {
        /** @fallback print setup is skipped */
        layout: boolean;
        bare: boolean;
        loose: boolean;
      }
      const check = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
      export function caps(): Caps {
        return { layout: Office.context.requirements.isSetSupported("ExcelApi", "1.9"), bare: Office.context.requirements.isSetSupported("ExcelApi", "1.9"), loose: check("1.9") };
      }
      export function f(ws: Excel.Worksheet, c: Caps): Excel.PageLayout | undefined {
        if (c.layout) ws.pageLayout.orientation = "Portrait";
        if (c.bare) ws.pageLayout.paperSize = "A4";
        if (c.loose) ws.pageLayout.centerHorizontally = true;
        return c.layout && ws.pageLayout.zoom.scale === 1 ? ws.pageLayout : undefined;
      }`,
    "access.ts": `export function f(ws: Excel.Worksheet): string {
      ws.visibility = "VeryHidden";
      ws.getUsedRange(true);
      ws.getUsedRange();
      return ws.visibility;
    }`,
    "loads.ts": `export function f(ws: Excel.Worksheet, prop: string): void {
      ws.load("nmae");
      ws.load(prop);
      ws.tables.load("items/name,items/showTotals");
    }`,
    "wiring.ts": `export const good = { isSetSupported: (s: string, v: string) => Office.context.requirements.isSetSupported(s, v) };
      export const bad = { isSetSupported: (_s: string, _v: string) => true };`,
  };
  let dir: string;
  let scan: ScanResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "api-sets-"));
    for (const [name, text] of Object.entries(FIXTURES)) writeFileSync(join(dir, name), text);
    scan = scanApiUses({ root: dir, files: Object.keys(FIXTURES).map((f) => join(dir, f)) });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const flagged = (file: string): string[] =>
    violations(scan.uses.filter((u) => u.file === file), minimums)
      .map((v) => `${v.use.member}: ${v.reason.startsWith("checked by") ? "no fallback" : "ungated"}`)
      .sort();
  const uses = (file: string): ApiUse[] => scan.uses.filter((u) => u.file === file);

  test("a member above the minimum with no check around it is a violation", () => {
    expect(flagged("ungated.ts")).toEqual(["Excel.PageLayout.orientation: ungated", "Excel.Worksheet.pageLayout: ungated"]);
  });

  test("an isSetSupported check passes with an else or an early exit, not alone, and not for a lower version", () => {
    expect(flagged("checkedWithElse.ts")).toEqual([]);
    expect(flagged("earlyExit.ts")).toEqual([]);
    expect(flagged("checkedNoFallback.ts")).toEqual(["Excel.PageLayout.orientation: no fallback", "Excel.Worksheet.pageLayout: no fallback"]);
    expect(flagged("checkedTooLow.ts")).toEqual(["Excel.PageLayout.orientation: ungated", "Excel.Worksheet.pageLayout: ungated"]);
  });

  test("a flag counts when every assignment is a check, and passes with its @fallback, in an if, a && or a ?:", () => {
    // c.bare has no @fallback; c.loose is not a flag, since one of its assignments is not a check.
    expect(flagged("flags.ts")).toEqual([
      "Excel.PageLayout.centerHorizontally: ungated",
      "Excel.PageLayout.paperSize: no fallback",
      "Excel.Worksheet.pageLayout: no fallback",
      "Excel.Worksheet.pageLayout: ungated",
    ]);
    expect(uses("flags.ts").filter((u) => u.member === "Excel.PageLayoutZoomOptions.scale")[0].gates.map((g) => g.by)).toEqual(["c.layout"]);
  });

  test("a write takes the set the typings give for setting; an argument its parameter's set", () => {
    const found = uses("access.ts").map((u) => `${u.member} ${u.access} ${u.requirement?.version}`);
    expect(found).toEqual([
      "Excel.Worksheet.visibility write 1.2",
      "Excel.Worksheet.getUsedRange call 1.1",
      "Excel.Worksheet.getUsedRange(valuesOnly) argument 1.2",
      "Excel.Worksheet.getUsedRange call 1.1",
      "Excel.Worksheet.visibility read 1.1",
    ]);
  });

  test("load() paths are members too; a misspelt or computed one is reported", () => {
    expect(uses("loads.ts").filter((u) => u.access === "load").map((u) => u.member)).toEqual(["Excel.TableCollection.items", "Excel.Table.name", "Excel.TableCollection.items", "Excel.Table.showTotals"]);
    expect(scan.problems.filter((p) => p.startsWith("loads.ts")).map((p) => p.replace(/^loads\.ts:\d+: /, ""))).toEqual([
      'load path "nmae" names no member "nmae" of Worksheet',
      "load() with an argument other than a string literal cannot be checked",
    ]);
  });

  test("an injected isSetSupported must forward to Office's own", () => {
    expect(scan.problems.filter((p) => p.startsWith("wiring.ts"))).toEqual([expect.stringMatching(/^wiring\.ts:2: isSetSupported is wired to something other than/)]);
  });
});

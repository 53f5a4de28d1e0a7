// The host contract on the Office.js host over the fake Excel.
import { MARKER_KEY, REGISTRY_SHEET } from "../../src/excel/marker";
import { createOfficeRatingHost } from "../../src/excel/officeHost";
import { createFakeExcel, FakeWorkbook, sheetSnapshot, type FakeSheet } from "../fake-excel";
import { describeHostContract, sheetReading, type HostEnv } from "./contract";

function excelEnv(wb: FakeWorkbook): HostEnv {
  const excel = createFakeExcel(wb);
  const host = createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  const sheet = (name: string): FakeSheet => {
    const s = wb.getSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const visible = () => wb.sheets.filter((s) => s.visibility === "Visible");
  const registryKind = (s: FakeSheet): string | undefined => {
    const registry = wb.getSheet(REGISTRY_SHEET);
    const rect = registry?.usedRect();
    if (!registry || !rect) return undefined;
    for (let r = rect.r0; r <= rect.r1; r++) if (registry.cellAt(r, 0)?.value === s.id) return String(registry.cellAt(r, 1)?.value);
    return undefined;
  };
  return {
    host,
    addSheet: (name, rows = [], numberFormats) => wb.addSheet(name, rows, numberFormats ? { numberFormats } : {}).id,
    setCell: (name, address, value) => wb.setCell(name, address, value),
    renameSheet: (from, to) => (sheet(from).name = to),
    sheetNames: () => visible().map((s) => s.name),
    has: (name) => wb.getSheet(name) !== undefined,
    sheetId: (name) => sheet(name).id,
    ...sheetReading(sheet),
    snapshot: (name) => sheetSnapshot(sheet(name)),
    // The registry's cells are sheet ids, new ones on each run as in Excel: it is no user's sheet.
    snapshotAll: () => visible().map(sheetSnapshot),
    activeSheet: () => wb.activeSheet,
    activate: (name) => (wb.activeSheet = name),
    selection: () => wb.selection,
    markedKind: (name) => sheet(name).customProperties.get(MARKER_KEY) ?? registryKind(sheet(name)),
    validationCount: (name) => sheet(name).dataValidations.length,
    printSetup: (name) => {
      const p = sheet(name).pageLayout;
      return {
        ...(p.orientation ? { orientation: p.orientation === "Landscape" ? ("landscape" as const) : ("portrait" as const) } : {}),
        ...(p.paperSize === "A4" ? { paper: "A4" as const } : {}),
        ...(p.printTitleRows ? { titleRows: p.printTitleRows } : {}),
        ...(p.centerFooter !== undefined ? { footer: p.centerFooter } : {}),
        fitToWidth: p.zoom?.horizontalFitToPages === 1,
      };
    },
    pageBreaks: (name) => [...sheet(name).pageBreaks].sort((a, b) => a - b),
    rowHeight: (name, row) => sheet(name).rowHeights.get(row),
    frozen: (name) => ({ rows: sheet(name).frozenRows, cols: sheet(name).frozenColumns }),
    charts: (name) => sheet(name).charts.map((c) => (c.title !== undefined ? { title: c.title } : {})),
    eventsDelivered: () => wb.eventsDelivered(),
    listenerCount: () => wb.eventHandlers.size,
    // Syncs 1–2 read; the 3rd (the write) fails after 40 operations.
    failingHost: () => createOfficeRatingHost({ run: createFakeExcel(wb, { failure: { sync: 3, afterOps: 40 } }).run, isSetSupported: () => true }),
  };
}

describeHostContract({
  name: "Excel (Office.js)",
  setup: (rows, numberFormats, sheet = "指标数据") => {
    const wb = new FakeWorkbook();
    wb.addSheet(sheet, rows, numberFormats ? { numberFormats } : {});
    return excelEnv(wb);
  },
});

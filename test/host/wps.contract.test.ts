// The host contract on the WPS host over the fake WPS 表格.
import { markerKind, sheetOfRef } from "../../src/workbook/markers";
import { createWpsRatingHost } from "../../src/wps/wpsHost";
import { createFakeWps, sheetSnapshot, WpsWorkbook, type WpsSheet } from "../fake-wps";
import { describeHostContract, sheetReading, type HostEnv } from "./contract";

function wpsEnv(wb: WpsWorkbook): HostEnv {
  const wps = createFakeWps(wb);
  const host = createWpsRatingHost(wps.application);
  const sheet = (name: string): WpsSheet => {
    const s = wb.getSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const visible = () => wb.sheets.filter((s) => s.visible === -1);
  return {
    host,
    addSheet: (name, rows = [], numberFormats) => wb.addSheet(name, rows, numberFormats ? { numberFormats } : {}).name,
    setCell: (name, address, value) => wb.setCell(name, address, value),
    renameSheet: (from, to) => wb.renameSheet(from, to),
    sheetNames: () => visible().map((s) => s.name),
    has: (name) => wb.getSheet(name) !== undefined,
    sheetId: (name) => sheet(name).name,
    ...sheetReading(sheet),
    snapshot: (name) => sheetSnapshot(sheet(name)),
    snapshotAll: () => visible().map(sheetSnapshot),
    activeSheet: () => wb.activeSheet,
    activate: (name) => (wb.activeSheet = name),
    selection: () => (wb.activeSheet === undefined ? undefined : { sheet: wb.activeSheet, cell: sheet(wb.activeSheet).selection }),
    markedKind: (name) => {
      const marker = wb.names.find((n) => markerKind(n.name) !== undefined && sheetOfRef(n.refersTo) === name);
      return marker ? markerKind(marker.name) : undefined;
    },
    validationCount: (name) => sheet(name).validations.length,
    printSetup: (name) => {
      const p = sheet(name).pageSetup;
      return {
        ...(p.Orientation !== undefined ? { orientation: p.Orientation === 2 ? ("landscape" as const) : ("portrait" as const) } : {}),
        ...(p.PaperSize === 9 ? { paper: "A4" as const } : {}),
        ...(typeof p.PrintTitleRows === "string" ? { titleRows: p.PrintTitleRows } : {}),
        ...(typeof p.CenterFooter === "string" ? { footer: p.CenterFooter } : {}),
        fitToWidth: p.Zoom === false && p.FitToPagesWide === 1,
      };
    },
    pageBreaks: (name) => [...sheet(name).pageBreaks].sort((a, b) => a - b),
    rowHeight: (name, row) => sheet(name).rowHeights.get(row),
    frozen: (name) => {
      const w = sheet(name).window;
      return w.freezePanes ? { rows: w.splitRow, cols: w.splitColumn } : { rows: 0, cols: 0 };
    },
    charts: (name) => sheet(name).charts.map((c) => (c.title !== undefined ? { title: c.title } : {})),
    eventsDelivered: () => Promise.resolve(),
    listenerCount: () => wps.fake.listenerCount(),
    // The third sheet's values fail to arrive: two sheets are already written under temporary names.
    failingHost: () => createWpsRatingHost(createFakeWps(wb, { failure: { member: "Range.Value2 (set)", nth: 3 } }).application),
  };
}

describeHostContract({
  name: "WPS 表格",
  setup: (rows, numberFormats, sheet = "指标数据") => {
    const wb = new WpsWorkbook();
    wb.addSheet(sheet, rows, numberFormats ? { numberFormats } : {});
    return wpsEnv(wb);
  },
});

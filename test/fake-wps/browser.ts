// The fake WPS for the browser tests: bundled (esbuild, one classic script) and run before the WPS
// pages' own scripts, it gives the page window.Application over a workbook holding the bundled
// sample, as WPS gives an add-in's pages its object model. `window.fakeWps` lets the test look at
// and edit that workbook as an official would.
import sample from "../../samples/henan-zones-sample.json";
import type { Grid } from "../../src/workbook/grid";
import { createFakeWps, WpsWorkbook } from ".";

const workbook = new WpsWorkbook("henan-zones-sample.xlsx");
for (const grid of sample as Grid[]) {
  workbook.addSheet(grid.sheet, grid.values, { originRow: grid.originRow, originCol: grid.originCol, ...(grid.numberFormats ? { numberFormats: grid.numberFormats } : {}), ...(grid.tables ? { tables: grid.tables } : {}) });
}
const wps = createFakeWps(workbook);
Object.assign(window, { Application: wps.application, wps: wps.application, fakeWps: { workbook, fake: wps.fake } });

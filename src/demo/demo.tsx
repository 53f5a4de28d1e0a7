// The browser demo: the real task pane, over the real Office adapter, over the in-browser fake
// Excel loaded with the sample workbook, beside a plain view of that workbook.
import { useEffect, useRef } from "react";
import { createRoot } from "react-dom/client";
import sample from "../../samples/henan-zones-sample.json";
import { FakeWorkbook, createFakeExcel } from "../../test/fake-excel";
import type { RatingHost } from "../host/host";
import { createOfficeRatingHost } from "../excel/officeHost";
import { localeFromOfficeLanguage } from "../i18n/locale";
import { startPane } from "../excel/startPane";
import type { Grid } from "../workbook/grid";
import { demoStrings } from "./demoStrings";
import { installOfficeStub } from "./officeStub";
import { WorkbookView } from "./WorkbookView";

function loadSample(grids: Grid[]): FakeWorkbook {
  const workbook = new FakeWorkbook();
  for (const grid of grids) {
    workbook.addSheet(grid.sheet, grid.values, { originRow: grid.originRow, originCol: grid.originCol, numberFormats: grid.numberFormats, tables: grid.tables });
  }
  return workbook;
}

function main(): void {
  const displayLanguage = new URLSearchParams(window.location.search).get("lang") ?? "zh-CN";
  const locale = localeFromOfficeLanguage(displayLanguage);
  const strings = demoStrings(locale);
  const workbook = loadSample(sample as Grid[]);
  const excel = createFakeExcel(workbook);
  installOfficeStub(displayLanguage, excel.isSetSupported);
  // Left reachable from the browser console (and the end-to-end tests) to inspect what the pane wrote.
  (window as unknown as { demoWorkbook: FakeWorkbook }).demoWorkbook = workbook;

  const createHost = () => createOfficeRatingHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  const shell = document.getElementById("demo");
  if (!shell) throw new Error("demo.html has no #demo element");
  const otherLanguage = locale === "zh-CN" ? "en-US" : "zh-CN";
  createRoot(shell).render(
    <>
      <header className="banner">
        <span>{strings.banner}</span>
        <a href={`?lang=${otherLanguage}`} lang={otherLanguage}>
          {strings.switchLanguage}
        </a>
      </header>
      <div className="split">
        <WorkbookView workbook={workbook} strings={strings} />
        <PaneSlot label={strings.paneLabel} createHost={createHost} />
      </div>
    </>,
  );
}

/** Mounts the pane in its own React root, as in Excel where it lives in its own page. */
function PaneSlot({ label, createHost }: { label: string; createHost: () => RatingHost }) {
  const slot = useRef<HTMLElement>(null);
  useEffect(() => {
    const container = slot.current;
    if (!container) return undefined;
    const mounted = startPane(container, createHost);
    return () => void mounted.then((root) => root.unmount());
  }, [createHost]);
  return <aside className="pane" ref={slot} aria-label={label} />;
}

main();

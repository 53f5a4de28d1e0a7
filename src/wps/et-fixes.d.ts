/// <reference types="et-jsapi-declare" />
// Where et-jsapi-declare 2.5.0 is wrong or silent for what src/wps uses. Its types are generated
// from WPS's C++ by static analysis and "may be missing or inaccurate" (its base.d.ts); each fix
// below says what the declaration gets wrong. src/wps reaches these members through the types
// here, everything else through Et.* and WPS.* as declared.
declare namespace WpsFix {
  /**
   * window.Application, as index.d.ts's WPSMergedRoot, except: ActiveWorkbook is null while no
   * workbook is open (WPS's start page), and the event and storage members below.
   */
  type Application = Omit<WPS.AddonRoot & WPS.EtAddonRoot & Et.Application, "ActiveWorkbook" | "ApiEvent" | "PluginStorage"> & {
    readonly ActiveWorkbook: Et.Workbook | null;
    readonly ApiEvent: ApiEvent;
    readonly PluginStorage: PluginStorage;
  };

  /** A cell as Range.Value2 reads it: undefined (or "") when empty. Declared `string`. */
  type CellValue = string | number | boolean | null | undefined;

  /** Range.Value2: one cell's value, or rows of values for a larger range. Declared `string | Array<any>`. */
  type Value2 = CellValue | CellValue[][];

  /** Range.NumberFormat: null where the cells' formats differ (as in Excel). Declared `string`. */
  type NumberFormat = string | null;

  /** Sheets.Item(name or position) is one sheet. Declared `Worksheet | Sheets`. */
  type Worksheet = Et.Worksheet;

  /** Chart.SeriesCollection(i) is one series. Declared as the collection. */
  type Series = Kso.MsoSeries;

  /** Chart.Axes(type) is one axis. Declared `Kso.Axes`. */
  type Axis = Kso.MsoAxis;

  /**
   * ApiEvent: SheetChange's second argument is the changed Range (declared `EtWorkSheet`, a typo);
   * only the three events src/wps follows are listed.
   */
  interface ApiEvent {
    AddApiEventListener(name: "SheetChange", callback: (sheet: Et.Worksheet, target: Et.Range) => void): void;
    AddApiEventListener(name: "WorkbookNewSheet", callback: (workbook: Et.Workbook, sheet: Et.Worksheet) => void): void;
    AddApiEventListener(name: "SheetBeforeDelete", callback: (sheet: Et.Worksheet) => void): void;
    RemoveApiEventListener(name: "SheetChange" | "WorkbookNewSheet" | "SheetBeforeDelete", callback?: (...args: never[]) => void): void;
  }

  /** PluginStorage.getItem of a key never set: nothing (null, as Web Storage gives; unverified). Declared `string`. */
  interface PluginStorage {
    setItem(key: string, value: number | boolean | string): void;
    getItem(key: string): string | null | undefined;
  }

  /** What a ribbon callback receives: not declared at all. `Id` is the control's id in ribbon.xml. */
  interface RibbonControl {
    readonly Id: string;
    readonly Tag?: string;
  }
}

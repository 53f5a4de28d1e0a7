// The numbers behind the enumerations src/wps uses. et-jsapi-declare declares them as ambient
// enums, which have no value at run time (Et.XlSheetVisibility.xlSheetVisible would throw a
// ReferenceError), so they are written out here: Excel's values, which WPS's ET object model
// keeps (each is the same number in et-jsapi-declare's lib.et.d.ts / lib.kso.d.ts).
export const XL = {
  sheetVisible: -1,
  alignLeft: -4131,
  alignCenter: -4108,
  alignRight: -4152,
  lineContinuous: 1,
  borderThin: 2,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  columnStacked: 52,
  barClustered: 57,
  barStacked: 58,
  byColumns: 2,
  categoryAxis: 1,
  valueAxis: 2,
  validateWholeNumber: 1,
  validateDecimal: 2,
  validateList: 3,
  alertStop: 1,
  between: 1,
  greaterOrEqual: 7,
  msoFalse: 0,
  /** Kso.MsoCTPDockPosition: the task pane docked on the right. */
  dockRight: 2,
} as const;

// The workbook the add-in works on: WPS's active one.

/** The open workbook; a clear error where WPS shows none (its start page). */
export function activeWorkbook(app: WpsFix.Application): Et.Workbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error("请先打开或新建一个工作簿。No workbook is open: open or create one first.");
  return wb;
}

// How the Excel add-in recognises its own sheets without trusting their names: a worksheet custom
// property (ExcelApi 1.12) on each sheet, and a very hidden registry sheet of sheet ids, which also
// works on older Excel and lets a run skip reading its own (large) result sheets.

/** Custom property key; its value is the sheet's kind. */
export const MARKER_KEY = "ZoneRatingAddin.kind";

/** The very hidden sheet listing [sheet id, kind] of every sheet the add-in made. */
export const REGISTRY_SHEET = "ZoneRatingAddin.registry";

/** The registry row ["preset", id] keeps the rule preset of the last run (sheet ids never read "preset"). */
export const PRESET_ROW = "preset";

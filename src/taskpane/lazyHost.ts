import type { RatingHost } from "../host/host";

/**
 * A host whose implementation (the engine, the sheet plans, the Office adapter: most of the code)
 * arrives in its own chunk, so the pane can draw before that code is parsed. Loading starts at once;
 * every call waits for it, and a failed load rejects the call like any other host failure.
 */
export function lazyHost(load: () => Promise<RatingHost>): RatingHost {
  const loaded = load();
  // Each call reports a failed load itself; this keeps the early rejection from counting as unhandled.
  loaded.catch(() => undefined);
  return {
    overview: (locale, presetId) => loaded.then((h) => h.overview(locale, presetId)),
    run: (options) => loaded.then((h) => h.run(options)),
    insertRulesSheet: (presetId, locale) => loaded.then((h) => h.insertRulesSheet(presetId, locale)),
    insertSampleSheet: (locale) => loaded.then((h) => h.insertSampleSheet(locale)),
    removeResultSheets: () => loaded.then((h) => h.removeResultSheets()),
    selectCell: (sheet, cell) => loaded.then((h) => h.selectCell(sheet, cell)),
    readInput: (options) => loaded.then((h) => h.readInput(options)),
    writeRobustnessSheet: (result, locale) => loaded.then((h) => h.writeRobustnessSheet(result, locale)),
    importPrevious: (previous, locale) => loaded.then((h) => (h.importPrevious ? h.importPrevious(previous, locale) : Promise.reject(new Error("importPrevious")))),
    watchSheets: (listener) => loaded.then((h) => h.watchSheets(listener)),
  };
}

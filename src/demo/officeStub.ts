// The demo runs without Office.js (no network): this installs the few members of the `Office`
// global the pane touches, with the display language taken from ?lang=. The document settings are
// kept in memory, as the in-browser workbook is: both start afresh when the page is reloaded.
type IsSetSupported = (name: string, minVersion: string) => boolean;

export function installOfficeStub(displayLanguage: string, isSetSupported: IsSetSupported): void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const stored = new Map<string, unknown>();
  const settings = {
    get: (name: string) => (stored.has(name) ? stored.get(name) : null),
    set: (name: string, value: unknown) => void stored.set(name, value),
    saveAsync: (callback?: (result: { status: string }) => void) => callback?.({ status: "succeeded" }),
  };
  const office = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    // Excel on the web, which the demo stands for, has the common Settings set; the Excel sets are the fake's.
    context: { displayLanguage, requirements: { isSetSupported: (name: string, version: string) => name === "Settings" || isSetSupported(name, version) }, document: { settings } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
}

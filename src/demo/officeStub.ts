// The demo runs without Office.js (no network): this installs the few members of the `Office`
// global the pane touches, with the display language taken from ?lang=.
type IsSetSupported = (name: string, minVersion: string) => boolean;

export function installOfficeStub(displayLanguage: string, isSetSupported: IsSetSupported): void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const office = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: { displayLanguage, requirements: { isSetSupported } },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
}

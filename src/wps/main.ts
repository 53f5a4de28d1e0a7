// The add-in's main page script (index.html, which WPS loads before it reads ribbon.xml). WPS looks
// the ribbon's callbacks up by name on this page's window, so they are put there first thing, as
// the script runs: none waits for anything, none is async.
import { localeFromOfficeLanguage } from "../i18n/locale";
import type { RatingHost } from "../host/host";
import { createRibbon } from "./ribbon";

const app = window.Application as unknown as WpsFix.Application;
let host: Promise<RatingHost> | undefined;
const ribbon = createRibbon({
  app,
  baseUrl: document.baseURI,
  locale: localeFromOfficeLanguage(navigator.language),
  // The engine and the sheet plans load on the first button that needs them, not with WPS.
  host: () => (host ??= import(/* webpackChunkName: "rating" */ "./wpsHost").then((m) => m.createWpsRatingHost(app))),
  tell: (text) => window.alert(text),
});
Object.assign(window, { OnAddinLoad: ribbon.OnAddinLoad, OnAction: ribbon.OnAction, GetImage: ribbon.GetImage });

// Entry of the task pane inside Excel: Office.js from Microsoft's CDN, the Office adapter as host.
import { lazyHost } from "./lazyHost";
import { startPane } from "../excel/startPane";

const container = document.getElementById("container");
if (container) {
  void startPane(container, () =>
    lazyHost(async () => {
      const { createOfficeRatingHost } = await import(/* webpackChunkName: "rating" */ "../excel/officeHost");
      return createOfficeRatingHost({
        run: Excel.run,
        isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
      });
    }),
  );
}

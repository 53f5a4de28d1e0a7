// Entry of the task pane inside Excel: Office.js from Microsoft's CDN, the Office adapter as host.
import { createOfficeRatingHost } from "../excel/officeHost";
import { startPane } from "./mount";

const container = document.getElementById("container");
if (container) {
  void startPane(container, () =>
    createOfficeRatingHost({
      run: Excel.run,
      isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    }),
  );
}

// The first script of every page Office opens: loads office.js, then the page's own scripts (listed in
// this script's data-app attribute), so the app never runs before `Office` exists.
//
// office.js comes from Microsoft's CDN, as Microsoft asks, whenever the CDN answers; on an intranet
// that cannot reach it, from the copy of @microsoft/office-js served beside the add-in. Only one of
// the two is ever added to the page: a CDN copy arriving late, after the local one, would initialise
// Office a second time under the running pane. So the CDN is probed first (a HEAD request, abandoned
// after CDN_TIMEOUT_MS, since a firewall that drops packets would otherwise keep the pane waiting for
// minutes), and only then is one office.js script added. office.js finds its own files (host and
// locale scripts) next to the first script whose address ends in office.js, which is why a CDN
// script that failed is removed before the local one goes in.

const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "office-js/office.js";
const CDN_TIMEOUT_MS = 5000;

const FAILURE_TEXT =
  "无法加载 Office JavaScript API（office.js）：请检查网络连接，或请管理员检查加载项服务器上的 office-js 文件夹。" +
  " Office.js could not be loaded: check the network, or ask your administrator to check the office-js folder on the add-in's server.";

/** Adds a script at the end of <head>; scripts added this way run in the order they were added. */
function appendScript(src: string): HTMLScriptElement {
  const script = document.createElement("script");
  script.src = src;
  script.async = false;
  document.head.appendChild(script);
  return script;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = appendScript(src);
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`${src} did not load`));
    };
  });
}

/** Whether the CDN answers at all (any HTTP status) within the time limit. */
async function cdnAnswers(): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CDN_TIMEOUT_MS);
  try {
    // no-cors: the answer is opaque, but that it arrives is all this needs to know.
    await fetch(CDN_OFFICE_JS, { method: "HEAD", mode: "no-cors", cache: "no-store", signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** office.js ran: a proxy that answers with its own page (a block notice, a login form) loads, but defines nothing. */
function officeDefined(): boolean {
  const office = (window as unknown as { Office?: { onReady?: unknown } }).Office;
  return typeof office === "object" && office !== null && typeof office.onReady === "function";
}

async function loadOfficeJs(): Promise<void> {
  if (await cdnAnswers()) {
    try {
      await loadScript(CDN_OFFICE_JS);
      if (officeDefined()) return;
      // office.js finds its own files next to the first office.js script of the page: not this one.
      document.querySelector(`script[src="${CDN_OFFICE_JS}"]`)?.remove();
    } catch {
      // The CDN answered the probe but not the script: the local copy below is the way left.
    }
  }
  await loadScript(LOCAL_OFFICE_JS);
  if (!officeDefined()) throw new Error(`${LOCAL_OFFICE_JS} defined no Office`);
}

function showFailure(): void {
  const show = () => {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.style.cssText = "margin:16px;font:14px 'Segoe UI','Microsoft YaHei',sans-serif;line-height:1.5";
    message.textContent = FAILURE_TEXT;
    document.body.prepend(message);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
}

// Read now: document.currentScript is only set while this script first runs.
const appScripts = (document.currentScript?.dataset.app ?? "").split(" ").filter((src) => src !== "");

loadOfficeJs().then(
  () => appScripts.forEach(appendScript),
  () => showFailure(),
);

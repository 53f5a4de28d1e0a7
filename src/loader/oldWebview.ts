// The first script of the task pane page, inlined and compiled to ES5 so that every webview Office
// may use can run it. Office 2016/2019 volume-licensed, and older Microsoft 365 builds, show add-ins
// in Internet Explorer 11 (Trident) or Edge Legacy (EdgeHTML), which cannot even parse the pane's
// own scripts: without this, the pane stays blank with no word of why. It says what is needed and
// what else there is, in Chinese and English, when it finds such a webview, or when one of the
// page's own scripts fails to parse (a webview older than the build).
// https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
// https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11

/** Trident (IE 11, "Trident/7.0") or EdgeHTML ("Edge/18.x"; WebView2 says "Edg/"). */
const OLD_WEBVIEW = /Trident\/|MSIE |Edge\/\d/;

const MESSAGE_ZH = [
  "本加载项无法在当前 Office 中运行。",
  "当前 Office 用 Internet Explorer 11 或旧版 Microsoft Edge 显示加载项（Office 2016、Office 2019 批量许可版及较早的 Microsoft 365 均如此），而本加载项需要 Microsoft Edge WebView2：请使用 Microsoft 365 或 Office 2021 及以上版本；零售版 Office 2016/2019 安装 Microsoft Edge WebView2 运行时后也可使用。",
  "也可以改用：WPS 表格加载项；无需安装、用浏览器打开的离线评定网页；或命令行工具。请向管理员索取。",
];

const MESSAGE_EN = [
  "This add-in cannot run in this version of Office.",
  "This Office shows add-ins in Internet Explorer 11 or Edge Legacy (as Office 2016, Office 2019 volume-licensed and older Microsoft 365 builds do), and the add-in needs Microsoft Edge WebView2: use Microsoft 365 or Office 2021 or later; retail Office 2016/2019 works too once the Microsoft Edge WebView2 Runtime is installed.",
  "Instead you can use the WPS 表格 add-in, the offline rating page that opens in any browser with nothing to install, or the command line. Ask your administrator for them.",
];

let shown = false;

function showMessage(): void {
  if (shown) return;
  shown = true;
  const put = function (): void {
    const box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.id = "old-webview";
    box.style.cssText = "margin:16px;font:14px 'Segoe UI','Microsoft YaHei',sans-serif;line-height:1.6;color:#242424";
    const paragraphs = MESSAGE_ZH.concat(MESSAGE_EN);
    for (let i = 0; i < paragraphs.length; i++) {
      const p = document.createElement("p");
      p.style.margin = "0 0 8px";
      if (i === 0 || i === MESSAGE_ZH.length) p.style.fontWeight = "600";
      p.appendChild(document.createTextNode(paragraphs[i]));
      box.appendChild(p);
    }
    const container = document.getElementById("container");
    if (container) container.style.display = "none";
    document.body.insertBefore(box, document.body.firstChild);
  };
  if (document.body) put();
  else document.addEventListener("DOMContentLoaded", put);
}

/** A parse error in a script of this add-in (not office.js, not another site's). */
function isOwnSyntaxError(event: ErrorEvent): boolean {
  const file = event.filename || "";
  const here = location.href.slice(0, location.href.lastIndexOf("/") + 1);
  const ownScript = file.indexOf(here) === 0 && file.indexOf("/office-js/") < 0;
  const syntax = (event.error && event.error.name === "SyntaxError") || /SyntaxError/.test(event.message || "");
  return ownScript && syntax;
}

if (OLD_WEBVIEW.test(navigator.userAgent)) showMessage();
else {
  window.addEventListener("error", function (event: ErrorEvent) {
    if (isOwnSyntaxError(event)) showMessage();
  });
}

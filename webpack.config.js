// Builds the add-in (task pane, ribbon command, notice dialog) into dist/, with `--env demo` the
// browser demo (the real task pane over the in-browser fake workbook) into dist-demo/, with
// `--env wps` the WPS 表格 add-in (ribbon.xml, its main page, the task pane) into dist-wps/, or with
// `--env web` the offline page (the task pane rating a workbook file, opened from disk) into dist-web/.
// `--env outputPath=DIR` redirects the output (tests and benchmarks build into temporary folders).
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

const DEV_SERVER_PORT = 3000;
const ORIGIN = `https://localhost:${DEV_SERVER_PORT}`;
// The development servers answer this machine only: whatever they serve stays off the network.
const DEV_SERVER_HOST = "localhost";

// Office on the web runs the pane from its own origins (Excel on the web, SharePoint, OneDrive,
// Microsoft 365); those, and this server itself, may read its files across origins. Nothing else:
// no "Access-Control-Allow-Origin: *", which would let any page the developer visits read them.
const OFFICE_ORIGINS = [
  /^https:\/\/([a-z0-9-]+\.)*officeapps\.live\.com$/,
  /^https:\/\/([a-z0-9-]+\.)*sharepoint\.com$/,
  /^https:\/\/([a-z0-9-]+\.)*office\.com$/,
  /^https:\/\/([a-z0-9-]+\.)*microsoft365\.com$/,
  /^https:\/\/([a-z0-9-]+\.)*cloud\.microsoft$/,
];

/** The CORS headers the add-in's development server answers a request from `origin` with. */
function corsHeaders(origin) {
  const allowed = typeof origin === "string" && (origin === ORIGIN || OFFICE_ORIGINS.some((pattern) => pattern.test(origin)));
  return allowed ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
}

function page(template, filename, chunks) {
  return new HtmlWebpackPlugin({ template, filename, chunks, inject: "body", scriptLoading: "defer" });
}

// The office-loader entry (src/loader/officeLoader.ts) loads office.js, then the page's own scripts,
// so a page Office opens puts `<%= officeJs %>` in its <head> and webpack injects nothing itself.
const OFFICE_LOADER = "office-loader";

// The task pane's first script, inline and in ES5, says what is needed where Office shows add-ins in
// a webview too old to parse the rest (src/loader/oldWebview.ts).
function oldWebviewGuard() {
  const ts = require("typescript");
  const source = require("node:fs").readFileSync(path.join(__dirname, "src/loader/oldWebview.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, removeComments: true } });
  return `<script>(function () {\n${outputText}})();</script>`;
}

function officePage(template, filename, entry, { guard = false } = {}) {
  return new HtmlWebpackPlugin({
    template,
    filename,
    chunks: [entry],
    inject: false,
    templateParameters: (compilation, assets) => ({
      officeJs: `${guard ? oldWebviewGuard() : ""}<script src="${assets.publicPath}${OFFICE_LOADER}.js" data-app="${assets.js.join(" ")}"></script>`,
    }),
  });
}

// The add-in's own copy of office.js (see officeLoader.ts for when it is used): the Excel host
// scripts, every locale's office_strings.js and the folders office.js loads from, unmodified, as
// its licence (LICENSE.md, copied along) requires. Debug builds, IntelliSense files and other
// Office applications' scripts are left out: this add-in runs in Excel only.
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const OFFICE_JS_LEFT_OUT = [
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  "**/outlook_strings.js",
  ...["access", "onenote", "outlook", "powerpoint", "project", "visio", "word"].map((app) => `${OFFICE_JS_DIST}/${app}*`),
];

function addinPart() {
  return {
    entry: {
      [OFFICE_LOADER]: "./src/loader/officeLoader.ts",
      taskpane: "./src/taskpane/taskpane.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    plugins: [
      officePage("./src/taskpane/taskpane.html", "taskpane.html", "taskpane", { guard: true }),
      officePage("./src/commands/commands.html", "commands.html", "commands"),
      officePage("./src/commands/notice.html", "notice.html", "notice"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
          // minimized: already minified by Microsoft, and the licence forbids changing it.
          { from: OFFICE_JS_DIST, to: "office-js/", globOptions: { ignore: OFFICE_JS_LEFT_OUT }, info: { minimized: true } },
          { from: require.resolve("@microsoft/office-js/LICENSE.md"), to: "office-js/LICENSE.md" },
        ],
      }),
    ],
    outputDir: "dist",
    devServer: {
      server: "https",
      host: DEV_SERVER_HOST,
      port: DEV_SERVER_PORT,
      headers: (req) => corsHeaders(req.headers.origin),
    },
  };
}

function demoPart() {
  return {
    entry: { demo: "./src/demo/demo.tsx" },
    plugins: [page("./src/demo/demo.html", "index.html", ["demo"])],
    outputDir: "dist-demo",
    // The demo loads nothing from Office, so plain http is enough.
    devServer: { server: "http", host: DEV_SERVER_HOST, port: DEV_SERVER_PORT, open: false },
  };
}

// WPS 11.x (2021 on) runs add-in pages in Chromium 87, WPS 12.x in Chromium 104: the WPS build is
// lowered to what Chrome 87 runs and to ES2020 syntax (tests parse every emitted script as
// ES2020), node_modules included, as classic scripts.
const WPS_TARGETS = ["chrome87", "es2020"];
const WORKER_SOURCE = "robustness.worker.source.js";

/**
 * Pages opened from file:// (WPS's offline add-ins) cannot start a worker by URL: the finished
 * worker script is also emitted as text in a classic script, window.ZR_ROBUSTNESS_WORKER, from
 * which the pane starts it through a Blob URL (src/taskpane/robustnessClient.ts sourceWorker).
 */
class WorkerSourcePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WorkerSourcePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "WorkerSourcePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const worker = compilation.getAsset("robustness.worker.js");
        if (!worker) return;
        const text = JSON.stringify(worker.source.source().toString());
        compilation.emitAsset(WORKER_SOURCE, new webpack.sources.RawSource(`window.ZR_ROBUSTNESS_WORKER=${text};\n`), { minimized: true });
        compilation.deleteAsset("robustness.worker.js");
      });
    });
  }
}

function wpsPart(mode) {
  return {
    entry: { main: "./src/wps/main.ts", taskpane: "./src/wps/taskpane.tsx" },
    plugins: [
      // The main page's script runs as the page loads, before WPS reads ribbon.xml: in <head>, not deferred.
      new HtmlWebpackPlugin({ template: "./src/wps/index.html", filename: "index.html", chunks: ["main"], inject: "head", scriptLoading: "blocking" }),
      page("./src/wps/taskpane.html", "taskpane.html", ["taskpane"]),
      new CopyWebpackPlugin({ patterns: [{ from: "src/wps/ribbon.xml", to: "ribbon.xml" }, { from: "src/wps/images/*.svg", to: "images/[name][ext]" }] }),
      new EsbuildPlugin({ target: WPS_TARGETS, minify: mode === "production", legalComments: "none" }),
      new WorkerSourcePlugin(),
    ],
    rules: [{ test: /[\\/]tabster[\\/]dist[\\/]esm[\\/]Consts\.js$/, use: path.resolve(__dirname, "scripts/webpack/tabsterSelectorLoader.js") }],
    outputDir: "dist-wps",
    // esbuild lowers whole files: an eval devtool would hide the modules from it inside strings.
    devtool: mode === "production" ? false : "source-map",
    target: ["web", "es2020"],
    // The EsbuildPlugin above minifies; webpack's own minimizer would not lower to Chrome 87.
    optimization: { minimize: false },
    devServer: { server: "http", host: DEV_SERVER_HOST, port: DEV_SERVER_PORT, open: false },
  };
}

// The robustness analysis runs in a Web Worker (src/taskpane/robustnessClient.ts loads it by this
// file name, beside the page), so both the add-in and the demo build it as an entry of its own.
const ROBUSTNESS_WORKER = { "robustness.worker": "./src/taskpane/robustness.worker.ts" };

function typescriptRule(mode) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      // ES modules let webpack drop the Fluent UI components the pane does not use.
      options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: mode !== "production" } },
    },
  };
}

// The offline page opens from disk (file://), where Chromium starts no worker from a file and the
// page's Content-Security-Policy allows no eval. So the worker (reading, rating, writing, and the
// robustness draws) is built first, as one script, into a folder the page's build then empties;
// the page takes its text into a chunk it loads on demand and starts it from a Blob URL
// (src/web/blobWorker.ts). No source maps: they would be eval'd or fetched.
const WEB_WORKER_MODULE = "zone-rating-web-worker";

function webParts(mode, outDir) {
  const workerDir = path.join(outDir, ".worker");
  const common = { mode, devtool: false, resolve: { extensions: [".tsx", ".ts", ".js"] }, performance: { hints: false } };
  const worker = {
    ...common,
    name: "web-worker",
    target: "webworker",
    entry: { worker: "./src/web/worker.ts" },
    output: { path: workerDir, filename: "[name].js", asyncChunks: false, clean: true },
    module: { rules: [typescriptRule(mode)] },
  };
  const site = {
    ...common,
    name: "web",
    dependencies: [worker.name],
    entry: { page: "./src/web/page.tsx" },
    output: { path: outDir, filename: "[name].js", chunkFilename: "[name].chunk.js", clean: true },
    resolve: { ...common.resolve, alias: { [`${WEB_WORKER_MODULE}$`]: path.join(workerDir, "worker.js") } },
    module: { rules: [typescriptRule(mode), { include: workerDir, type: "asset/source" }] },
    plugins: [page("./src/web/index.html", "index.html", ["page"])],
  };
  return [worker, site];
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? "production";
  if (env.web) return webParts(mode, path.resolve(__dirname, env.outputPath ?? "dist-web"));
  const part = env.wps ? wpsPart(mode) : env.demo ? demoPart() : addinPart();
  return {
    mode,
    devtool: part.devtool ?? (mode === "production" ? false : "eval-source-map"),
    ...(part.target ? { target: part.target } : {}),
    ...(part.optimization ? { optimization: part.optimization } : {}),
    entry: { ...part.entry, ...ROBUSTNESS_WORKER },
    output: {
      path: path.resolve(__dirname, env.outputPath ?? part.outputDir),
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules: [typescriptRule(mode), ...(part.rules ?? [])] },
    plugins: part.plugins,
    performance: { hints: false },
    devServer: { ...part.devServer, static: { directory: path.resolve(__dirname, part.outputDir) } },
  };
};

module.exports.ORIGIN = ORIGIN;
module.exports.corsHeaders = corsHeaders;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;

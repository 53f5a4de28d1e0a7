// Builds the add-in (task pane, ribbon command, notice dialog) into dist/, with `--env demo` the
// browser demo (the real task pane over the in-browser fake workbook) into dist-demo/, or with
// `--env web` the offline page (the task pane rating a workbook file, opened from disk) into dist-web/.
// `--env outputPath=DIR` redirects the output (tests and benchmarks build into temporary folders).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_SERVER_PORT = 3000;
const ORIGIN = `https://localhost:${DEV_SERVER_PORT}`;

function page(template, filename, chunks) {
  return new HtmlWebpackPlugin({ template, filename, chunks, inject: "body", scriptLoading: "defer" });
}

// The office-loader entry (src/loader/officeLoader.ts) loads office.js, then the page's own scripts,
// so a page Office opens puts `<%= officeJs %>` in its <head> and webpack injects nothing itself.
const OFFICE_LOADER = "office-loader";

function officePage(template, filename, entry) {
  return new HtmlWebpackPlugin({
    template,
    filename,
    chunks: [entry],
    inject: false,
    templateParameters: (compilation, assets) => ({
      officeJs: `<script src="${assets.publicPath}${OFFICE_LOADER}.js" data-app="${assets.js.join(" ")}"></script>`,
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
      officePage("./src/taskpane/taskpane.html", "taskpane.html", "taskpane"),
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
      port: DEV_SERVER_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
}

function demoPart() {
  return {
    entry: { demo: "./src/demo/demo.tsx" },
    plugins: [page("./src/demo/demo.html", "index.html", ["demo"])],
    outputDir: "dist-demo",
    // The demo loads nothing from Office, so plain http is enough.
    devServer: { server: "http", port: DEV_SERVER_PORT, open: false },
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
  const part = env.demo ? demoPart() : addinPart();
  return {
    mode,
    devtool: mode === "production" ? false : "eval-source-map",
    entry: { ...part.entry, ...ROBUSTNESS_WORKER },
    output: {
      path: path.resolve(__dirname, env.outputPath ?? part.outputDir),
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules: [typescriptRule(mode)] },
    plugins: part.plugins,
    performance: { hints: false },
    devServer: { ...part.devServer, static: { directory: path.resolve(__dirname, part.outputDir) } },
  };
};

module.exports.ORIGIN = ORIGIN;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;

// Builds the add-in (task pane, ribbon command, notice dialog) into dist/, or with `--env demo` the
// browser demo (the real task pane over the in-browser fake workbook) into dist-demo/.
// `--env outputPath=DIR` redirects the output (tests and benchmarks build into temporary folders).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_SERVER_PORT = 3000;
const ORIGIN = `https://localhost:${DEV_SERVER_PORT}`;

function page(template, filename, chunks) {
  return new HtmlWebpackPlugin({ template, filename, chunks, inject: "body", scriptLoading: "defer" });
}

function addinPart() {
  return {
    entry: {
      taskpane: "./src/taskpane/taskpane.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    plugins: [
      page("./src/taskpane/taskpane.html", "taskpane.html", ["taskpane"]),
      page("./src/commands/commands.html", "commands.html", ["commands"]),
      page("./src/commands/notice.html", "notice.html", ["notice"]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
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

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? "production";
  const part = env.demo ? demoPart() : addinPart();
  return {
    mode,
    devtool: mode === "production" ? false : "eval-source-map",
    entry: part.entry,
    output: {
      path: path.resolve(__dirname, env.outputPath ?? part.outputDir),
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules let webpack drop the Fluent UI components the pane does not use.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: mode !== "production" } },
          },
        },
      ],
    },
    plugins: part.plugins,
    performance: { hints: false },
    devServer: { ...part.devServer, static: { directory: path.resolve(__dirname, part.outputDir) } },
  };
};

module.exports.ORIGIN = ORIGIN;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;

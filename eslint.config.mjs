import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

export default tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "out/**", "build/**", "node_modules/**", "test-output/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // Each module's imports run one way: a circle of imports (type-only ones included) is an error.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // The rooms of ../shared/DESIGN.md: the engine and the words below everything, the shared pane
      // and the host seam above them, and no host reaching into another host.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./src/engine", from: "./src", except: ["./engine"], message: "The engine is pure: it imports nothing else of the product." },
            { target: "./src/i18n", from: "./src", except: ["./i18n", "./engine"], message: "Messages sit just above the engine." },
            { target: "./src/workbook", from: ["./src/host", "./src/excel", "./src/wps", "./src/xlsx", "./src/web", "./src/taskpane", "./src/cli", "./src/commands"], message: "Reading grids and planning sheets knows no host." },
            { target: "./src/host", from: ["./src/excel", "./src/wps", "./src/xlsx", "./src/web", "./src/taskpane", "./src/cli", "./src/commands"], message: "The seam knows no host." },
            { target: "./src/excel", from: ["./src/wps", "./src/web", "./src/cli"], message: "A host never imports another host." },
            { target: "./src/wps", from: ["./src/excel", "./src/web", "./src/cli", "./src/xlsx"], message: "A host never imports another host." },
            { target: "./src/web", from: ["./src/excel", "./src/wps", "./src/cli"], message: "A host never imports another host." },
            { target: "./src/taskpane", from: ["./src/excel", "./src/wps", "./src/web", "./src/cli"], except: [], message: "The pane talks to the RatingHost seam, never to a host." },
          ],
        },
      ],
    },
  },
  {
    // The Excel add-in's own entry page builds the Office host for the shared pane.
    files: ["src/taskpane/taskpane.tsx"],
    rules: { "import-x/no-restricted-paths": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);

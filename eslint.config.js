// Typed lint: rules that need type information run against tsconfig.json.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The one-way arrows of docs/architecture.md: what each module under src/ may import. A module
 * imports what is listed and nothing else; an arrow pointing back fails the lint. Keep this table
 * and the page's arrows the same.
 */
const BELOW_SPECS = ["core", "db", "registry", "accounts"];
const DOMAIN = [...BELOW_SPECS, "specs", "validation", "consolidation", "publishing", "progress"];
const MAY_IMPORT = {
  core: [],
  db: ["core"],
  net: ["core"],
  files: ["core"],
  registry: ["core", "db", "accounts"],
  accounts: ["core", "db"],
  specs: BELOW_SPECS,
  validation: [...BELOW_SPECS, "specs"],
  consolidation: [...BELOW_SPECS, "specs", "validation"],
  publishing: [...BELOW_SPECS, "specs", "validation", "consolidation", "net", "files"],
  progress: [...BELOW_SPECS, "specs", "validation", "consolidation", "publishing", "net", "files"],
  catalog: [...BELOW_SPECS, "specs", "net"],
  demo: [...DOMAIN, "net", "files"],
  jobs: [...DOMAIN, "net", "files", "catalog"],
  platform: [...DOMAIN, "net", "files", "catalog", "demo"],
  web: [...DOMAIN, "net", "files", "catalog", "demo", "platform"],
  http: [...DOMAIN, "net", "files", "catalog", "demo", "platform", "web"],
  cli: [...DOMAIN, "net", "files", "catalog", "demo", "platform", "web", "http", "jobs"],
};
const MODULES = Object.keys(MAY_IMPORT);

/** `no-restricted-imports` for src/<module>: a relative import that climbs into a module not allowed. */
const oneWayImports = MODULES.map((module) => {
  const refused = MODULES.filter((other) => other !== module && !MAY_IMPORT[module].includes(other));
  return {
    files: [`src/${module}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: refused.map((other) => ({
            regex: `^(\\.\\./)+${other}(/|$)`,
            message: `src/${module} may not import src/${other}: dependencies run one way (docs/architecture.md).`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", "src/web/static/", "**/*.mjs", "eslint.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // `() => socket.destroy()` reads fine; braces around every such callback add nothing.
      "@typescript-eslint/no-confusing-void-expression": "off",
    },
  },
  ...oneWayImports,
  {
    files: ["test/**", "**/*.test.ts", "bench/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-floating-promises": "off",
    },
  },
);

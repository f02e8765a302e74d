// Flat config for ESLint 9. `next lint` is gone in Next 16: run `npm run lint` (= `eslint .`).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const EXTENSIONS = "{js,jsx,mjs,cjs,ts,tsx,mts,cts}";
const SOURCE_FILES = [`**/*.${EXTENSIONS}`];
const under = (...dirs) => dirs.map((dir) => `${dir}/**/*.${EXTENSIONS}`);

// Patterns are regexes over the import specifier, so that "@/lib/server/x" and "../../lib/server/x" are
// caught alike. Each block below lists every pattern that applies to its folder, because a later
// `no-restricted-imports` replaces an earlier one rather than adding to it.

const noBarrels = [
  {
    regex: "/index(\\.[cm]?[jt]sx?)?$",
    message: "Import the module file itself: the project has no index.ts barrels.",
  },
  {
    regex: "^\\.{1,2}(/\\.{1,2})*/?$",
    message: "Importing a folder ('.' or '..') means an index barrel; import the module file by name.",
  },
];

const DATABASE_ONLY_IN_SERVER =
  "Only lib/server (and scripts, tests, prisma) talk to the database. Call a function in lib/server and use its DTO.";

const noDatabase = [
  {
    // The generated client, models and internals; the enums module has its own type-only rule below.
    regex: "(^|/)lib/generated/(?!prisma/enums(\\.[cm]?[jt]s)?$)",
    message: DATABASE_ONLY_IN_SERVER,
  },
  {
    regex: "(^|/)lib/generated/prisma/enums(\\.[cm]?[jt]s)?$",
    allowTypeImports: true,
    message:
      "Generated Prisma enums may be imported with `import type` only outside lib/server (use the string literals as values).",
  },
  { regex: "^@prisma/client(/|$)", message: DATABASE_ONLY_IN_SERVER },
  { regex: "^@prisma/adapter-pg(/|$)", message: DATABASE_ONLY_IN_SERVER },
  { regex: "^pg(-copy-streams)?(/|$)", message: DATABASE_ONLY_IN_SERVER },
];

const noServerLayer = [
  {
    regex: "(^|/)lib/server(/|$)",
    // DTO types are the contract between the data layer and the UI; types are erased, so no server code ships.
    allowTypeImports: true,
    message:
      "Components do not import lib/server: a server component page or an action reads the data and passes props down.",
  },
];

const DOMAIN_IS_PURE = "lib/domain holds pure rules: no framework, no React, no database, no lib/server.";

const domainIsPure = [
  { regex: "^(next|next-auth|react|react-dom)(/|$)", message: DOMAIN_IS_PURE },
  { regex: "(^|/)lib/(server|generated)(/|$)", message: DOMAIN_IS_PURE },
  { regex: "^@prisma/", message: DOMAIN_IS_PURE },
  { regex: "^pg(-copy-streams)?(/|$)", message: DOMAIN_IS_PURE },
];

const serverHasNoRequestApis = [
  {
    regex: "^next/(headers|navigation|cache)$",
    message:
      "lib/server runs unchanged from actions, route handlers, scripts and tests: cookies, redirects and revalidation belong to app/ (pages, route handlers, actions.ts).",
  },
];

const restrict = (...groups) => ["error", { patterns: groups.flat() }];

export default defineConfig(
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTypescript,
  // eslint-config-next/typescript already includes this list but relaxes two rules to warnings; the
  // recommended set is applied again so that unused code fails the lint.
  ...tseslint.configs.recommended,
  {
    files: SOURCE_FILES,
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // App Router only: this rule looks for a pages/ directory and warns when there is none.
      "@next/next/no-html-link-for-pages": "off",
      // Issue 7: SQL goes through Prisma or tagged templates, whose values are bind parameters
      // (tests/unit/no-unsafe-sql.test.ts also scans for Prisma.raw with interpolation).
      "no-restricted-syntax": [
        "error",
        {
          selector: "Identifier[name=/^\\$(query|execute)RawUnsafe$/], Literal[value=/^\\$(query|execute)RawUnsafe$/]",
          message: "Never the Unsafe raw-SQL variants: use $queryRaw`…` / Prisma.sql`…` so values are bind parameters.",
        },
      ],
    },
  },

  // Layering: app → lib/server → lib/domain. Later blocks override earlier ones for their folders.
  { files: SOURCE_FILES, rules: { "no-restricted-imports": restrict(noBarrels, noDatabase) } },
  {
    files: under("components"),
    rules: { "no-restricted-imports": restrict(noBarrels, noDatabase, noServerLayer) },
  },
  {
    files: under("lib/domain"),
    rules: { "no-restricted-imports": restrict(noBarrels, domainIsPure) },
  },
  {
    files: under("lib/server"),
    rules: { "no-restricted-imports": restrict(noBarrels, serverHasNoRequestApis) },
  },
  {
    files: under("tests", "scripts", "prisma"),
    rules: { "no-restricted-imports": restrict(noBarrels) },
  },
);

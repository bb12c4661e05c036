import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layers the code must keep (see README "Architecture"): pure text logic knows nothing of the
// database, Next or React; components reach data only through props, actions and the API.
const DATABASE = ["@/lib/db", "**/lib/db", "@prisma/*", "pg"];
// The generated client: its enum and row types may be named, its runtime may not be imported.
const GENERATED = ["@/lib/generated/**", "**/generated/prisma/**"];
const FRAMEWORK = ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "test-reports/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      // User text is never rendered as raw HTML.
      "react/no-danger": "error",
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error; a switch over a union must say
    // what it does with every member, so a new state or kind cannot slip through unhandled.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // React ignores what an event handler returns, and our async handlers report their own
      // failures in the UI; everywhere else a promise where a void callback is expected is an error.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ["lib/text/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...DATABASE, ...GENERATED, ...FRAMEWORK, "@/lib/services/**", "server-only"],
              message: "lib/text is pure text logic: no database, no Next, no React, no services.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: DATABASE,
              message: "Components never touch the database: take data as props, or call an action or the API.",
            },
            {
              group: GENERATED,
              allowTypeImports: true,
              message: "Components may name the generated Prisma types (`import type`), never load the client.",
            },
            {
              group: ["@/lib/services/**", "**/lib/services/**"],
              allowTypeImports: true,
              message:
                "Components may import a service's types only (`import type`); data comes through props, actions or the API.",
            },
          ],
        },
      ],
    },
  },
];

export default config;

import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import tseslint from "typescript-eslint";

/** One no-restricted-imports rule per layer: the layers (app/<name>/) its files may not import. */
function layerRules(forbidden) {
  return Object.entries(forbidden).map(([files, layers]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(~/|(\\.\\./)+(app/)?)(${layers.join("|")})/`,
              message: `${files.split("/")[1]} may not import ${layers.join(", ")} (see the import directions in eslint.config.js).`,
            },
            { regex: "prisma/seed", message: "the app does not import the seed's data." },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", ".data/**", "app/generated/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // server/ reaches the app only through the Remix build (server/app-build.ts): importing app source here would
    // give the process a second copy of every module, with its own gates, memos and error classes. Types are fine.
    files: ["server/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./(app|prisma)/|~/)",
              allowTypeImports: true,
              message: "server/ reaches the app only through the build: use the API that server/app-build.ts loads.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/^(\\.\\.\\/(app|prisma)\\/|~\\/)/]",
          message: "server/ reaches the app only through the build: use the API that server/app-build.ts loads.",
        },
      ],
    },
  },
  {
    // Forms are read through app/web/read-form.server.ts, which bounds them before conform builds objects.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/web/read-form.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='formData'][callee.object.name='request']",
          message: "Read a posted form with readForm(request) from ~/web/read-form.server.",
        },
        {
          // `import { z }` takes zod's whole namespace object (its 40 locales, its JSON Schema tools: 92 KB gzipped
          // in the browser); `import * as z` lets the bundler keep what the page's schemas use (≈27 KB).
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message:
            'Write `import * as z from "zod"`: the bundler can then leave out the parts of zod a page never uses.',
        },
      ],
    },
  },
  // The house's import directions (CONVENTIONS.md): routes → web, domain, components, lib; web → domain, lib;
  // domain → lib only; components → lib and the domain's client-safe modules (plain .ts, never .server);
  // lib → nothing of ours above it. Each layer imports the others through the one alias, `~/`.
  ...layerRules({
    "app/lib/**": ["domain", "web", "components", "routes"],
    "app/domain/**": ["web", "components", "routes"],
    "app/web/**": ["components", "routes"],
    "app/components/**": ["web", "routes"],
  }),
  {
    // Types of what a route loads may come from anywhere in the domain; values only from its client-safe modules.
    files: ["app/components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^~/domain/.*\\.server$",
              allowTypeImports: true,
              message: "components may import only the domain's client-safe modules (plain .ts, not .server).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/domain/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "the environment is read once, by app/lib/env.server.ts (env()).",
        },
        {
          // Repeated from the rule for all of app/: a file's last rule of a name replaces the earlier ones.
          selector: "CallExpression[callee.property.name='formData'][callee.object.name='request']",
          message: "Read a posted form with readForm(request) from ~/web/read-form.server.",
        },
        {
          // `import { z }` takes zod's whole namespace object (its 40 locales, its JSON Schema tools: 92 KB gzipped
          // in the browser); `import * as z` lets the bundler keep what the page's schemas use (≈27 KB).
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message:
            'Write `import * as z from "zod"`: the bundler can then leave out the parts of zod a page never uses.',
        },
      ],
    },
  },
  {
    // No import circles (a circle's modules can meet each other half-initialised, and it blurs which one depends
    // on which): the app's modules, resolved through the `~/` alias as TypeScript resolves them.
    files: ["app/**/*.{ts,tsx}", "server/**/*.ts", "tests/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": "error" },
  },
);

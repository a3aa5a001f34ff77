import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
      ],
    },
  },
);

// Lint: ESLint's, typescript-eslint's and React hooks' recommended rules over the
// TypeScript sources; formatting is Prettier's (npm run format), not the linter's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "public/", "coverage/", "scripts/.tmp-*/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // tsc (noUnusedLocals/Parameters) already reports these, with the compiler's scope rules.
      "@typescript-eslint/no-unused-vars": "off",
      // TypeScript resolves names; ESLint's global list would only duplicate it.
      "no-undef": "off",
      // Escaped hyphens and slashes in character classes are kept where they make a pattern easier to read.
      "no-useless-escape": "off",
    },
  },
  {
    // These patterns match control characters on purpose: XML 1.0 forbids them, and binary files carry them.
    files: ["src/interop/gexf.ts", "src/interop/graphml.ts", "src/extract/document.ts"],
    rules: { "no-control-regex": "off" },
  },
);

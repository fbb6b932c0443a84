import { defineConfig } from "vitest/config";

// One command runs everything (`npm test`): fast unit and golden-file tests,
// then the browser tests, which build the app and drive Chromium one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/gold/**/*.test.ts"],
          testTimeout: 60_000,
          // Test files share one module graph per worker: compromise, the lexicon and the
          // gazetteer load once per worker, not once per file (they are pure and never mutated).
          isolate: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from "vitest/config";

// The suites Stryker runs against each mutant (`npm run test:mutation`): the unit project and the
// database suite on PGlite. Stryker narrows them further to the tests that cover each mutant.
const root = import.meta.dirname;
const alias = { "@": root };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["test/unit/**/*.test.ts", "lib/**/*.test.ts"],
          exclude: ["lib/detectors/corpus.test.ts"],
          setupFiles: ["test/setup/env.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db-pglite",
          environment: "node",
          include: ["test/integration/**/*.test.ts"],
          setupFiles: ["test/setup/env.ts", "test/setup/pglite.ts", "test/setup/fakes.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

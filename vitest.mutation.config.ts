import { defineConfig } from "vitest/config";

// The suites Stryker runs against each mutant (`npm run test:mutation`): the unit project and the
// database suite on PGlite. Stryker narrows them further to the tests that cover each mutant.
const root = import.meta.dirname;
const alias = { "@": root };
// STRYKER_UNIT_ONLY=true: the unit project alone, for a quick run on the pure modules.
const unitOnly = process.env.STRYKER_UNIT_ONLY === "true";

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          // next-auth imports "next/server" without an extension: let Vite resolve it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          include: ["test/unit/**/*.test.ts", "lib/**/*.test.ts"],
          // Whole-tree checks (the OpenAPI document, migrations, the request edge) read paths the sandbox moves, and cover no mutated module.
          exclude: [
            "lib/detectors/corpus.test.ts",
            "test/unit/openapi.test.ts",
            "test/unit/migrations.test.ts",
            "test/unit/request-edge.test.ts",
          ],
          setupFiles: ["test/setup/env.ts"],
          // Stryker runs one thread beside other work: no test may fail for being slow.
          testTimeout: 60_000,
        },
      },
      ...(unitOnly
        ? []
        : [
            {
              resolve: { alias },
              test: {
                name: "db-pglite",
                environment: "node",
                // next-auth imports "next/server" without an extension: let Vite resolve it.
                server: { deps: { inline: ["next-auth", "@auth/core"] } },
                // The suites that exercise the mutated modules; the rest of the database suite adds minutes
                // to every run and kills nothing here.
                include: [
                  "test/integration/authorization.test.ts",
                  "test/integration/survivors.test.ts",
                  "test/integration/delivery*.test.ts",
                  "test/integration/ingest*.test.ts",
                  "test/integration/masking.test.ts",
                  "test/integration/pagerduty-reopen.test.ts",
                  "test/integration/integrations-api.test.ts",
                  "test/integration/scan-webhook-flow.test.ts",
                  "test/integration/scan-jira.test.ts",
                ],
                setupFiles: ["test/setup/env.ts", "test/setup/pglite.ts", "test/setup/fakes.ts"],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]),
    ],
  },
});

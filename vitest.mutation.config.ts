import { defineConfig } from "vitest/config";
import { chosenModules } from "./scripts/mutation-modules.mjs";

// The suites Stryker runs against each mutant (`npm run test:mutation`): the test files listed for
// the chosen modules in scripts/mutation-modules.mjs (all modules, or STRYKER_MODULE's), unit ones
// in the unit project, database ones on PGlite (or, with TEST_DATABASE_URL, on that Postgres server).
// Stryker narrows them further to the tests that cover each mutant. Only these files: the rest of the
// suite adds minutes to every run and kills nothing here.
const root = import.meta.dirname;
const alias = { "@": root };
const tests = [...new Set(chosenModules().flatMap((m) => m.tests))];
const unitTests = tests.filter((t) => !t.startsWith("test/integration/"));
const dbTests = tests.filter((t) => t.startsWith("test/integration/"));
// STRYKER_UNIT_ONLY=true: the unit project alone, for a quick run on the pure modules.
const unitOnly = process.env.STRYKER_UNIT_ONLY === "true";
// next-auth imports "next/server" without an extension: let Vite resolve it.
const server = { deps: { inline: ["next-auth", "@auth/core"] } };
// Every mutant run of a database test file starts from an empty database with every migration
// applied: about 10 s on PGlite, 2 s as a fresh database on a Postgres server. With
// TEST_DATABASE_URL set, a database module's run takes a fraction of the time.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          server,
          include: unitTests,
          setupFiles: ["test/setup/env.ts"],
          // Stryker runs beside other work: no test may fail for being slow.
          testTimeout: 60_000,
        },
      },
      ...(unitOnly || dbTests.length === 0
        ? []
        : [
            {
              resolve: { alias },
              test: {
                name: onPostgres ? "db-postgres" : "db-pglite",
                environment: "node",
                server,
                include: dbTests,
                setupFiles: [
                  "test/setup/env.ts",
                  `test/setup/${onPostgres ? "postgres" : "pglite"}.ts`,
                  "test/setup/fakes.ts",
                ],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]),
    ],
  },
});

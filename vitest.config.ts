import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = { "@": root };
const integration = ["test/integration/**/*.test.ts"];

// The database suite runs on PGlite always, and again on Postgres when TEST_DATABASE_URL is set.
// test/postgres holds what only a server can show (dropped connections).
const dbProjects = [
  { name: "db-pglite", setupFiles: ["test/setup/pglite.ts", "test/setup/fakes.ts"], include: integration },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "db-postgres",
          setupFiles: ["test/setup/postgres.ts", "test/setup/fakes.ts"],
          include: [...integration, "test/postgres/**/*.test.ts"],
        },
      ]
    : []),
];

if (!process.env.TEST_DATABASE_URL && !process.env.VITEST_WORKER_ID) {
  console.warn(
    "\n!! TEST_DATABASE_URL is not set: the db-postgres project, test/postgres and real races are SKIPPED (PGlite only) !!\n",
  );
}

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
          include: ["lib/**/*.test.ts", "test/unit/**/*.test.ts", "test/fakes/**/*.test.ts"],
          setupFiles: ["test/setup/env.ts"],
        },
      },
      ...dbProjects.map((p) => ({
        resolve: { alias },
        test: {
          name: p.name,
          environment: "node",
          // next-auth imports "next/server" without an extension: let Vite resolve it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          include: p.include,
          setupFiles: ["test/setup/env.ts", ...p.setupFiles],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});

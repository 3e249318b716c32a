// Mutation testing of the modules where a silent bug costs most (issue 18): `npm run test:mutation`.
// Not part of `npm test` (it takes tens of minutes). Reports land in reports/mutation/.
import { chosenModules } from "./scripts/mutation-modules.mjs";

// A narrowed run (STRYKER_MODULE) keeps its own report and incremental file, so runs of different
// modules do not overwrite each other; scripts/mutation-table.mjs --all merges them.
const suffix = process.env.STRYKER_MODULE ? `-${process.env.STRYKER_MODULE}` : "";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  // The modules and their files: scripts/mutation-modules.mjs. STRYKER_MODULE=signing (a module's first
  // word: signing, ssrf, roles, ingest, notification, secret, delivery, scan) or STRYKER_MUTATE="a.ts,b.ts"
  // narrows the run; so does `--mutate <glob>` on the command line.
  mutate: process.env.STRYKER_MUTATE ? process.env.STRYKER_MUTATE.split(",") : chosenModules().flatMap((m) => m.files),
  coverageAnalysis: "perTest",
  // Vitest does not type-check, and the `// @ts-nocheck` Stryker would put atop every file hides the
  // 'use server' first line the authorization table finds the server actions by.
  disableTypeChecks: false,
  ignoreStatic: true,
  // STRYKER_ALL_KILLERS=true runs every covering test of a mutant, not only up to the first that
  // kills it, so the report names all its killers: `mutation-table.mjs --before=<ref>` needs that.
  disableBail: process.env.STRYKER_ALL_KILLERS === "true",
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 60,
  timeoutFactor: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/index${suffix}.html` },
  jsonReporter: { fileName: `reports/mutation/mutation${suffix}.json` },
  incremental: process.env.STRYKER_INCREMENTAL !== "false",
  incrementalFile: `reports/mutation/stryker-incremental${suffix}.json`,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  thresholds: { high: 85, low: 70, break: null },
};
export default config;

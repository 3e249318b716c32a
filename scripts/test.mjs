// `npm test`: typecheck, lint, formatting (prettier --check), the Vitest suites (the database suite on PGlite, and again on
// Postgres when TEST_DATABASE_URL is set), a production build, then Playwright in a real browser.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { buildIfNeeded } from "./build-if-needed.mjs";

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["vitest", "npx", ["vitest", "run"]],
  ["build", null, null],
  ["playwright", "npx", ["playwright", "test"]],
];
if (
  process.env.TEST_DATABASE_URL &&
  existsSync("test/crash") &&
  readdirSync("test/crash").some((f) => f.endsWith(".ts"))
) {
  steps.push(["crash (Postgres)", "npm", ["run", "test:crash"]]);
}

if (!process.env.TEST_DATABASE_URL) {
  const bar = "!".repeat(100);
  console.log(
    `\n${bar}\n!! TEST_DATABASE_URL is not set: the Postgres leg (db-postgres), the Postgres-only tests in test/postgres,\n!! the crash test (npm run test:crash) and every real race are SKIPPED. Race tests run serialised on PGlite.\n!! Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them.\n${bar}\n`,
  );
}

let passed = 0;
const failed = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let ok;
  if (name === "build") {
    await buildIfNeeded();
    ok = true;
  } else {
    ok = spawnSync(cmd, args, { stdio: "inherit", env: process.env }).status === 0;
  }
  console.log(`━━ ${name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (ok) passed++;
  else {
    failed.push(name);
    if (name === "build") break;
  }
}
if (!process.env.TEST_DATABASE_URL)
  console.log("\n!! Postgres leg, crash test and real races SKIPPED (no TEST_DATABASE_URL) !!");
console.log(`\nsteps: ${passed} passed, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""}`);
process.exit(failed.length ? 1 : 0);

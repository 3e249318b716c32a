// `npm run test:break [-- name…]`: plants each of fourteen bugs that break a rule easily broken, one
// at a time, in a temporary copy of the working tree, runs the tests that guard that rule, and prints
// whether they caught it. The working tree itself is never touched. Exits non-zero when a bug is missed.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = process.cwd();
const S = "test/integration/survivors.test.ts";
const A = "test/integration/authorization.test.ts";

/** name, file, the exact text to replace, what replaces it, the tests (vitest project + files). */
const BUGS = [
  // The seven that once passed every test.
  [
    "team-integration DELETE without its role check",
    "lib/integrations/service.ts",
    "export async function deleteIntegration(\n  principal: Principal,\n  providerId: string,\n  teamId: string | null,\n): Promise<void> {\n  const provider = await authorizeProvider(principal, providerId, teamId);",
    'export async function deleteIntegration(\n  principal: Principal,\n  providerId: string,\n  teamId: string | null,\n): Promise<void> {\n  const provider = (await import("./scope")).providerFor(providerId);',
    ["db-pglite", S, A],
  ],
  [
    "team-integration GET without its role check",
    "lib/integrations/service.ts",
    "export async function getIntegration(\n  principal: Principal,\n  providerId: string,\n  teamId: string | null,\n): Promise<IntegrationView> {\n  const provider = await authorizeProvider(principal, providerId, teamId);",
    'export async function getIntegration(\n  principal: Principal,\n  providerId: string,\n  teamId: string | null,\n): Promise<IntegrationView> {\n  const provider = (await import("./scope")).providerFor(providerId);',
    ["db-pglite", S, A],
  ],
  [
    "PagerDuty not resolving an ignored issue's alert",
    "lib/integrations/pagerduty/index.ts",
    "...(change.ignored ?? []), ",
    "",
    ["db-pglite", S],
  ],
  [
    "PagerDuty not resolving a deleted issue's alert",
    "lib/integrations/pagerduty/index.ts",
    ", ...(change.deleted ?? [])",
    "",
    ["db-pglite", S],
  ],
  [
    "SSRF check of the connected address removed",
    "lib/http/connector.ts",
    'const reason = remote ? blockedReason(remote) : "Blocked: the connected address is unknown";',
    "const reason = null as string | null;",
    ["db-pglite", S, "test/integration/delivery-ssrf.test.ts"],
  ],
  [
    "Jira and PagerDuty secrets unmasked in the REST API",
    "lib/integrations/views.ts",
    "settings[field] = revealed ? secrets[field] : maskSecret(secrets[field]);",
    'settings[field] = revealed || provider.id !== "slack" ? secrets[field] : maskSecret(secrets[field]);',
    ["db-pglite", S],
  ],
  [
    "an ingest without `files` deleting instead of resolving",
    "lib/issues/diff.ts",
    "(${hasFiles} and f.path is null) as deleted",
    "(f.path is null) as deleted",
    ["db-pglite", S],
  ],
  // The seven that were already caught.
  [
    "signing with the key parts swapped",
    "lib/signing/sign.ts",
    'createHmac("sha256", `${timestamp}_${token}`)',
    'createHmac("sha256", `${token}_${timestamp}`)',
    ["unit", "test/unit/delivery-sign.test.ts"],
  ],
  [
    "the `files` check dropped (nothing is ever deleted)",
    "lib/issues/diff.ts",
    "(${hasFiles} and f.path is null) as deleted",
    "(${hasFiles} and false) as deleted",
    ["db-pglite", S, "test/integration/ingest.test.ts"],
  ],
  [
    "the coalescing window ignored",
    "lib/delivery/outbox.ts",
    "now() + make_interval(secs => ${settings.coalesceMs / 1000}), now())",
    "now(), now())",
    ["db-pglite", "test/integration/delivery-outbox.test.ts"],
  ],
  [
    "the guard allowing 127.0.0.1",
    "lib/http/address-policy.ts",
    'if (range === "unicast") return null;',
    'if (range === "unicast" || shown === "127.0.0.1") return null;',
    ["unit", "test/unit/http-guard.test.ts", "test/unit/outbound-guard.test.ts"],
  ],
  [
    "Retry-After ignored",
    "lib/delivery/retry.ts",
    "verdict.retryAfterMs ?? 0",
    "0",
    ["unit", "test/unit/delivery-retry.test.ts"],
  ],
  [
    "the Block Kit limit raised",
    "lib/integrations/slack/notify.ts",
    "const MAX_LISTED = 10;",
    "const MAX_LISTED = 60;",
    ["unit", "test/unit/slack-block-kit.test.ts"],
  ],
  [
    "the event-id limit raised",
    "lib/delivery/config.ts",
    "maxIdsPerEvent: 1000,",
    "maxIdsPerEvent: 5000,",
    ["db-pglite", "test/integration/delivery-outbox.test.ts"],
  ],
];

const only = process.argv.slice(2);
const chosen = only.length ? BUGS.filter(([name]) => only.some((o) => name.includes(o))) : BUGS;

// A copy of the tracked and untracked (not ignored) files, sharing node_modules.
const copy = mkdtempSync(path.join(tmpdir(), "break-rules-"));
const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
  .stdout.split("\0")
  .filter(Boolean);
for (const f of files) {
  mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
  try {
    cpSync(path.join(root, f), path.join(copy, f));
  } catch {
    // a file deleted but not yet staged
  }
}
symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
const cleanup = () => rmSync(copy, { recursive: true, force: true });
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

const results = [];
try {
  for (const [name, file, from, to, [project, ...tests]] of chosen) {
    const target = path.join(copy, file);
    const original = readFileSync(target, "utf8");
    if (!original.includes(from)) {
      results.push([name, "NOT PLANTED (the code moved: update scripts/break-rules.mjs)"]);
      continue;
    }
    writeFileSync(target, original.replace(from, to));
    const started = Date.now();
    const run = spawnSync("npx", ["vitest", "run", "--project", project, ...tests], {
      cwd: copy,
      encoding: "utf8",
      env: { ...process.env, CI: "1" },
    });
    writeFileSync(target, original);
    const output = `${run.stdout}\n${run.stderr}`;
    const failed = /Tests\s.*\d+ failed/.test(output.replace(/\x1b\[[0-9;]*m/g, ""));
    const verdict = run.status !== 0 && failed ? "caught" : run.status !== 0 ? "caught (suite failed)" : "MISSED";
    results.push([
      name,
      `${verdict} by ${tests.map((t) => path.basename(t)).join(", ")} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ]);
    console.log(`${verdict.startsWith("caught") ? "caught" : "MISSED"}  ${name}`);
  }
} finally {
  cleanup();
}

console.log("\nplanted bug → result");
for (const [name, outcome] of results) console.log(`- ${name}: ${outcome}`);
const missed = results.filter(([, o]) => !o.startsWith("caught"));
console.log(`\n${results.length - missed.length}/${results.length} caught`);
process.exit(missed.length ? 1 : 0);

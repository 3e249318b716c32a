// The critical modules of issue 18: each with the files Stryker mutates for it, and the test files
// that exercise them (unit ones under test/unit or lib, database ones under test/integration).
// stryker.config.mjs builds its `mutate` list from here, vitest.mutation.config.ts its test files,
// and scripts/mutation-table.mjs groups the report by it.
export const MODULES = [
  {
    name: "signing and verification",
    files: ["lib/signing/sign.ts", "lib/signing/token.ts", "lib/scanning/hooks.ts"],
    tests: ["test/unit/delivery-sign.test.ts", "test/unit/signing.test.ts", "test/integration/hooks.test.ts"],
  },
  {
    name: "SSRF guard and HTTP client",
    files: ["lib/http/*.ts"],
    tests: [
      "test/unit/http-guard.test.ts",
      "test/unit/outbound-guard.test.ts",
      "test/unit/http-answers.test.ts",
      "test/unit/http-client.test.ts",
      "test/unit/address-policy.test.ts",
      "test/unit/dns-cache.test.ts",
      "test/unit/http-deadline.test.ts",
      "test/integration/delivery-ssrf.test.ts",
    ],
  },
  {
    name: "roles and principals",
    files: ["lib/auth/principal.ts", "lib/integrations/scope.ts"],
    tests: ["test/unit/principal.test.ts", "test/integration/roles.test.ts"],
  },
  {
    name: "ingest diff and identity",
    files: ["lib/issues/diff.ts", "lib/issues/identity.ts"],
    tests: ["test/unit/ingest-identity.test.ts", "test/integration/ingest-diff.test.ts"],
  },
  {
    name: "notification routing",
    files: [
      "lib/notifications/fan-out.ts",
      "lib/severity.ts",
      // The providers' notify functions: the chat providers' (Slack, Teams), PagerDuty's, the webhooks'.
      "lib/integrations/payloads.ts",
      "lib/integrations/pagerduty/index.ts",
      "lib/integrations/pagerduty/notify.ts",
      "lib/integrations/events-webhook/index.ts",
      "lib/integrations/events-webhook/notify.ts",
      "lib/integrations/custom-webhook/index.ts",
      "lib/integrations/custom-webhook/notify.ts",
    ],
    tests: [
      "test/unit/delivery-providers.test.ts",
      "test/unit/notify.test.ts",
      "test/integration/pagerduty-reopen.test.ts",
      "test/integration/fan-out.test.ts",
    ],
  },
  {
    name: "secret masking",
    files: ["lib/crypto/mask.ts", "lib/delivery/redact.ts", "lib/integrations/views.ts"],
    tests: [
      "test/unit/secret-masking.test.ts",
      "test/unit/integration-views.test.ts",
      "test/integration/masking.test.ts",
    ],
  },
  {
    name: "delivery claim, record and retry",
    files: ["lib/delivery/claim.ts", "lib/delivery/record.ts", "lib/delivery/retry.ts"],
    tests: [
      "test/unit/delivery-retry.test.ts",
      "test/integration/delivery-outbox.test.ts",
      "test/integration/delivery-claim.test.ts",
    ],
  },
  {
    name: "scan identity and redaction",
    files: ["lib/scanning/findings.ts", "lib/detectors/mask.ts"],
    tests: ["lib/detectors/mask.test.ts", "test/unit/scan-findings.test.ts"],
  },
];

/** A module's short key for STRYKER_MODULE: its first word, lowercased ("signing", "ssrf", "roles", …). */
export const moduleKey = (name) => name.split(" ")[0].toLowerCase();

/** The modules STRYKER_MODULE chooses: one, or all of them when it is unset. */
export function chosenModules(key = process.env.STRYKER_MODULE) {
  const chosen = MODULES.filter((m) => !key || moduleKey(m.name) === key);
  if (chosen.length === 0)
    throw new Error(`STRYKER_MODULE=${key} names no module (${MODULES.map((m) => moduleKey(m.name)).join(", ")})`);
  return chosen;
}

/** Which module a mutated file belongs to (globs here are only ever `dir/*.ts`). */
export function moduleOf(file) {
  for (const { name, files } of MODULES) {
    for (const p of files) {
      if (p === file) return name;
      if (p.endsWith("/*.ts") && file.startsWith(p.slice(0, -4)) && !file.slice(p.length - 4).includes("/"))
        return name;
    }
  }
  return null;
}

// Mutation testing of the modules where a silent bug costs most (issue 18): `npm run test:mutation`.
// Not part of `npm test` (it takes tens of minutes). Reports land in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  // STRYKER_MUTATE="a.ts,b.ts" narrows the run (a quick look at a few modules).
  mutate: process.env.STRYKER_MUTATE
    ? process.env.STRYKER_MUTATE.split(",")
    : [
        // signing and verification
        "lib/delivery/sign.ts",
        "lib/scanning/hooks.ts",
        // the SSRF guard and the HTTP client
        "lib/http/address-policy.ts",
        "lib/http/connector.ts",
        "lib/http/client.ts",
        // roles and principals
        "lib/auth/principal.ts",
        // ingest diff and identity
        "lib/issues/diff.ts",
        "lib/issues/identity.ts",
        // notification routing
        "lib/notifications/route.ts",
        // secret masking
        "lib/crypto/mask.ts",
        "lib/integrations/views.ts",
        "lib/delivery/redact.ts",
        // the delivery claim, record and retry
        "lib/delivery/claim.ts",
        "lib/delivery/record.ts",
        "lib/delivery/retry.ts",
        // the scan's identity and redaction
        "lib/scanning/findings.ts",
        "lib/detectors/mask.ts",
      ],
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 60,
  timeoutFactor: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  incremental: process.env.STRYKER_INCREMENTAL !== "false",
  incrementalFile: "reports/mutation/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  thresholds: { high: 85, low: 70, break: null },
};
export default config;

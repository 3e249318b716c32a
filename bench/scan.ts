// `npm run bench:scan`: scanning throughput. (1) Detection over mixed ticket-like text in MB/s on
// one core and on the worker threads, beside a plain read of the same text and secretlint's
// recommended preset alone, in the same run (bench/scan-detectors.ts). (2) A full Jira scan end to
// end against the fake Jira on PGlite in tickets/s, beside a plain read of the same tickets (the
// same search pages, no detection, no ingest).
import { randomBytes } from "node:crypto";
process.env.SECRETS_KEY ||= randomBytes(32).toString("base64");
process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
process.env.WORKER = "off";
process.env.OUTBOUND_ALLOW_PRIVATE = "true";
delete process.env.DATABASE_URL;
process.env.DATA_DIR = "memory://";

const TICKETS = Number(process.env.BENCH_TICKETS || 600);

async function main() {
  const { closeDb } = await import("@/db/client");
  const { migrate } = await import("@/db/migrate");
  const { benchDetectors } = await import("./scan-detectors");
  const { detectionPool } = await import("@/lib/detectors/detect");
  const { startScan } = await import("@/lib/scanning/jobs");
  const { ScanRunner } = await import("@/lib/scanning/runner");
  const { jiraCredentials } = await import("@/lib/integrations/jira/client");
  const { searchJiraTickets } = await import("@/lib/integrations/jira/scan");
  const { adfToText } = await import("@/lib/scanning/adf");
  const { createJiraFake } = await import("@/test/fakes");
  const { setupAdmin } = await import("@/test/support/api");
  const { createScanIntegration, runScansToEnd, seedJira, API_TOKEN, EMAIL } =
    await import("@/test/integration/scan-harness");

  // (1) Detectors alone.
  await benchDetectors();

  // (2) End to end against the fake Jira.
  await migrate();
  const admin = await setupAdmin();
  const jira = createJiraFake();
  await jira.start();
  const planted = seedJira(jira, ["BENCH"], TICKETS);
  const integrationId = await createScanIntegration("jira", jira.url);
  const creds = jiraCredentials({
    id: integrationId,
    provider: "jira",
    teamId: null,
    enabled: true,
    minSeverity: "info",
    settings: { domainUrl: jira.url, email: EMAIL },
    secrets: { apiToken: API_TOKEN },
  });

  let t0 = performance.now();
  let read = 0;
  let token: string | undefined;
  do {
    const page = await searchJiraTickets(creds, "BENCH", token, 50);
    for (const t of page.tickets) read += adfToText(t.description).length + t.comments.length;
    token = page.nextPageToken;
  } while (token);
  const plainMs = performance.now() - t0;

  t0 = performance.now();
  await startScan(admin.principal, "jira", null);
  await runScansToEnd(new ScanRunner({ log: process.env.SCAN_DEBUG ? console.log : () => {} }), 600_000);
  const scanMs = performance.now() - t0;
  console.log(`jira end to end: ${TICKETS} tickets, ${planted.length} planted secrets (PGlite, fake Jira on loopback)`);
  console.log(
    `  full scan   ${(TICKETS / (scanMs / 1000)).toFixed(0)} tickets/s = ${(plainMs / scanMs).toFixed(2)}× plain read (${scanMs.toFixed(0)} ms: search, detect, ingest)`,
  );
  console.log(
    `  plain read  ${(TICKETS / (plainMs / 1000)).toFixed(0)} tickets/s (${plainMs.toFixed(0)} ms: the same search pages only; ${read} chars)`,
  );
  await jira.stop();
  await detectionPool().close();
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

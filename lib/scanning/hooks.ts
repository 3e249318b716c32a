import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations } from "@/db/schema";
import { PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";
import { enqueueItemScan } from "./jobs";
import { loadScanSettings, type ScanProvider } from "./settings";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Jira and Confluence events carry ids, not content; 1 MiB is generous.
const MAX_EVENT_BYTES = 1024 * 1024;

const JIRA_EVENTS = new Set(["jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted"]);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Is this request from the vendor? Either Jira's `X-Hub-Signature: sha256=<hex>` (HMAC of the body
 * with the webhook's secret, set when the admin gives Jira that secret) or the secret token in the
 * URL (`?token=`), for Confluence and for Jira webhooks registered without a secret.
 */
export function verifyHook(token: string, url: URL, headers: Headers, body: string): boolean {
  if (!token) return false;
  const signature = headers.get("x-hub-signature");
  if (signature) {
    const expected = `sha256=${createHmac("sha256", token).update(body, "utf8").digest("hex")}`;
    return same(signature.trim().toLowerCase(), expected);
  }
  return same(url.searchParams.get("token") ?? "", token);
}

/** What to scan from an event: a Jira issue key or a Confluence page id; undefined for other events. */
export function hookTarget(provider: ScanProvider, event: unknown): string | undefined {
  if (!event || typeof event !== "object") return undefined;
  const e = event as { webhookEvent?: unknown; issue?: { key?: unknown }; page?: { id?: unknown }; content?: { id?: unknown; type?: unknown } };
  if (provider === "jira") {
    if (typeof e.webhookEvent === "string" && !JIRA_EVENTS.has(e.webhookEvent)) return undefined;
    return typeof e.issue?.key === "string" && /^[A-Z][A-Z0-9_]*-\d+$/i.test(e.issue.key) ? e.issue.key : undefined;
  }
  const id = e.page?.id ?? (e.content?.type === "page" ? e.content.id : undefined);
  return (typeof id === "string" || typeof id === "number") && /^\d+$/.test(String(id)) ? String(id) : undefined;
}

/**
 * A vendor webhook: authenticate it against the integration's own secret, queue the ticket or page,
 * and answer at once; the scan runs in the background. Anything unauthenticated changes nothing.
 */
export async function receiveHook(provider: ScanProvider, integrationId: string, request: Request): Promise<{ queued: boolean }> {
  if (!UUID.test(integrationId)) throw new UnauthorizedError("Unknown webhook");
  const [row] = await db.select({ provider: integrations.provider, enabled: integrations.enabled }).from(integrations).where(eq(integrations.id, integrationId));
  if (!row || row.provider !== provider) throw new UnauthorizedError("Unknown webhook");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_EVENT_BYTES) throw new PayloadTooLargeError();
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_EVENT_BYTES) throw new PayloadTooLargeError();
  const { webhookToken } = await loadScanSettings(integrationId);
  if (!verifyHook(webhookToken, new URL(request.url), request.headers, body)) throw new UnauthorizedError("The webhook token or signature does not match");
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    return { queued: false };
  }
  const target = hookTarget(provider, event);
  if (!target || !row.enabled) return { queued: false };
  await enqueueItemScan(integrationId, provider, target);
  return { queued: true };
}

import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations } from "@/db/schema";
import { BODY_LIMITS, bodyText, readBodyBytes } from "@/lib/api/body";
import { NotFoundError, PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getProvider } from "@/lib/integrations/registry";
import { syncFromJiraEvent } from "@/lib/sync/jira-hook";
import { enqueueItemScan } from "./jobs";
import { issuedWebhookToken, type ScanProvider } from "./settings";

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

// One answer for an unknown hook, a wrong token and a bad signature: none tells which it was.
const refused = () => new UnauthorizedError("The webhook is unknown, or its token or signature does not match");

/**
 * A vendor webhook: authenticate it against the integration's own secret, queue the ticket or page,
 * and answer at once; the scan runs in the background. Anything unauthenticated changes nothing.
 * A URL token is checked before a byte of the body is read, and a request with neither token nor
 * signature is refused unread. A signature covers the body, so that body is read first, up to
 * 1 MiB; one larger than that cannot be verified and is refused like a wrong signature.
 */
export async function receiveHook(
  provider: ScanProvider,
  integrationId: string,
  request: Request,
): Promise<{ queued: boolean; synced?: boolean }> {
  const scan = getProvider(provider)?.scan;
  if (!scan) throw new NotFoundError(`Webhooks for "${provider}"`);
  if (!isUuid(integrationId)) throw refused();
  const [row] = await db
    .select({ provider: integrations.provider, enabled: integrations.enabled })
    .from(integrations)
    .where(eq(integrations.id, integrationId));
  if (!row || row.provider !== provider) throw refused();
  // No token was ever issued (nobody opened the scan settings): nothing can match, and nothing is created.
  const webhookToken = await issuedWebhookToken(integrationId);
  if (!webhookToken) throw refused();
  const url = new URL(request.url);
  const signed = request.headers.has("x-hub-signature");
  if (!signed && !verifyHook(webhookToken, url, request.headers, "")) throw refused();

  let body: string;
  try {
    body = bodyText(await readBodyBytes(request, BODY_LIMITS.hook));
  } catch (error) {
    if (signed && error instanceof PayloadTooLargeError) throw refused();
    throw error;
  }
  if (signed && !verifyHook(webhookToken, url, request.headers, body)) throw refused();
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    return { queued: false };
  }
  // Ticket sync: a linked ticket's status change or deletion, so the issue follows its ticket.
  const sync = provider === "jira" && row.enabled ? { synced: await syncFromJiraEvent(integrationId, event) } : {};
  const target = scan.hookTarget(event);
  if (!target || !row.enabled) return { queued: false, ...sync };
  await enqueueItemScan(integrationId, provider, target);
  return { queued: true, ...sync };
}

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations } from "@/db/schema";
import { BODY_LIMITS, bodyText, readBodyBytes } from "@/lib/api/body";
import { UnauthorizedError } from "@/lib/errors";
import { loadScanSettings } from "@/lib/scanning/settings";
import { verifyHook } from "@/lib/scanning/hooks";
import { applyTicketStatus } from "./apply";
import { ticketsByKey, unlinkTicket } from "./links";
import { accountIdOf } from "./runs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const refused = () => new UnauthorizedError("The webhook is unknown, or its token does not match");

// monday's event body (developer.monday.com/api-reference/reference/webhooks): `event.type`
// `update_column_value` for a status column, `pulseId`, `userId` and `value.label {text, is_done}`;
// `delete_pulse` when an item is deleted.
type MondayEvent = {
  type?: unknown;
  userId?: unknown;
  pulseId?: unknown;
  itemId?: unknown;
  value?: { label?: { text?: unknown; is_done?: unknown } };
};

/**
 * monday's webhook receiver (contract §3): the challenge handshake echoed, then status changes
 * of linked items. The token in the URL is checked before a byte of the body is read. A change
 * made with the product's own token is recorded and never acted on.
 */
export async function receiveMondayHook(
  integrationId: string,
  request: Request,
): Promise<{ challenge?: string; synced?: boolean }> {
  if (!UUID.test(integrationId)) throw refused();
  const [row] = await db
    .select({ provider: integrations.provider, enabled: integrations.enabled, teamId: integrations.teamId })
    .from(integrations)
    .where(eq(integrations.id, integrationId));
  if (!row || row.provider !== "monday" || row.teamId !== null) throw refused();
  const { webhookToken } = await loadScanSettings(integrationId);
  if (request.headers.has("x-hub-signature") || !verifyHook(webhookToken, new URL(request.url), request.headers, ""))
    throw refused();
  const body = bodyText(await readBodyBytes(request, BODY_LIMITS.hook));
  let parsed: { challenge?: unknown; event?: MondayEvent };
  try {
    parsed = JSON.parse(body) ?? {};
  } catch {
    return { synced: false };
  }
  if (typeof parsed.challenge === "string") return { challenge: parsed.challenge };
  const event = parsed.event;
  const itemId = String(event?.pulseId ?? event?.itemId ?? "");
  if (!row.enabled || !event || !/^\d+$/.test(itemId)) return { synced: false };
  const [ticket] = await ticketsByKey("monday", itemId, [integrationId]);
  if (!ticket) return { synced: false };
  if (event.type === "delete_pulse") return { synced: await unlinkTicket(ticket) };
  const label = event.value?.label;
  if (event.type !== "update_column_value" || typeof label?.text !== "string") return { synced: false };
  const own = await accountIdOf(integrationId);
  const echo = own !== null && String(event.userId ?? "") === own;
  const applied = await applyTicketStatus(
    ticket,
    { status: label.text, category: label.is_done === true ? "done" : "new" },
    { echo },
  );
  return { synced: applied === "resolved" || applied === "reopened" };
}

import { and, eq } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { syncWebhooks } from "@/db/schema";
import { VendorError } from "@/lib/errors";
import { mondayToken } from "@/lib/integrations/monday/client";
import { createMondayStatusWebhook, mondayStatusColumn } from "@/lib/integrations/monday/sync";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { errorFacts, logger } from "@/lib/log";
import { hookUrlOf } from "./hook-url";

export type SubscriptionResult = { boardId: string; ok: boolean; message?: string };

/**
 * monday `create_webhook` (change_status_column_value) for each board with linked items, and the
 * given ones, that has no subscription yet. monday calls hookUrl with a challenge first, which the
 * receiver echoes (lib/sync/monday-hook.ts); the secret in hookUrl authenticates later events.
 */
export async function subscribeMondayBoards(
  config: IntegrationConfig,
  extraBoards: string[] = [],
): Promise<SubscriptionResult[]> {
  const token = mondayToken(config);
  if (!token || config.teamId !== null) return [];
  const linked = await rows<{ board: string }>(
    db,
    sql`select distinct container as board from issue_tickets where integration_id = ${config.id} and provider = 'monday' and container is not null`,
  );
  const done = new Set(
    (
      await db
        .select({ boardId: syncWebhooks.boardId })
        .from(syncWebhooks)
        .where(eq(syncWebhooks.integrationId, config.id))
    ).map((r) => r.boardId),
  );
  const boards = [...new Set([...linked.map((l) => l.board), ...extraBoards])].filter(
    (b) => /^\d+$/.test(b) && !done.has(b),
  );
  const url = await hookUrlOf("monday", config.id);
  const results: SubscriptionResult[] = [];
  for (const boardId of boards) {
    try {
      const column = await mondayStatusColumn(token, boardId);
      if (!column) throw new VendorError(200, "The board has no status column");
      const webhookId = await createMondayStatusWebhook(token, boardId, column.id, url);
      await db.insert(syncWebhooks).values({ integrationId: config.id, boardId, webhookId }).onConflictDoNothing();
      results.push({ boardId, ok: true });
    } catch (error) {
      const message = error instanceof VendorError ? error.vendorMessage : "Could not subscribe";
      logger().warn({ boardId, err: errorFacts(error) }, "sync: monday webhook not created");
      results.push({ boardId, ok: false, message });
    }
  }
  return results;
}

export async function mondaySubscriptions(integrationId: string): Promise<{ boardId: string; webhookId: string }[]> {
  return db
    .select({ boardId: syncWebhooks.boardId, webhookId: syncWebhooks.webhookId })
    .from(syncWebhooks)
    .where(and(eq(syncWebhooks.integrationId, integrationId)));
}

import { VendorError } from "@/lib/errors";
import { mondayQuery } from "./client";
import { STATUS_COLUMN_QUERY, statusColumnOf, type MondayStatusColumn } from "./sync-request";

export type { MondayStatusColumn, MondayStatusLabel, MondaySyncPayload } from "./sync-request";

// Ticket sync's monday.com calls, per monday's SDL (API 2026-10): a board's first status
// column and its done labels (`Column.settings.labels[].is_done`), items' statuses, create_webhook
// for change_status_column_value, create_update and change_simple_column_value.

export type MondayItemStatus = { id: string; boardId: string; status: string; isDone: boolean; deleted: boolean };
// monday's items(ids:) takes at most 100 ids.
const ITEMS_PER_QUERY = 100;

async function query(
  token: string,
  text: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const answer = await mondayQuery(token, text, variables);
  if (!answer.ok) throw new VendorError(answer.result.status, `monday.com: ${answer.result.message}`);
  return answer.data;
}

/** The token's own user: changes it made come back in webhooks under this userId. */
export async function mondayUserId(token: string): Promise<string | null> {
  const data = await query(token, "query { me { id } }", {});
  const id = (data.me as { id?: string | number } | null)?.id;
  return id === undefined ? null : String(id);
}

/** The board's first status column: the one sync follows (contract §3), with its done labels. */
export async function mondayStatusColumn(token: string, boardId: string): Promise<MondayStatusColumn | undefined> {
  return statusColumnOf(await query(token, STATUS_COLUMN_QUERY, { ids: [boardId] }), boardId);
}

/**
 * Linked items' statuses in their board's status column. A trashed item comes back with
 * `state: "deleted"`; one deleted for good is absent, and so counts as gone.
 */
export async function mondayItemStatuses(
  token: string,
  ids: string[],
  columnIdOf: (boardId: string) => Promise<string | undefined>,
): Promise<{ found: MondayItemStatus[]; gone: string[] }> {
  const found: MondayItemStatus[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i += ITEMS_PER_QUERY) {
    const batch = ids.slice(i, i + ITEMS_PER_QUERY);
    const data = await query(
      token,
      "query ($ids: [ID!], $limit: Int) { items(ids: $ids, limit: $limit) { id state board { id } column_values(types: [status]) { id ... on StatusValue { index label text is_done } } } }",
      { ids: batch, limit: batch.length },
    );
    type Raw = {
      id: string;
      state?: string;
      board?: { id: string };
      column_values?: { id: string; label?: string | null; text?: string | null; is_done?: boolean }[];
    };
    for (const item of (data.items as Raw[] | null) ?? []) {
      if (!item) continue;
      const boardId = String(item.board?.id ?? "");
      const columnId = await columnIdOf(boardId);
      const cell = item.column_values?.find((c) => c.id === columnId) ?? item.column_values?.[0];
      seen.add(String(item.id));
      found.push({
        id: String(item.id),
        boardId,
        status: cell?.label ?? cell?.text ?? "",
        isDone: !!cell?.is_done,
        deleted: item.state === "deleted",
      });
    }
  }
  return { found, gone: ids.filter((id) => !seen.has(id)) };
}

/**
 * Subscribe `url` to status changes of the board's status column. monday first POSTs a challenge
 * to `url`, which must echo it; the webhook exists only if it did.
 */
export async function createMondayStatusWebhook(
  token: string,
  boardId: string,
  columnId: string,
  url: string,
): Promise<string> {
  const data = await query(
    token,
    "mutation ($board: ID!, $url: String!, $config: JSON) { create_webhook(board_id: $board, url: $url, event: change_status_column_value, config: $config) { id } }",
    { board: boardId, url, config: JSON.stringify({ columnId, columnValue: { $any$: true } }) },
  );
  const id = (data.create_webhook as { id?: string | number } | null)?.id;
  if (id === undefined) throw new VendorError(200, "monday.com did not create the webhook");
  return String(id);
}

export async function deleteMondayWebhook(token: string, webhookId: string): Promise<void> {
  await query(token, "mutation ($id: ID!) { delete_webhook(id: $id) { id } }", { id: webhookId });
}

import { VendorError } from "@/lib/errors";
import type { IntegrationConfig, OutboundRequest, ResponseVerdict } from "../types";
import { parseJson, vendorText } from "../vendor-call";
import { MONDAY_API_VERSION, mondayApiUrl, mondayQuery, mondayToken } from "./client";

// Ticket sync's monday.com calls (issue 16), per monday's SDL (API 2026-10): a board's first status
// column and its done labels (`Column.settings.labels[].is_done`), items' statuses, create_webhook
// for change_status_column_value, create_update and change_simple_column_value.

export type MondayStatusLabel = { index: number; label: string; isDone: boolean };
export type MondayStatusColumn = { id: string; title: string; labels: MondayStatusLabel[] };
export type MondayItemStatus = { id: string; boardId: string; status: string; isDone: boolean; deleted: boolean };
export type MondaySyncPayload = {
  ticketKey: string;
  boardId: string;
  issueId: string;
  action: "resolved" | "reopened";
  text: string;
  link: string;
  /** Status label to set; null: update only. */
  moveTo: string | null;
  /** On reopen without a label to restore: the first label that is not done. */
  moveToNotDone?: boolean;
};

// monday's items(ids:) takes at most 100 ids.
const ITEMS_PER_QUERY = 100;

async function query(token: string, text: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
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
  const data = await query(token, "query ($ids: [ID!]) { boards(ids: $ids) { id columns(types: [status]) { id title settings } } }", { ids: [boardId] });
  type Raw = { id: string; columns?: { id: string; title: string; settings?: { labels?: { index: number; label: string; is_done?: boolean; is_deactivated?: boolean }[] } | string }[] };
  const board = ((data.boards as Raw[] | null) ?? []).find((b) => b && String(b.id) === String(boardId));
  const column = board?.columns?.[0];
  if (!column) return undefined;
  const settings = typeof column.settings === "string" ? (parseJson(column.settings) as { labels?: [] }) : column.settings;
  const labels = (settings?.labels ?? []) as { index: number; label: string; is_done?: boolean; is_deactivated?: boolean }[];
  return {
    id: column.id,
    title: column.title,
    labels: labels.filter((l) => !l.is_deactivated).map((l) => ({ index: l.index, label: l.label, isDone: !!l.is_done })).sort((a, b) => a.index - b.index),
  };
}

/**
 * Linked items' statuses in their board's status column. A trashed item comes back with
 * `state: "deleted"`; one deleted for good is absent, and so counts as gone.
 */
export async function mondayItemStatuses(token: string, ids: string[], columnIdOf: (boardId: string) => Promise<string | undefined>): Promise<{ found: MondayItemStatus[]; gone: string[] }> {
  const found: MondayItemStatus[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i += ITEMS_PER_QUERY) {
    const batch = ids.slice(i, i + ITEMS_PER_QUERY);
    const data = await query(
      token,
      "query ($ids: [ID!], $limit: Int) { items(ids: $ids, limit: $limit) { id state board { id } column_values(types: [status]) { id ... on StatusValue { index label text is_done } } } }",
      { ids: batch, limit: batch.length },
    );
    type Raw = { id: string; state?: string; board?: { id: string }; column_values?: { id: string; label?: string | null; text?: string | null; is_done?: boolean }[] };
    for (const item of (data.items as Raw[] | null) ?? []) {
      if (!item) continue;
      const boardId = String(item.board?.id ?? "");
      const columnId = await columnIdOf(boardId);
      const cell = item.column_values?.find((c) => c.id === columnId) ?? item.column_values?.[0];
      seen.add(String(item.id));
      found.push({ id: String(item.id), boardId, status: cell?.label ?? cell?.text ?? "", isDone: !!cell?.is_done, deleted: item.state === "deleted" });
    }
  }
  return { found, gone: ids.filter((id) => !seen.has(id)) };
}

/**
 * Subscribe `url` to status changes of the board's status column. monday first POSTs a challenge
 * to `url`, which must echo it; the webhook exists only if it did.
 */
export async function createMondayStatusWebhook(token: string, boardId: string, columnId: string, url: string): Promise<string> {
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

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * The delivery of a sync payload: one GraphQL request with the update and, when the item should
 * move, its new status. The label is resolved at the first attempt; retries send the same bytes.
 */
export async function buildMondaySyncRequest(config: IntegrationConfig, payload: MondaySyncPayload, sentBody?: string | null): Promise<OutboundRequest> {
  const token = mondayToken(config);
  const headers = { authorization: token, "api-version": MONDAY_API_VERSION, accept: "application/json" };
  if (sentBody) return { url: mondayApiUrl(), method: "POST", headers, body: sentBody };
  const body = `<p>${escapeHtml(payload.text)}</p><p><a href="${escapeHtml(payload.link)}">Open the issue in Code Security</a></p>`;
  const variables: Record<string, unknown> = { item: payload.ticketKey, body };
  let mutation = "mutation ($item: ID!, $body: String!) { create_update(item_id: $item, body: $body) { id } }";
  if (payload.moveTo || payload.moveToNotDone) {
    const column = await mondayStatusColumn(token, payload.boardId);
    const label = column?.labels.find((l) => payload.moveTo && l.label.toLowerCase() === payload.moveTo.toLowerCase())?.label ?? (payload.moveToNotDone ? column?.labels.find((l) => !l.isDone)?.label : undefined);
    if (column && label) {
      mutation = `mutation ($item: ID!, $body: String!, $board: ID!, $column: String!, $label: String) {
        update: create_update(item_id: $item, body: $body) { id }
        status: change_simple_column_value(board_id: $board, item_id: $item, column_id: $column, value: $label) { id }
      }`;
      Object.assign(variables, { board: payload.boardId, column: column.id, label });
    }
  }
  return { url: mondayApiUrl(), method: "POST", headers, body: JSON.stringify({ query: mutation, variables }) };
}

/** monday reports its errors inside HTTP 200: only a 200 without `errors` is delivered. */
export function judgeMondayAnswer(status: number, body: string): ResponseVerdict {
  const json = parseJson(body) as { errors?: { message?: string }[]; error_message?: string } | undefined;
  const problem = json?.errors?.map((e) => e.message).filter(Boolean).join("; ") || json?.error_message;
  if (status === 200 && !problem) return { ok: true };
  return { ok: false, message: vendorText(problem || body) };
}

import { VendorError } from "@/lib/errors";
import type { IntegrationConfig, OutboundRequest, ResponseVerdict, VendorCall } from "../types";
import { parseJson, vendorText } from "../vendor-text";
import { MONDAY_API_VERSION, mondayApiUrl, mondayRequest, mondayToken, readMondayAnswer } from "./graphql";

// What a ticket-sync delivery sends to monday.com: an update, and a status move when the
// item should move. Client-safe like every provider declaration: the board lookup it needs goes
// through the VendorCall the delivery engine hands in.

export type MondayStatusLabel = { index: number; label: string; isDone: boolean };
export type MondayStatusColumn = { id: string; title: string; labels: MondayStatusLabel[] };
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

export const STATUS_COLUMN_QUERY =
  "query ($ids: [ID!]) { boards(ids: $ids) { id columns(types: [status]) { id title settings } } }";

/** The board's first status column in a boards answer, with its labels (deactivated ones left out). */
export function statusColumnOf(data: Record<string, unknown>, boardId: string): MondayStatusColumn | undefined {
  type Raw = {
    id: string;
    columns?: {
      id: string;
      title: string;
      settings?: { labels?: { index: number; label: string; is_done?: boolean; is_deactivated?: boolean }[] } | string;
    }[];
  };
  const board = ((data.boards as Raw[] | null) ?? []).find((b) => b && String(b.id) === String(boardId));
  const column = board?.columns?.[0];
  if (!column) return undefined;
  const settings =
    typeof column.settings === "string" ? (parseJson(column.settings) as { labels?: [] }) : column.settings;
  const labels = (settings?.labels ?? []) as {
    index: number;
    label: string;
    is_done?: boolean;
    is_deactivated?: boolean;
  }[];
  return {
    id: column.id,
    title: column.title,
    labels: labels
      .filter((l) => !l.is_deactivated)
      .map((l) => ({ index: l.index, label: l.label, isDone: !!l.is_done }))
      .sort((a, b) => a.index - b.index),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * The delivery of a sync payload: one GraphQL request with the update and, when the item should
 * move, its new status. The label is resolved at the first attempt; retries send the same bytes.
 */
export async function buildMondaySyncRequest(
  config: IntegrationConfig,
  payload: MondaySyncPayload,
  sentBody: string | null | undefined,
  call: VendorCall,
): Promise<OutboundRequest> {
  const token = mondayToken(config);
  const headers = { authorization: token, "api-version": MONDAY_API_VERSION, accept: "application/json" };
  if (sentBody) return { url: mondayApiUrl(), method: "POST", headers, body: sentBody };
  const body = `<p>${escapeHtml(payload.text)}</p><p><a href="${escapeHtml(payload.link)}">Open the issue in Code Security</a></p>`;
  const variables: Record<string, unknown> = { item: payload.ticketKey, body };
  let mutation = "mutation ($item: ID!, $body: String!) { create_update(item_id: $item, body: $body) { id } }";
  if (payload.moveTo || payload.moveToNotDone) {
    const answer = readMondayAnswer(await call(mondayRequest(token, STATUS_COLUMN_QUERY, { ids: [payload.boardId] })));
    if (!answer.ok) throw new VendorError(answer.result.status, `monday.com: ${answer.result.message}`);
    const column = statusColumnOf(answer.data, payload.boardId);
    const label =
      column?.labels.find((l) => payload.moveTo && l.label.toLowerCase() === payload.moveTo.toLowerCase())?.label ??
      (payload.moveToNotDone ? column?.labels.find((l) => !l.isDone)?.label : undefined);
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
  const problem =
    json?.errors
      ?.map((e) => e.message)
      .filter(Boolean)
      .join("; ") || json?.error_message;
  if (status === 200 && !problem) return { ok: true };
  return { ok: false, message: vendorText(problem || body) };
}

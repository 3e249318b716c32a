// monday.com board webhooks (https://developer.monday.com/api-reference/reference/webhooks):
// `create_webhook` verifies the URL first by POSTing `{"challenge": "<random token>"}` and expects
// the same token back as `challenge` in a JSON answer; `delete_webhook`; the `webhooks` query; and
// the event bodies monday POSTs, `{ "event": { … } }`, in the shape of the docs' status-change
// sample (`type: "update_column_value"`, `columnType: "color"`, `value`/`previousValue` as
// `{ label: { index, text, style, is_done }, post_id }`, `changedAt` in epoch seconds).
//
// monday does not document the error `create_webhook` answers when the challenge fails; the fake
// answers an application error (HTTP 200, `errors`, `data.create_webhook: null`) with the
// documented code `InvalidArgumentException` and its own message. Personal-token webhooks are not
// signed (no JWT in `Authorization`), so no signature is sent.
import { randomBytes } from "node:crypto";
import { GraphQLError } from "graphql";
import { isObject } from "./http";
import type { MondayBoard, MondayChange, MondayItem } from "./monday-site";
import { eventValue, type StatusCell } from "./monday-status";
import { postJson, type WebhookDelivery } from "./webhook-delivery";

export interface MondayWebhook {
  id: string;
  board_id: string;
  url: string;
  event: string;
  config: string | null;
  userId: string;
}
export interface MondayEventBody {
  event: Record<string, unknown>;
}

export interface WebhookHost {
  boards: MondayBoard[];
  webhooks: MondayWebhook[];
  deliveries: WebhookDelivery[];
  challengeTimeoutMs: number;
  nextId(): number;
  violation(message: string): void;
}

export const mondayError = (
  message: string,
  code: string,
  error_data: Record<string, unknown> = {},
  status_code = 200,
) => new GraphQLError(message, { extensions: { code, status_code, error_data } });

const STATUS_EVENTS = new Set(["change_status_column_value", "change_column_value", "change_specific_column_value"]);

function parseConfig(config: unknown): Record<string, unknown> | undefined {
  if (config === undefined || config === null) return {};
  if (isObject(config)) return config;
  if (typeof config !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(config);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Does a status change fire this subscription? (`columnId` and `columnValue: {index}` narrow it; `{"$any$": true}` does not.) */
export function subscribed(w: MondayWebhook, board: MondayBoard, change: MondayChange): boolean {
  if (w.board_id !== board.id || change.kind !== "status" || !STATUS_EVENTS.has(w.event)) return false;
  const config = parseConfig(w.config) ?? {};
  if (typeof config.columnId === "string" && config.columnId !== change.columnId) return false;
  if (w.event === "change_status_column_value") {
    if (board.columns.find((c) => c.id === change.columnId)?.type !== "status") return false;
    const wanted = isObject(config.columnValue) ? config.columnValue : {};
    if (typeof wanted.index === "number" && wanted.index !== change.value?.index) return false;
  }
  return true;
}

export function statusEventBody(
  board: MondayBoard,
  item: MondayItem,
  change: MondayChange,
  webhook?: MondayWebhook,
): MondayEventBody {
  const column = board.columns.find((c) => c.id === change.columnId)!;
  const at = Date.parse(change.at);
  return {
    event: {
      app: "monday",
      type: "update_column_value",
      triggerTime: change.at,
      subscriptionId: webhook ? Number(webhook.id) : 0,
      isRetry: false,
      userId: Number(change.userId),
      originalTriggerUuid: null,
      boardId: Number(board.id),
      groupId: item.group_id,
      pulseId: Number(item.id),
      pulseName: item.name,
      columnId: column.id,
      columnType: "color",
      columnTitle: column.title,
      value: eventValue(column, change.value as StatusCell | undefined),
      previousValue: eventValue(column, change.previous as StatusCell | undefined),
      changedAt: at / 1000,
      isTopGroup: board.groups[0]?.id === item.group_id,
      triggerUuid: randomBytes(16).toString("hex"),
    },
  };
}

const webhookJson = (w: MondayWebhook) => ({ id: w.id, board_id: w.board_id, event: w.event, config: w.config });

export function webhookResolvers(host: WebhookHost, userId: string): Record<string, unknown> {
  return {
    webhooks: (args: { board_id: string }) =>
      host.webhooks.filter((w) => w.board_id === String(args.board_id)).map(webhookJson),
    create_webhook: async (args: { board_id: string; url: string; event: string; config?: unknown }) => {
      const board = host.boards.find((b) => b.id === String(args.board_id));
      if (!board) throw mondayError("Board not found", "InvalidBoardIdException", { board_id: args.board_id });
      if (args.url.length > 255) {
        host.violation(`create_webhook: url is ${args.url.length} characters; monday's limit is 255`);
        throw mondayError("url is too long (255 characters at most)", "InvalidArgumentException");
      }
      const config = parseConfig(args.config);
      if (!config) {
        host.violation("create_webhook: config is not a JSON object");
        throw mondayError("config is not valid JSON", "JsonParseException");
      }
      if (typeof config.columnId === "string" && !board.columns.some((c) => c.id === config.columnId)) {
        throw mondayError("This column ID doesn't exist for the board", "InvalidColumnIdException", {
          column_id: config.columnId,
          board_id: board.id,
        });
      }
      const challenge = randomBytes(39).toString("base64url");
      const answer = await postJson(args.url, { challenge }, {}, host.challengeTimeoutMs);
      host.deliveries.push(answer);
      const echoed = isObject(answer.responseJson) && answer.responseJson.challenge === challenge;
      if (answer.status !== 200 || !echoed) {
        throw mondayError(
          "Failed to verify the webhook URL: it did not answer the challenge",
          "InvalidArgumentException",
          { url_status: answer.status },
        );
      }
      const w: MondayWebhook = {
        id: String(140000000 + host.nextId()),
        board_id: board.id,
        url: args.url,
        event: args.event,
        config: args.config === undefined || args.config === null ? null : JSON.stringify(config),
        userId,
      };
      host.webhooks.push(w);
      return webhookJson(w);
    },
    delete_webhook: (args: { id: string }) => {
      const i = host.webhooks.findIndex((w) => w.id === String(args.id));
      if (i < 0) throw mondayError("Webhook not found", "ResourceNotFoundException", { webhook_id: args.id }, 404);
      const [w] = host.webhooks.splice(i, 1);
      return webhookJson(w);
    },
  };
}

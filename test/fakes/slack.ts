// Slack incoming webhooks (`POST /services/T…/B…/<secret>`). Slack publishes no machine-readable
// schema for webhooks or Block Kit, so the limits below are the documented ones
// (https://api.slack.com/reference/block-kit/blocks, …/composition-objects).
// Slack answers in text/plain: `ok`, or an error code such as `invalid_payload`.
import { FakeServer, isObject, type FakeResponse, type RecordedRequest } from "./http";

export type SlackWebhookState = "ok" | "archived" | "invalid_token" | "channel_not_found";

export interface SlackMessage {
  path: string;
  text?: string;
  blocks?: unknown[];
  body: Record<string, unknown>;
}

const STATE_ANSWER: Record<Exclude<SlackWebhookState, "ok">, FakeResponse> = {
  archived: { status: 410, body: "channel_is_archived" },
  invalid_token: { status: 403, body: "invalid_token" },
  channel_not_found: { status: 404, body: "channel_not_found" },
};

export class SlackFake extends FakeServer {
  readonly messages: SlackMessage[] = [];
  private readonly webhooks = new Map<string, SlackWebhookState>();
  private counter = 0;

  /** Registers a webhook and returns its full URL. `path` defaults to a fresh `/services/T…/B…/…`. */
  addWebhook(path?: string, state: SlackWebhookState = "ok"): string {
    const p = path ?? `/services/T0FAKE${++this.counter}/B0FAKE${this.counter}/secret${this.counter}xyz`;
    this.webhooks.set(p, state);
    return `${this.url}${p}`;
  }

  setWebhookState(path: string, state: SlackWebhookState): void {
    this.webhooks.set(path, state);
  }

  override reset(): void {
    super.reset();
    this.messages.length = 0;
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return { status: 429, body: "rate_limited", headers: { "Retry-After": String(seconds) } };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.method !== "POST" || !req.path.startsWith("/services/")) return [`unexpected ${req.method} ${req.path}`];
    if (req.bodyError) return [`body is not valid JSON: ${req.bodyError}`];
    const body = slackPayload(req);
    if (!isObject(body)) return ["body must be a JSON object"];
    return validateMessage(body);
  }

  protected handle(req: RecordedRequest, problems: string[]): FakeResponse {
    if (req.method !== "POST") return { status: 404, body: "no_service" };
    const state = this.webhooks.get(req.path);
    if (!state) return { status: 404, body: "no_service" };
    if (state !== "ok") return STATE_ANSWER[state];
    const body = slackPayload(req);
    if (req.bodyError || !isObject(body)) return { status: 400, body: "invalid_payload" };
    const hasBlocks = Array.isArray(body.blocks) && body.blocks.length > 0;
    if (!hasBlocks && !nonEmptyString(body.text)) return { status: 400, body: "no_text" };
    // Slack itself accepts blocks without a top-level `text` (it only warns), so that one is a
    // recorded violation but still answered `ok`; every other problem is a bad payload.
    if (problems.some((p) => !p.startsWith("text:"))) return { status: 400, body: "invalid_blocks" };
    this.messages.push({
      path: req.path,
      text: typeof body.text === "string" ? body.text : undefined,
      blocks: Array.isArray(body.blocks) ? body.blocks : undefined,
      body,
    });
    return { status: 200, body: "ok" };
  }
}

export function createSlackFake(): SlackFake {
  return new SlackFake();
}

/** Slack also accepts the legacy form encoding `payload=<json>`. */
function slackPayload(req: RecordedRequest): unknown {
  if (isObject(req.body) && typeof req.body.payload === "string" && !("blocks" in req.body)) {
    try {
      return JSON.parse(req.body.payload);
    } catch {
      return undefined;
    }
  }
  return req.body;
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim().length > 0;
}

const BLOCK_KEYS: Record<string, string[]> = {
  section: ["type", "block_id", "text", "fields", "accessory", "expand"],
  header: ["type", "block_id", "text"],
  divider: ["type", "block_id"],
  context: ["type", "block_id", "elements"],
  actions: ["type", "block_id", "elements"],
};

export function validateMessage(body: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (!nonEmptyString(body.text)) errors.push("text: top-level `text` fallback is missing");
  if (body.blocks === undefined) return errors;
  if (!Array.isArray(body.blocks)) return [...errors, "blocks must be an array"];
  if (body.blocks.length > 50) errors.push(`blocks: ${body.blocks.length} blocks, at most 50 allowed`);
  body.blocks.forEach((block, i) => errors.push(...validateBlock(block, `blocks[${i}]`)));
  return errors;
}

function validateBlock(block: unknown, at: string): string[] {
  if (!isObject(block)) return [`${at} must be an object`];
  const type = String(block.type);
  const allowed = BLOCK_KEYS[type];
  if (!allowed) return [`${at}.type '${type}' is not a supported block type`];
  const errors = Object.keys(block)
    .filter((k) => !allowed.includes(k))
    .map((k) => `${at} has unknown property '${k}'`);
  if (block.block_id !== undefined && !(typeof block.block_id === "string" && block.block_id.length <= 255)) {
    errors.push(`${at}.block_id must be a string of at most 255 chars`);
  }
  if (type === "section") {
    if (block.text === undefined && block.fields === undefined) errors.push(`${at} needs text or fields`);
    if (block.text !== undefined) errors.push(...validateText(block.text, `${at}.text`, 3000));
    if (block.fields !== undefined) {
      if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > 10) {
        errors.push(`${at}.fields must be an array of 1 to 10 text objects`);
      } else {
        block.fields.forEach((f, j) => errors.push(...validateText(f, `${at}.fields[${j}]`, 2000)));
      }
    }
    if (block.accessory !== undefined && !isObject(block.accessory)) errors.push(`${at}.accessory must be an object`);
  } else if (type === "header") {
    errors.push(...validateText(block.text, `${at}.text`, 150, "plain_text"));
  } else if (type === "context") {
    if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) {
      errors.push(`${at}.elements must be an array of 1 to 10 elements`);
    } else {
      block.elements.forEach((el, j) => {
        const where = `${at}.elements[${j}]`;
        if (isObject(el) && el.type === "image") {
          if (!nonEmptyString(el.image_url) || !nonEmptyString(el.alt_text))
            errors.push(`${where} image needs image_url and alt_text`);
        } else errors.push(...validateText(el, where, 3000));
      });
    }
  } else if (type === "actions") {
    if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) {
      errors.push(`${at}.elements must be an array of 1 to 25 elements`);
    } else {
      block.elements.forEach((el, j) => errors.push(...validateButton(el, `${at}.elements[${j}]`)));
    }
  }
  return errors;
}

function validateText(obj: unknown, at: string, max: number, only?: "plain_text"): string[] {
  if (!isObject(obj)) return [`${at} must be a text object`];
  const errors: string[] = [];
  if (obj.type !== "mrkdwn" && obj.type !== "plain_text") errors.push(`${at}.type must be mrkdwn or plain_text`);
  else if (only && obj.type !== only) errors.push(`${at}.type must be ${only}`);
  if (typeof obj.text !== "string" || obj.text.length === 0) errors.push(`${at}.text must be a non-empty string`);
  else if (obj.text.length > max) errors.push(`${at}.text is ${obj.text.length} chars, at most ${max} allowed`);
  const keys = obj.type === "plain_text" ? ["type", "text", "emoji"] : ["type", "text", "verbatim"];
  for (const k of Object.keys(obj)) if (!keys.includes(k)) errors.push(`${at} has unknown property '${k}'`);
  if (obj.emoji !== undefined && typeof obj.emoji !== "boolean") errors.push(`${at}.emoji must be a boolean`);
  if (obj.verbatim !== undefined && typeof obj.verbatim !== "boolean") errors.push(`${at}.verbatim must be a boolean`);
  return errors;
}

function validateButton(el: unknown, at: string): string[] {
  if (!isObject(el) || el.type !== "button") return [`${at} must be a button element`];
  const errors = validateText(el.text, `${at}.text`, 75, "plain_text");
  if (el.url !== undefined && !(typeof el.url === "string" && el.url.length <= 3000 && /^https?:\/\//.test(el.url))) {
    errors.push(`${at}.url must be an http(s) URL of at most 3000 chars`);
  }
  if (el.action_id !== undefined && !(typeof el.action_id === "string" && el.action_id.length <= 255)) {
    errors.push(`${at}.action_id must be a string of at most 255 chars`);
  }
  if (el.value !== undefined && !(typeof el.value === "string" && el.value.length <= 2000)) {
    errors.push(`${at}.value must be a string of at most 2000 chars`);
  }
  if (el.style !== undefined && el.style !== "primary" && el.style !== "danger")
    errors.push(`${at}.style must be primary or danger`);
  return errors;
}

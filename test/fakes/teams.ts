// Microsoft Teams Workflows webhooks ("When a Teams webhook request is received"): a signed Logic
// Apps trigger URL, `POST /workflows/<id>/triggers/manual/paths/invoke?…&sig=…`. Every card is
// checked against the Adaptive Card 1.5 JSON Schema (test/vendor-specs/adaptive-card-1.5.schema.json)
// and the 28 KB message limit. Answers are Logic Apps': 202 Accepted with no body, errors as
// `{"error": {"code", "message"}}`, 429 with Retry-After.
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { FakeServer, isObject, type FakeResponse, type RecordedRequest } from "./http";
import { loadSpecFile, newAjv } from "./openapi";

export type TeamsWorkflowState = "ok" | "deleted" | "disabled";

export interface TeamsCard {
  workflowId: string;
  card: Record<string, unknown>;
}

/** Teams refuses a message larger than about 28 KB. */
export const TEAMS_MAX_BYTES = 28 * 1024;

let cardValidator: ValidateFunction | undefined;
function validateCardSchema(): ValidateFunction {
  if (!cardValidator) {
    const ajv = newAjv();
    ajv.addMetaSchema(createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json"));
    // The published file names itself with draft-04's `id`; Ajv reads only `$id`.
    const { id, ...schema } = loadSpecFile("adaptive-card-1.5.schema.json") as Record<string, unknown>;
    cardValidator = ajv.compile({ ...schema, $id: String(id) });
  }
  return cardValidator;
}

/** What is wrong with a Workflows webhook body: the envelope, each card against the schema, the size. */
export function validateTeamsMessage(body: unknown, rawBytes = Buffer.byteLength(JSON.stringify(body))): string[] {
  if (!isObject(body)) return ["body must be a JSON object"];
  const errors: string[] = [];
  if (rawBytes > TEAMS_MAX_BYTES) errors.push(`message is ${rawBytes} bytes, Teams takes at most ${TEAMS_MAX_BYTES}`);
  if (body.type !== "message") errors.push("type must be 'message'");
  if (!Array.isArray(body.attachments) || body.attachments.length === 0)
    return [...errors, "attachments must be a non-empty array"];
  body.attachments.forEach((a, i) => {
    if (!isObject(a) || a.contentType !== "application/vnd.microsoft.card.adaptive")
      return errors.push(`attachments[${i}].contentType must be application/vnd.microsoft.card.adaptive`);
    const validate = validateCardSchema();
    if (!validate(a.content))
      errors.push(
        ...(validate.errors ?? []).slice(0, 10).map((e) => `attachments[${i}].content${e.instancePath} ${e.message}`),
      );
    if (isObject(a.content) && a.content.version !== "1.5")
      errors.push(`attachments[${i}].content.version must be 1.5`);
  });
  return errors;
}

const logicError = (status: number, code: string, message: string): FakeResponse => ({
  status,
  body: { error: { code, message } },
});

export class TeamsFake extends FakeServer {
  readonly cards: TeamsCard[] = [];
  private readonly workflows = new Map<string, { sig: string; state: TeamsWorkflowState }>();
  private counter = 0;

  /** Registers a workflow and returns its full trigger URL, signature included. */
  addWorkflow(state: TeamsWorkflowState = "ok"): string {
    const id = `0f0e${String(++this.counter).padStart(28, "0")}`;
    const sig = `fakeSig${this.counter}xyzABC`;
    this.workflows.set(id, { sig, state });
    return `${this.url}/workflows/${id}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
  }

  setWorkflowState(url: string, state: TeamsWorkflowState): void {
    const id = new URL(url).pathname.split("/")[2];
    this.workflows.get(id)!.state = state;
  }

  override reset(): void {
    super.reset();
    this.cards.length = 0;
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return {
      ...logicError(429, "WorkflowRequestsThrottled", "Rate limit is exceeded. Try again later."),
      headers: { "Retry-After": String(seconds) },
    };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.method !== "POST" || !/^\/workflows\/[^/]+\/triggers\/manual\/paths\/invoke$/.test(req.path))
      return [`unexpected ${req.method} ${req.path}`];
    if (req.bodyError) return [`body is not valid JSON: ${req.bodyError}`];
    if (req.headers["content-type"]?.split(";")[0] !== "application/json")
      return ["content-type must be application/json"];
    return validateTeamsMessage(req.body, Buffer.byteLength(req.rawBody));
  }

  protected handle(req: RecordedRequest, problems: string[]): FakeResponse {
    const id = req.path.split("/")[2];
    const workflow = this.workflows.get(id);
    if (!workflow) return logicError(404, "WorkflowNotFound", `The workflow '${id}' could not be found.`);
    if (req.query.get("sig") !== workflow.sig)
      return logicError(
        401,
        "DirectApiInvalidAuthorizationSignature",
        "The provided callback URL has an invalid signature.",
      );
    if (workflow.state === "deleted")
      return logicError(404, "WorkflowNotFound", `The workflow '${id}' could not be found.`);
    if (workflow.state === "disabled")
      return logicError(409, "WorkflowTriggerIsNotEnabled", `The workflow '${id}' is disabled.`);
    if (Buffer.byteLength(req.rawBody) > TEAMS_MAX_BYTES)
      return logicError(413, "MessageTooLarge", "The message is too large.");
    if (problems.length) return logicError(400, "InvalidTemplate", `The card could not be posted: ${problems[0]}`);
    const attachment = (req.body as { attachments: { content: Record<string, unknown> }[] }).attachments[0];
    this.cards.push({ workflowId: id, card: attachment.content });
    return { status: 202 };
  }
}

export function createTeamsFake(): TeamsFake {
  return new TeamsFake();
}

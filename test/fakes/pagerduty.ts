// PagerDuty Events API v2 (`POST /v2/enqueue`), validated against our description of it
// (test/vendor-specs/pagerduty-events-v2.openapi.json) plus the documented limits it leaves out
// (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/).
import { randomBytes } from "node:crypto";
import { FakeServer, isObject, type FakeResponse, type RecordedRequest } from "./http";
import { OpenApiValidator } from "./openapi";

export interface PagerDutyEvent {
  routing_key: string;
  event_action: "trigger" | "acknowledge" | "resolve";
  dedup_key: string;
  payload?: Record<string, unknown>;
  body: Record<string, unknown>;
}

export type AlertStatus = "triggered" | "acknowledged" | "resolved";

const ACTIONS = ["trigger", "acknowledge", "resolve"];

let validator: OpenApiValidator | undefined;
function spec(): OpenApiValidator {
  validator ??= new OpenApiValidator("pagerduty-events-v2.openapi.json", "/v2");
  return validator;
}

function invalid(errors: string[]): FakeResponse {
  return { status: 400, body: { status: "invalid event", message: "Event object is invalid", errors } };
}

export class PagerDutyFake extends FakeServer {
  /** Accepted events, in order. */
  readonly events: PagerDutyEvent[] = [];
  /** Alert state by dedup_key, as the PagerDuty service would show it. */
  readonly alerts = new Map<string, AlertStatus>();
  private readonly invalidKeys = new Set<string>();

  /** `POST` here. Same as `${url}/v2/enqueue`. */
  get enqueueUrl(): string {
    return `${this.url}/v2/enqueue`;
  }

  /** A fresh well-formed 32-character integration key. Any well-formed key is accepted. */
  newRoutingKey(): string {
    return randomBytes(16).toString("hex");
  }

  /** Makes PagerDuty refuse this key with 400 "Invalid routing key" (e.g. a deleted integration). */
  markRoutingKeyInvalid(key: string): void {
    this.invalidKeys.add(key);
  }

  override reset(): void {
    super.reset();
    this.events.length = 0;
    this.alerts.clear();
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return {
      status: 429,
      headers: { "Retry-After": String(seconds) },
      body: {
        status: "throttle event",
        message: "Requests for this service are arriving too quickly.  Please retry later.",
      },
    };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.bodyError) return [`body is not valid JSON: ${req.bodyError}`];
    const { errors } = spec().check(req.method, req.path, req.query, req.body, req.rawBody);
    const body = req.body;
    if (!isObject(body)) return errors;
    // Limits PagerDuty enforces but its OpenAPI file does not state.
    if (typeof body.routing_key === "string" && body.routing_key.length !== 32) {
      errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
    }
    if (typeof body.dedup_key === "string" && body.dedup_key.length > 255)
      errors.push("'dedup_key' is longer than 255 characters");
    if (body.event_action !== "trigger" && !(typeof body.dedup_key === "string" && body.dedup_key !== "")) {
      if (ACTIONS.includes(String(body.event_action))) errors.push("'dedup_key' is missing or blank");
    }
    if (body.event_action === "trigger") {
      const payload = body.payload;
      if (!isObject(payload)) errors.push("'payload' is missing or blank");
      else {
        if (typeof payload.summary === "string" && payload.summary.length > 1024)
          errors.push("'payload.summary' is longer than 1024 characters");
        for (const k of ["summary", "source"]) {
          if (typeof payload[k] === "string" && payload[k].trim() === "")
            errors.push(`'payload.${k}' is missing or blank`);
        }
      }
    }
    return errors;
  }

  protected handle(req: RecordedRequest, problems: string[]): FakeResponse {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/v2/enqueue") {
      return { status: 404, body: { status: "Not Found", message: "Not Found" } };
    }
    if (req.bodyError || !isObject(req.body)) {
      return {
        status: 400,
        body: {
          status: "Unrecognized object",
          message: "Event object format is unrecognized",
          errors: ["JSON parse error"],
        },
      };
    }
    if (problems.length) return invalid(problems);
    const body = req.body;
    const routingKey = String(body.routing_key);
    if (this.invalidKeys.has(routingKey)) return invalid(["Invalid routing key"]);
    const action = body.event_action as PagerDutyEvent["event_action"];
    const dedupKey =
      typeof body.dedup_key === "string" && body.dedup_key ? body.dedup_key : randomBytes(16).toString("hex");
    this.events.push({
      routing_key: routingKey,
      event_action: action,
      dedup_key: dedupKey,
      payload: isObject(body.payload) ? body.payload : undefined,
      body,
    });
    // Acknowledge/resolve of an unknown or resolved alert is accepted and dropped, as PagerDuty does.
    const current = this.alerts.get(dedupKey);
    if (action === "trigger") this.alerts.set(dedupKey, current === "acknowledged" ? current : "triggered");
    else if (current && current !== "resolved")
      this.alerts.set(dedupKey, action === "resolve" ? "resolved" : "acknowledged");
    return { status: 202, body: { status: "success", message: "Event processed", dedup_key: dedupKey } };
  }
}

export function createPagerDutyFake(): PagerDutyFake {
  return new PagerDutyFake();
}

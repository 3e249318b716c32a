import { sendRequest } from "@/lib/http/client";
import { callVendor } from "@/lib/integrations/vendor-call";
import { outboundErrorOf } from "@/lib/http/errors";
import type { IntegrationConfig, Provider, ResponseVerdict } from "@/lib/integrations/types";
import { maskBodySecrets, maskSecretsIn, type SecretSpot, unmaskBodySecrets } from "./body-secrets";
import { maskHeaders, maskUrl } from "./redact";
import { parseRetryAfter } from "./retry";
import { signingHeaders } from "@/lib/signing/sign";

/** One attempt as the delivery log keeps it: secrets masked, the answer capped at 20 KB. */
export type AttemptRecord = {
  at: Date;
  requestUrl: string;
  requestHeaders: Record<string, string>;
  /** Null when it is the delivery's own body (always, for queued deliveries). */
  requestBody: string | null;
  status: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
};

export type AttemptResult = {
  ok: boolean;
  /** The receiver asked us to stop (410): the integration is disabled. */
  disable: boolean;
  retryAfterMs: number | null;
  status: number | null;
  /** Plain words for the log and the Test result, with the receiver's own error text. */
  message: string;
  /**
   * The body as the log keeps it: the bytes sent with the provider's secrets masked. Kept so
   * retries and redeliveries send the same bytes, the secrets put back at `bodySecrets`.
   */
  body: string;
  bodySecrets: SecretSpot[] | null;
  record: AttemptRecord;
};

/** `body` and `bodySecrets` as stored on the delivery (null before its first attempt). */
export type AttemptInput = { id: string; payload: unknown; body: string | null; bodySecrets?: SecretSpot[] | null };

/**
 * Build, sign and send one delivery, and judge the answer. Never throws: whatever happens
 * becomes an AttemptResult for the caller to record. The signature is computed here, at each
 * attempt, over the exact bytes sent.
 */
export async function performAttempt(
  provider: Provider,
  config: IntegrationConfig,
  delivery: AttemptInput,
): Promise<AttemptResult> {
  const at = new Date();
  let url = "";
  let headers: Record<string, string> = {};
  // What the log keeps: never a provider secret, since logs are read by more people than settings are.
  let shown = delivery.body ?? "";
  let bodySecrets = delivery.bodySecrets ?? null;
  const secrets = config.secrets;
  try {
    if (!provider.buildRequest) throw new Error(`${provider.name} does not send deliveries`);
    const request = await provider.buildRequest(config, delivery.payload, delivery.body, callVendor);
    url = request.url;
    let body: string;
    if (delivery.body === null) {
      body = request.body;
      ({ shown, spots: bodySecrets } = maskBodySecrets(body, secrets));
    } else {
      body = unmaskBodySecrets(delivery.body, bodySecrets, secrets);
    }
    headers = { "content-type": "application/json", ...request.headers };
    if (request.signingToken) Object.assign(headers, signingHeaders(delivery.id, request.signingToken, body, at));
    const response = await sendRequest({ url, method: request.method ?? "POST", headers, body });
    const verdict = judge(provider, response.status, response.body);
    const throttled = response.status === 429 || response.status === 503;
    // A receiver may echo what it got: its answer is logged with the secrets masked too.
    const message = maskSecretsIn(describe(response.status, verdict), secrets)!;
    return {
      ok: verdict.ok,
      disable: verdict.disable ?? response.status === 410,
      retryAfterMs: throttled ? parseRetryAfter(response.headers["retry-after"]) : null,
      status: response.status,
      message,
      body: shown,
      bodySecrets,
      record: {
        at,
        requestUrl: maskUrl(url),
        requestHeaders: maskHeaders(headers),
        requestBody: shown,
        status: response.status,
        responseBody: maskSecretsIn(response.body, secrets),
        durationMs: response.durationMs,
        error: verdict.ok ? null : message,
      },
    };
  } catch (error) {
    const outbound = outboundErrorOf(error);
    const message = maskSecretsIn(
      outbound?.message ?? `Could not send: ${error instanceof Error ? error.message : "unknown error"}`,
      secrets,
    )!;
    const status = outbound?.status ?? null;
    return {
      ok: false,
      disable: false,
      retryAfterMs: null,
      status,
      message,
      body: shown,
      bodySecrets,
      record: {
        at,
        requestUrl: url ? maskUrl(url) : "",
        requestHeaders: maskHeaders(headers),
        requestBody: shown,
        status,
        responseBody: null,
        durationMs: Date.now() - at.getTime(),
        error: message,
      },
    };
  }
}

function judge(provider: Provider, status: number, body: string): ResponseVerdict {
  if (provider.judgeResponse) return provider.judgeResponse(status, body);
  return { ok: status >= 200 && status < 300, disable: status === 410 };
}

function describe(status: number, verdict: ResponseVerdict): string {
  if (verdict.ok) return `Delivered (HTTP ${status})`;
  const text = verdict.message?.trim();
  return text ? `HTTP ${status}: ${text.slice(0, 300)}` : `HTTP ${status}`;
}

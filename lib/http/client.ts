import { Agent, errors as undiciErrors, request } from "undici";
import { OutboundError, outboundErrorOf } from "./errors";
import { guardedConnector } from "./connector";
import { deadlineSignal } from "./deadline";

/** Every outbound request has a 10 s budget (contract §4); receivers are told so. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** We keep the first 20 KB of an answer for the delivery log; reading stops a little after. */
export const RESPONSE_CAP_BYTES = 20 * 1024;

export type OutboundHttpRequest = {
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  /**
   * Read the whole answer, up to this many bytes; a larger one is an error. Vendor API calls set
   * it. Without it the answer is kept only for the delivery log: its first RESPONSE_CAP_BYTES.
   */
  maxResponseBytes?: number;
};

export type OutboundHttpResponse = {
  status: number;
  headers: Record<string, string>;
  /** The body as text: whole (maxResponseBytes), or its first RESPONSE_CAP_BYTES. */
  body: string;
  durationMs: number;
};

// One keep-alive pool per process. Its connector carries the SSRF guard, so no request made
// through sendRequest can skip it.
const holder = globalThis as unknown as { __csHttpAgent?: Agent };
function agent(): Agent {
  holder.__csHttpAgent ??= new Agent({
    connect: guardedConnector(DEFAULT_TIMEOUT_MS),
    keepAliveTimeout: 30_000,
    connections: 128,
  });
  return holder.__csHttpAgent;
}

/**
 * The one way the product talks to the outside world. Any HTTP status comes back as a value;
 * a redirect, a timeout, a blocked address or a broken connection throws an OutboundError.
 */
export async function sendRequest(req: OutboundHttpRequest): Promise<OutboundHttpResponse> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const url = checkedUrl(req.url);
  const deadline = deadlineSignal(timeoutMs);
  try {
    const res = await request(url, {
      dispatcher: agent(),
      method: req.method ?? "POST",
      headers: req.headers,
      body: req.body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      // headers/body timeouts are per phase; this bounds the whole exchange.
      signal: deadline.signal,
    });
    // Stryker disable next-line LogicalOperator,StringLiteral: the length only lets an answer be taken in one piece; read in chunks it is the same text
    const length = Number(res.headers["content-length"] ?? -1);
    const body = req.maxResponseBytes
      ? await readWhole(res.body, length, req.maxResponseBytes)
      : await readCapped(res.body, length);
    const durationMs = Math.round(performance.now() - started);
    const headers = flattenHeaders(res.headers);
    if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304) {
      throw new OutboundError("redirect", `Redirect (HTTP ${res.statusCode}) was not followed`, res.statusCode);
    }
    return { status: res.statusCode, headers, body, durationMs };
  } catch (error) {
    throw toOutboundError(error, timeoutMs);
  } finally {
    deadline.done();
  }
}

// A worker sends to the same few URLs over and over; parse each once.
const checkedUrls = new Map<string, string>();

function checkedUrl(raw: string): string {
  if (checkedUrls.has(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("invalid_url", "The URL is not valid");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new OutboundError("invalid_url", "Only http and https URLs can be called");
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only bounds the cache's size
  if (checkedUrls.size > 1000) checkedUrls.clear();
  checkedUrls.set(raw, raw);
  return raw;
}

async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): void; text(): Promise<string> },
  length: number,
): Promise<string> {
  if (length >= 0 && length <= RESPONSE_CAP_BYTES) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > RESPONSE_CAP_BYTES) {
      // Dropping the rest closes this connection; a huge answer is not worth keeping it alive.
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_CAP_BYTES).toString("utf8");
}

async function readWhole(
  body: AsyncIterable<Buffer> & { destroy(): void; text(): Promise<string> },
  length: number,
  max: number,
): Promise<string> {
  const tooLarge = () => new OutboundError("too_large", `The answer is larger than ${Math.round(max / 1024)} KB`);
  if (length > max) {
    // Nobody reads this stream any more: swallow the abort it reports when torn down.
    (body as unknown as NodeJS.ReadableStream).on("error", () => {});
    body.destroy();
    throw tooLarge();
  }
  if (length >= 0) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function toOutboundError(error: unknown, timeoutMs: number): OutboundError {
  const outbound = outboundErrorOf(error);
  if (outbound) return outbound;
  // Stryker disable next-line OptionalChaining: what undici and the readers throw is an error, never null
  const cause = (error as { cause?: unknown })?.cause;
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
  ) {
    return new OutboundError("timeout", `No complete answer within ${seconds}`);
  }
  const code = (error as NodeJS.ErrnoException)?.code ?? (cause as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ECONNREFUSED: "Connection refused",
    ECONNRESET: "Connection reset by the receiver",
    UND_ERR_SOCKET: "Connection closed by the receiver",
    ENOTFOUND: "The host name does not resolve",
    EAI_AGAIN: "DNS lookup failed (temporary)",
    EHOSTUNREACH: "Host unreachable",
    ENETUNREACH: "Network unreachable",
    CERT_HAS_EXPIRED: "TLS certificate has expired",
    DEPTH_ZERO_SELF_SIGNED_CERT: "TLS certificate is self-signed",
    ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host",
  };
  return new OutboundError("connection", code ? (words[code] ?? `Connection failed (${code})`) : "Connection failed");
}

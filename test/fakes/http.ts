// The tiny loopback HTTP server every vendor fake is built on: it records requests, runs the
// vendor's validation (recording violations), and plays scripted answers before real handling.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON (or form fields) when the body parsed, else the raw text; undefined when empty. */
  body: unknown;
  rawBody: string;
  /** Set when the body claimed to be JSON but did not parse. */
  bodyError?: string;
}

export interface FakeResponse {
  status: number;
  /** A string is sent as text/plain, anything else as JSON; undefined sends no body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Every violation any fake recorded, in order, until a test's end takes them: the database suites
 * fail a test that left one (test/setup/fakes.ts), even when the fake's own list was reset.
 */
const unclaimedViolations: string[] = [];

/** The violations recorded since the last call, and forget them. */
export function takeUnclaimedViolations(): string[] {
  return unclaimedViolations.splice(0);
}

export abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  /** Answer every request this many milliseconds late (for timeout tests). */
  delayMs = 0;
  private scripted: FakeResponse[] = [];
  private server?: http.Server;
  private baseUrl = "";

  /** The base URL once started, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.constructor.name} is not started`);
    return this.baseUrl;
  }

  async start(): Promise<{ url: string }> {
    if (this.server) return { url: this.baseUrl };
    const server = http.createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url: this.baseUrl };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Forgets recorded requests, violations, scripted answers and the delay; seeded data stays. */
  reset(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.scripted = [];
    this.delayMs = 0;
  }

  /** The next request gets this answer (after being recorded and validated). Calls queue up. */
  failNext(response: FakeResponse): void {
    this.scripted.push(response);
  }

  /** The next request gets the vendor's 429 with `Retry-After: seconds`. */
  rateLimitNext(seconds = 1): void {
    this.scripted.push(this.rateLimitResponse(seconds));
  }

  protected abstract rateLimitResponse(seconds: number): FakeResponse;

  /** Spec/format problems of a request, regardless of the fake's seeded state. Must not mutate. */
  protected validate(_req: RecordedRequest): string[] {
    return [];
  }

  /** The vendor's answer; `problems` are this request's validation failures (already recorded). */
  protected abstract handle(req: RecordedRequest, problems: string[]): FakeResponse | Promise<FakeResponse>;

  /** Records a violation found while handling (e.g. inside a GraphQL resolver). */
  protected recordViolation(req: RecordedRequest, message: string): void {
    const violation = `${req.method} ${req.path}: ${message}`;
    this.violations.push(violation);
    unclaimedViolations.push(`${this.constructor.name}: ${violation}`);
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let recorded: RecordedRequest | undefined;
    try {
      recorded = await readRequest(req);
      this.requests.push(recorded);
      const problems = this.validate(recorded);
      for (const p of problems) this.recordViolation(recorded, p);
      if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
      const scripted = this.scripted.shift();
      const response = scripted ?? (await this.handle(recorded, problems));
      send(res, response);
    } catch (err) {
      // A crash is the fake's bug, never the vendor's answer: a test that tolerates a 500 must not
      // pass because of it.
      const at = recorded ?? { method: req.method ?? "?", path: req.url ?? "?" };
      this.recordViolation(
        at as RecordedRequest,
        `the fake crashed: ${err instanceof Error ? err.message : String(err)}`,
      );
      send(res, { status: 500, body: `fake crashed: ${err instanceof Error ? err.stack : String(err)}` });
    }
  }
}

async function readRequest(req: http.IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url ?? "/", "http://fake.local");
  const type = String(req.headers["content-type"] ?? "");
  const recorded: RecordedRequest = {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: rawBody === "" ? undefined : rawBody,
    rawBody,
  };
  if (rawBody === "") return recorded;
  if (type.includes("application/x-www-form-urlencoded")) {
    recorded.body = Object.fromEntries(new URLSearchParams(rawBody));
  } else if (type.includes("json") || /^\s*[[{]/.test(rawBody)) {
    try {
      recorded.body = JSON.parse(rawBody);
    } catch (err) {
      recorded.bodyError = err instanceof Error ? err.message : String(err);
    }
  }
  return recorded;
}

function send(res: http.ServerResponse, response: FakeResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === "content-type");
  let payload = "";
  if (typeof response.body === "string") {
    payload = response.body;
    if (!hasType) headers["content-type"] = "text/plain; charset=utf-8";
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    if (!hasType) headers["content-type"] = "application/json;charset=UTF-8";
  }
  if (res.destroyed) return;
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** Parses `Authorization: Basic base64(email:token)`. */
export function basicCredentials(headers: http.IncomingHttpHeaders): { user: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(String(headers.authorization ?? ""));
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i < 0 ? undefined : { user: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

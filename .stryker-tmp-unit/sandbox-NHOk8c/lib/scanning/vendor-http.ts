// @ts-nocheck
import { Agent, request } from "undici";
import { DEFAULT_TIMEOUT_MS } from "@/lib/http/client";
import { guardedConnector } from "@/lib/http/connector";
import { outboundErrorOf } from "@/lib/http/errors";
import { atlassianError, atlassianHeaders, type AtlassianCredentials } from "@/lib/integrations/atlassian";
import { VendorError } from "@/lib/errors";

/**
 * Scans read whole tickets and pages, which lib/http's sendRequest cuts at 20 KB (it keeps answers
 * for the delivery log). This agent uses the same SSRF-guarded connector and 10 s budget, with a
 * cap that fits a search page. Redirects are not followed (undici's default).
 */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const holder = globalThis as unknown as { __csScanAgent?: Agent };
const agent = () => (holder.__csScanAgent ??= new Agent({ connect: guardedConnector(DEFAULT_TIMEOUT_MS), keepAliveTimeout: 30_000, connections: 16 }));

/** Most pages one listing may take: far past any real account, and a hostile site cannot go on forever. */
export const MAX_LISTING_PAGES = 1000;

/** A listing that would not end: the vendor kept answering "more", or handed back a cursor again. */
export class EndlessListing extends VendorError {
  constructor(what: string, why: string) {
    super(null, `${what}: ${why}; the scan stopped there`);
    this.name = "EndlessListing";
  }
}

/**
 * Call once per page of a listing, with the page's cursor when it has one. Throws EndlessListing
 * past `max` pages, or when a cursor comes back a second time (a loop).
 */
export function pageGuard(what: string, max = MAX_LISTING_PAGES): (cursor?: string) => void {
  let pages = 0;
  const seen = new Set<string>();
  return (cursor) => {
    if (++pages > max) throw new EndlessListing(what, `more than ${max} pages`);
    if (cursor === undefined) return;
    if (seen.has(cursor)) throw new EndlessListing(what, "the same page was offered twice");
    seen.add(cursor);
  };
}

/** The vendor asked us to slow down: the scan waits this long and carries on; it is not a failure. */
export class VendorRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limited; retrying in ${retryAfterSeconds} s`);
    this.name = "VendorRateLimited";
  }
}

// Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); we wait at least 1 s and at most 5 min.
function retryAfter(value: string | undefined): number {
  if (!value) return 5;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Math.min(300, Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 5)));
}

/** One Atlassian REST call with Basic auth; JSON in, JSON out. 404 answers undefined. */
export async function atlassianCall<T>(creds: AtlassianCredentials, method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T | undefined> {
  const url = `${creds.domainUrl.replace(/\/$/, "")}${path}`;
  let status: number;
  let text: string;
  let headers: Record<string, string | string[] | undefined>;
  try {
    const res = await request(url, {
      dispatcher: agent(),
      method,
      headers: { ...atlassianHeaders(creds), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: DEFAULT_TIMEOUT_MS,
      bodyTimeout: DEFAULT_TIMEOUT_MS,
      signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
    });
    status = res.statusCode;
    headers = res.headers;
    text = await readCapped(res.body);
  } catch (error) {
    const outbound = outboundErrorOf(error);
    throw new VendorError(null, outbound?.message ?? (error instanceof Error && error.name === "TimeoutError" ? "No complete answer within 10 s" : "Connection failed"));
  }
  if (status === 429) throw new VendorRateLimited(retryAfter(String(headers["retry-after"] ?? "")));
  if (status === 404) return undefined;
  if (status >= 300) throw new VendorError(status, atlassianError(text) || `HTTP ${status}`);
  return (text ? JSON.parse(text) : undefined) as T | undefined;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw new VendorError(null, `Answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

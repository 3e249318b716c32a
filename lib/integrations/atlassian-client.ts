import { sendRequest } from "@/lib/http/client";
import { outboundErrorOf } from "@/lib/http/errors";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { VendorError } from "@/lib/errors";
import { atlassianError, atlassianHeaders, type AtlassianCredentials } from "./atlassian";

/** Scans read whole tickets and pages: answers up to a search page's size are read whole. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

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

/** A scan waits at least 1 s and at most 5 min; 5 s when the vendor does not say. */
function retryAfterSeconds(value: string | undefined): number {
  const ms = parseRetryAfter(value);
  return Math.min(300, Math.max(1, Math.ceil((ms ?? 5000) / 1000)));
}

/**
 * One Atlassian REST call with Basic auth through lib/http (SSRF guard, 10 s budget, no
 * redirects); JSON in, JSON out. 404 answers undefined; 429 throws VendorRateLimited.
 */
export async function atlassianCall<T>(
  creds: AtlassianCredentials,
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
): Promise<T | undefined> {
  let response;
  try {
    response = await sendRequest({
      url: `${creds.domainUrl.replace(/\/$/, "")}${path}`,
      method,
      headers: { ...atlassianHeaders(creds), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      maxResponseBytes: MAX_BODY_BYTES,
    });
  } catch (error) {
    throw new VendorError(
      outboundErrorOf(error)?.status ?? null,
      outboundErrorOf(error)?.message ?? "Connection failed",
    );
  }
  const { status, headers, body: text } = response;
  if (status === 429) throw new VendorRateLimited(retryAfterSeconds(headers["retry-after"]));
  if (status === 404) return undefined;
  if (status >= 300) throw new VendorError(status, atlassianError(text) || `HTTP ${status}`);
  return (text ? JSON.parse(text) : undefined) as T | undefined;
}

// @ts-nocheck
import { sendRequest, type OutboundHttpRequest, type OutboundHttpResponse } from "@/lib/http/client";
import { outboundErrorOf } from "@/lib/http/errors";
import type { TestResult } from "./types";

/** Vendor API answers are read whole (project lists, boards with columns); 8 MB is plenty. */
export const VENDOR_RESPONSE_CAP_BYTES = 8 * 1024 * 1024;

export type VendorAnswer = { response: OutboundHttpResponse } | { failure: TestResult };

/**
 * One vendor request through the shared outbound client (SSRF guard, 10 s timeout). An answer of
 * any status comes back as a response; no answer at all becomes a failed TestResult in words
 * ("Connection refused", "No complete answer within 10 s") with no status.
 */
export async function callVendor(request: OutboundHttpRequest): Promise<VendorAnswer> {
  const started = performance.now();
  try {
    return { response: await sendRequest({ maxResponseBytes: VENDOR_RESPONSE_CAP_BYTES, ...request }) };
  } catch (error) {
    const outbound = outboundErrorOf(error);
    const message = outbound?.message ?? "The request could not be sent";
    const status = outbound?.status ?? null;
    return { failure: { ok: false, status, message, durationMs: Math.round(performance.now() - started) } };
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The vendor's own words, trimmed: short enough for a toast, never our request echoed back. */
export function vendorText(text: string | undefined | null, max = 300): string {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function basicAuth(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`;
}

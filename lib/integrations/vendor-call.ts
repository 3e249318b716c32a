import { sendRequest, type OutboundHttpRequest } from "@/lib/http/client";
import { outboundErrorOf } from "@/lib/http/errors";
import type { VendorAnswer } from "./types";

export { basicAuth, parseJson, vendorText } from "./vendor-text";
export type { VendorAnswer };

/** Vendor API answers are read whole (project lists, boards with columns); 8 MB is plenty. */
export const VENDOR_RESPONSE_CAP_BYTES = 8 * 1024 * 1024;

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

import { sendRequest, type OutboundHttpRequest } from "@/lib/http/client";
import { outboundErrorOf } from "@/lib/http/errors";
import { maskSecretsIn } from "@/lib/delivery/body-secrets";
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
    const response = await sendRequest({ maxResponseBytes: VENDOR_RESPONSE_CAP_BYTES, ...request });
    return { response: { ...response, body: withoutCredentials(response.body, request.headers) } };
  } catch (error) {
    const outbound = outboundErrorOf(error);
    const message = outbound?.message ?? "The request could not be sent";
    const status = outbound?.status ?? null;
    return { failure: { ok: false, status, message, durationMs: Math.round(performance.now() - started) } };
  }
}

/**
 * The vendor's answer with the credential we sent masked wherever it is quoted: its error texts
 * reach API answers and the integration's status, which never carry a stored secret. The
 * Authorization header whole, its credential, and a Basic credential decoded (and its password).
 */
function withoutCredentials(body: string, headers: OutboundHttpRequest["headers"]): string {
  const authorization = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "authorization")?.[1];
  if (typeof authorization !== "string" || !authorization || !body) return body;
  const credential = authorization.replace(/^(Basic|Bearer)\s+/i, "");
  const sent: Record<string, string> = { authorization, credential };
  if (/^Basic\s/i.test(authorization)) {
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    sent.basic = decoded;
    sent.password = decoded.slice(decoded.indexOf(":") + 1);
  }
  return maskSecretsIn(body, sent) ?? body;
}

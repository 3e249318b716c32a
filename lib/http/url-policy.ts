import ipaddr from "ipaddr.js";
import { blockedReason, outboundAllowPrivate, unbracket } from "./address-policy";

/**
 * Why a configured URL is unacceptable, or null. Used by settings schemas so a form can say so
 * at once (it runs in the browser too); the connect-time guard in lib/http/connector.ts is what actually enforces it.
 */
export function outboundUrlProblem(raw: string, allowPrivate = outboundAllowPrivate()): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://example.com/hooks/spectral";
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    return "The URL must start with https://";
  if (url.username || url.password) return "Put credentials in the token, not in the URL";
  if (allowPrivate) return null;
  const host = unbracket(url.hostname);
  if (host === "localhost" || host.endsWith(".localhost")) return "The URL must point to a public address";
  if (ipaddr.isValid(host) && blockedReason(host, false)) return "The URL must point to a public address";
  return null;
}

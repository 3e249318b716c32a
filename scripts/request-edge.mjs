// Preloaded into the web server (`node --import`, scripts/serve.mjs): what every request goes
// through before Next.js sees it.
// - Its client address is stamped in a header, because a route handler only gets a web Request,
//   which has no socket (Next's own X-Forwarded-For keeps whatever the client sent).
// - An API path that is not valid percent-encoded UTF-8 (`/api/v1/assets/%`, `%FF`) is answered
//   400 here: Next.js fails to decode its parameters and answers 500.
import http from "node:http";
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "../lib/security/headers.mjs";

const HEADER = "x-cs-client-address";

/**
 * The socket's peer; with TRUST_PROXY=true the last X-Forwarded-For entry, the one the reverse proxy
 * in front of us appended (earlier entries are whatever the client claimed).
 */
export function clientAddressOf(req, trustProxy = process.env.TRUST_PROXY === "true") {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return req.socket?.remoteAddress || "unknown";
}

/** Whether a request target's path decodes, segment by segment, to well-formed text. */
export function pathDecodes(target) {
  const path = String(target ?? "").split("?")[0];
  try {
    return path.split("/").every((segment) => decodeURIComponent(segment).isWellFormed());
  } catch {
    return false;
  }
}

function refuseUndecodable(res) {
  const body = JSON.stringify({
    error: { code: "bad_request", message: "The request path is not valid percent-encoded UTF-8" },
  });
  const security = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
  res.writeHead(400, {
    ...security,
    "content-security-policy": contentSecurityPolicy(),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function guarded(listener) {
  return function onRequest(req, res) {
    req.headers[HEADER] = clientAddressOf(req);
    if (String(req.url ?? "").startsWith("/api/") && !pathDecodes(req.url)) return refuseUndecodable(res);
    return listener.call(this, req, res);
  };
}

const createServer = http.createServer;
http.createServer = function guardedCreateServer(...args) {
  const at = args.findIndex((a) => typeof a === "function");
  if (at >= 0) args[at] = guarded(args[at]);
  return createServer.apply(this, args);
};
process.env.CS_CLIENT_ADDRESS_STAMPED = "1";

// Preloaded into the web server (`node --import`, scripts/serve.mjs): stamps every request with its
// client address before Next.js sees it, because a route handler only gets a web Request, which
// has no socket. Next's own X-Forwarded-For keeps whatever the client sent, so it cannot be used.
import http from "node:http";

const HEADER = "x-cs-client-address";

/**
 * The socket's peer; with TRUST_PROXY=true the last X-Forwarded-For entry, the one the reverse proxy
 * in front of us appended (earlier entries are whatever the client claimed).
 */
export function clientAddressOf(req, trustProxy = process.env.TRUST_PROXY === "true") {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return req.socket?.remoteAddress || "unknown";
}

const createServer = http.createServer;
http.createServer = function stampingCreateServer(...args) {
  const server = createServer.apply(this, args);
  server.prependListener("request", (req) => {
    req.headers[HEADER] = clientAddressOf(req);
  });
  return server;
};
process.env.CS_CLIENT_ADDRESS_STAMPED = "1";

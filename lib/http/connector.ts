import net from "node:net";
import type { LookupFunction } from "node:net";
import { buildConnector } from "undici";
import { blockedReason, unbracket } from "./address-policy";
import { OutboundError } from "./errors";
import { resolveHost } from "./resolver";

/**
 * DNS for our sockets: resolve through the (stubbable) resolver, refuse when the first usable
 * answer is not public. Node calls this with `all: true` when it races IPv4 and IPv6.
 */
const guardedLookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  resolveHost(hostname).then(
    (answers) => {
      if (answers.length === 0)
        return callback(Object.assign(new Error(`No address for the host`), { code: "ENOTFOUND" }));
      for (const a of answers) {
        const reason = blockedReason(a.address);
        if (reason) return callback(new OutboundError("blocked", reason));
      }
      if (options.all) callback(null, answers);
      else callback(null, answers[0].address, answers[0].family);
    },
    (error: NodeJS.ErrnoException) =>
      callback(Object.assign(new Error(`DNS lookup failed (${error.code ?? "error"})`), { code: error.code })),
  );
}) as unknown as LookupFunction;

/**
 * The Agent's connect: IP literals are judged before any packet leaves, names in the lookup
 * above, and the socket's actual remote address once more after connecting. The last check is
 * the one that matters: it sees what we really reached, whatever DNS said a moment earlier.
 */
export function guardedConnector(timeoutMs: number): buildConnector.connector {
  const base = buildConnector({ timeout: timeoutMs, lookup: guardedLookup } as buildConnector.BuildOptions);
  return (options: buildConnector.Options, callback: buildConnector.Callback) => {
    const host = unbracket(options.hostname);
    if (net.isIP(host)) {
      const reason = blockedReason(host);
      if (reason) {
        queueMicrotask(() => callback(new OutboundError("blocked", reason), null));
        return;
      }
    }
    base(options, (error, socket) => {
      // Stryker disable next-line LogicalOperator: undici hands over an error or a socket, never neither nor both
      if (error || !socket) return callback(error, null);
      const remote = socket.remoteAddress;
      const reason = remote ? blockedReason(remote) : "Blocked: the connected address is unknown";
      if (reason) {
        socket.destroy();
        return callback(new OutboundError("blocked", reason), null);
      }
      callback(null, socket);
    });
  };
}

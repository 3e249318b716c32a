import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { afterEach } from "vitest";

// No test reaches a public address: every socket this process opens is checked before it connects
// (an IP literal at once, a host name once DNS answers), and one bound for a public address is
// refused with ENETUNREACH and recorded. A test that made one fails at its end. A test that wants
// to prove the product would have connected (the SSRF guard letting a public address through)
// takes the attempts itself with takePublicAttempts().

const attempts: string[] = [];

/** The public addresses tests tried to reach since the last call, and forget them. */
export function takePublicAttempts(): string[] {
  return attempts.splice(0);
}

function isPublic(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === "unicast";
}

function refuse(address: string, port: unknown): Error {
  attempts.push(`${address}:${String(port)}`);
  return Object.assign(new Error(`test guard: refused to connect to the public address ${address}:${String(port)}`), {
    code: "ENETUNREACH",
  });
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address?: string | dns.LookupAddress[],
  family?: number,
) => void;
type Lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;

function guardedLookup(inner: Lookup, port: unknown): Lookup {
  return (hostname, options, callback) =>
    inner(hostname, options, (err, address, family) => {
      if (err) return callback(err);
      const list = Array.isArray(address) ? address.map((a) => a.address) : [String(address)];
      const publicOne = list.find(isPublic);
      if (publicOne) return callback(refuse(publicOne, port));
      callback(null, address, family);
    });
}

type ConnectOptions = { host?: string; port?: unknown; path?: string; lookup?: Lookup };
const original = net.Socket.prototype.connect;
const kPatched = Symbol.for("cs.test.noPublicNetwork");
const proto = net.Socket.prototype as unknown as Record<symbol, boolean> & {
  connect: (...args: unknown[]) => net.Socket;
};

if (!proto[kPatched]) {
  proto[kPatched] = true;
  proto.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect passes one normalized [options, callback] array; direct calls pass (options, cb) or (port, host, cb).
    const first = args[0];
    const options: ConnectOptions | undefined = Array.isArray(first)
      ? (first[0] as ConnectOptions)
      : typeof first === "object" && first !== null
        ? (first as ConnectOptions)
        : undefined;
    if (options && options.path === undefined) {
      const host = options.host ?? "localhost";
      if (net.isIP(host)) {
        if (isPublic(host)) {
          const error = refuse(host, options.port);
          process.nextTick(() => this.destroy(error));
          return this;
        }
      } else {
        options.lookup = guardedLookup((options.lookup ?? dns.lookup) as Lookup, options.port);
      }
    } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
      const host = typeof args[1] === "string" ? args[1] : "localhost";
      if (net.isIP(host) && isPublic(host)) {
        const error = refuse(host, first);
        process.nextTick(() => this.destroy(error));
        return this;
      }
    }
    return original.apply(this, args as Parameters<typeof original>);
  };
}

afterEach(() => {
  const tried = takePublicAttempts();
  if (tried.length)
    throw new Error(`This test tried to reach a public address (${tried.join(", ")}); tests use loopback fakes only`);
});

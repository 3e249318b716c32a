// @ts-nocheck
export type OutboundErrorKind = "timeout" | "blocked" | "connection" | "redirect" | "invalid_url" | "too_large";

// A brand instead of `instanceof`: Next.js bundles this module into several chunks, each with its
// own class, while the connection pool (and its SSRF guard) is shared on globalThis. An error made
// by one chunk's guard must still be recognised by another chunk's caller.
const BRAND = Symbol.for("code-security.OutboundError");

/**
 * Anything but an HTTP answer. Messages are written for the delivery log and the Test result:
 * they name the address or the condition, never the URL (webhook URLs are secrets).
 */
export class OutboundError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    /** The HTTP status when the receiver did answer (a redirect). */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export function isOutboundError(error: unknown): error is OutboundError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

/** The OutboundError behind `error`: itself, or the cause undici wrapped it in. */
export function outboundErrorOf(error: unknown): OutboundError | undefined {
  if (isOutboundError(error)) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return isOutboundError(cause) ? cause : undefined;
}

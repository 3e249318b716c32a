export type OutboundErrorKind = "timeout" | "blocked" | "connection" | "redirect" | "invalid_url" | "too_large";

/**
 * Anything but an HTTP answer. Messages are written for the delivery log and the Test result:
 * they name the address or the condition, never the URL (webhook URLs are secrets).
 */
export class OutboundError extends Error {
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

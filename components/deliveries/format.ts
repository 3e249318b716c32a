import type { DeliveryView } from "@/lib/delivery/queries";

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Pretty JSON when it is JSON, else the text as sent. */
export function formatBody(body: string | null): string {
  if (!body) return "";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export type StatusLook = { label: string; tone: "green" | "red" | "amber" };

export function statusLook(d: Pick<DeliveryView, "status" | "attempts">): StatusLook {
  if (d.status === "delivered") return { label: "Delivered", tone: "green" };
  if (d.status === "failed") return { label: "Failed", tone: "red" };
  return { label: d.attempts.length ? "Retrying" : "Pending", tone: "amber" };
}

/** `datetime-local` wants local wall time without a zone. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

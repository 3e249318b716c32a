// The one time format of the product: relative ("5 min ago"), with the absolute local time on
// hover (components/ui/time.tsx). Client-safe.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 d ago", "in 4 min"; older than 60 days: the date. */
export function relativeTime(iso: string | Date, now: number = Date.now()): string {
  const at = typeof iso === "string" ? new Date(iso).getTime() : iso.getTime();
  if (Number.isNaN(at)) return "";
  const diff = now - at;
  const future = diff < -30_000;
  const span = Math.abs(diff);
  let text: string;
  if (span < MINUTE) return "just now";
  else if (span < HOUR) text = `${Math.round(span / MINUTE)} min`;
  else if (span < DAY) text = `${Math.round(span / HOUR)} h`;
  else if (span < 60 * DAY) text = `${Math.round(span / DAY)} d`;
  else return new Date(at).toISOString().slice(0, 10);
  return future ? `in ${text}` : `${text} ago`;
}

/**
 * "Tue, 25 Nov 2026, 14:03:12 CET": in the reader's own time zone and locale in the browser. On
 * the server (no reader yet) it is UTC, and the browser replaces it once it runs.
 */
export function absoluteTime(iso: string | Date, timeZone?: string): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString(timeZone === "UTC" ? "en-GB" : undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  });
}

/** An hour on a chart's axis: "14:00" in the reader's zone. */
export function hourLabel(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

/** A day on a chart's axis: "25 Nov". */
export function dayLabel(isoDate: string): string {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

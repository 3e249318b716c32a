// @ts-nocheck
const numberFormat = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "3 d ago" style, in UTC arithmetic so the server and browser render the same text. */
export function timeAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} d ago`;
  return new Date(iso).toISOString().slice(0, 10);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** Only http(s) links are rendered as links: a scanner's uri must never become `javascript:`. */
export function safeHref(uri: string | null | undefined): string | null {
  if (!uri) return null;
  try {
    const url = new URL(uri);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The issues page URL with some query parameters changed; a changed filter starts at page one. */
export function issuesHref(current: Record<string, string | undefined>, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  const resetsPaging = Object.keys(changes).some((k) => k !== "cursor" && k !== "page" && k !== "issue");
  const merged = { ...current, ...(resetsPaging ? { cursor: undefined, page: undefined } : {}), ...changes };
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const query = params.toString();
  return `/code-security/issues${query ? `?${query}` : ""}`;
}

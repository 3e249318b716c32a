/**
 * Where an integration sends, in a form safe to show anyone who may see the integration: the host
 * and the path of its URL, with every part that may be a secret elided, as GitHub and Svix show a
 * webhook. `https://hooks.slack.com/services/T0/B0/xyz` → `hooks.slack.com/services/T…/B…/••••`.
 * A path segment stays only when it reads as a word (lower-case letters, digits after letters
 * such as `v2`, dots, dashes); the query string, which often carries a token, never shows.
 */
export function displayDestination(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const segments = parsed.pathname.split("/").filter(Boolean);
  const shown = segments.map((segment, i) => {
    if (isWordLike(segment)) return segment;
    return i === segments.length - 1 ? "••••" : `${segment[0]}…`;
  });
  const path = shown.length ? `/${shown.join("/")}` : "";
  return `${parsed.host}${path}${parsed.search ? "?…" : ""}`;
}

function isWordLike(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  if (decoded.length > 32) return false;
  // Words: "services", "code-security", "v2", "hooks.json". Not: "T0123ABCD", "a1b2c3", "XyZ…".
  return /^[a-z]+(?:[-_.][a-z]+)*\d{0,2}(?:\.[a-z]+)?$/.test(decoded);
}

import { maskSecret } from "@/lib/crypto/secrets";

/**
 * Where a provider secret sat in a body we keep: `[field, start, length, form]` in the masked
 * text, `form` "j" when the secret appeared JSON-escaped, "r" when raw. The delivery log stores
 * and shows bodies with secrets masked (PagerDuty's routing key travels in its body); the worker
 * puts the integration's current secret back at these exact places only when it sends. Offsets,
 * not a placeholder: a body may contain anything, even text that looks like a mask.
 */
export type SecretSpot = [field: string, start: number, length: number, form: "j" | "r"];

/** Shorter values would mask ordinary words; every secret we store is far longer. */
const MIN_SECRET_LENGTH = 6;

type Needle = { field: string; text: string; form: "j" | "r"; mask: string };

// Decrypted secrets are cached per envelope (integration-configs.ts), so one object per version.
// `fields`: the needles that are whole values, the ones a body is masked by (each send asks).
const cache = new WeakMap<Record<string, string>, { all: Needle[]; fields: Needle[] }>();

function needlesFor(secrets: Record<string, string>): { all: Needle[]; fields: Needle[] } {
  let cached = cache.get(secrets);
  if (!cached) {
    const all = makeNeedles(secrets);
    cache.set(secrets, (cached = { all, fields: all.filter((n) => n.field) }));
  }
  return cached;
}

/**
 * A secret URL's parts that are credentials on their own, for texts that quote them apart (a
 * receiver answering "bad token=…"): query values, user info, and key-like path segments (Slack's
 * and Teams' webhook keys). Ordinary path words ("services", "hooks") stay readable.
 */
function urlParts(value: string): string[] {
  if (!/^https?:\/\//i.test(value)) return [];
  try {
    const url = new URL(value);
    const decode = (text: string) => {
      try {
        return decodeURIComponent(text);
      } catch {
        return text;
      }
    };
    const parts = [...url.searchParams.values(), decode(url.username), decode(url.password)];
    for (const segment of url.pathname.split("/"))
      if (segment.length >= 8 && /\d/.test(segment)) parts.push(decode(segment));
    return parts.filter((p) => p.length >= MIN_SECRET_LENGTH && p !== value);
  } catch {
    return [];
  }
}

function makeNeedles(secrets: Record<string, string>): Needle[] {
  const needles: Needle[] = [];
  const add = (field: string, value: string) => {
    const mask = maskSecret(value);
    const escaped = JSON.stringify(value).slice(1, -1);
    needles.push({ field, text: escaped, form: "j", mask });
    if (escaped !== value) needles.push({ field, text: value, form: "r", mask });
  };
  for (const [field, value] of Object.entries(secrets)) {
    if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) continue;
    add(field, value);
    // Parts are masked in texts only (field ""): a body holds whole values, put back by field.
    for (const part of urlParts(value)) add("", part);
  }
  // Longest first, so a secret that contains another is masked whole.
  return needles.sort((a, b) => b.text.length - a.text.length);
}

/** The body as the log keeps it, and where the secrets go back at send time. */
export function maskBodySecrets(
  body: string,
  secrets: Record<string, string>,
): { shown: string; spots: SecretSpot[] | null } {
  const needles = needlesFor(secrets).fields;
  if (needles.length === 0) return { shown: body, spots: null };
  const found: { at: number; needle: Needle }[] = [];
  for (const needle of needles) {
    for (let at = body.indexOf(needle.text); at !== -1; at = body.indexOf(needle.text, at + needle.text.length)) {
      if (!found.some((f) => at < f.at + f.needle.text.length && f.at < at + needle.text.length))
        found.push({ at, needle });
    }
  }
  if (found.length === 0) return { shown: body, spots: null };
  found.sort((a, b) => a.at - b.at);
  let shown = "";
  let from = 0;
  const spots: SecretSpot[] = [];
  for (const { at, needle } of found) {
    shown += body.slice(from, at);
    spots.push([needle.field, shown.length, needle.mask.length, needle.form]);
    shown += needle.mask;
    from = at + needle.text.length;
  }
  return { shown: shown + body.slice(from), spots };
}

/** The exact bytes to send: the stored body with the integration's current secrets put back. */
export function unmaskBodySecrets(
  shown: string,
  spots: SecretSpot[] | null | undefined,
  secrets: Record<string, string>,
): string {
  if (!spots?.length) return shown;
  let body = "";
  let from = 0;
  for (const [field, start, length, form] of spots) {
    const value = secrets[field];
    if (typeof value !== "string" || !value) throw new Error(`The integration has no ${field} to send`);
    body += shown.slice(from, start) + (form === "j" ? JSON.stringify(value).slice(1, -1) : value);
    from = start + length;
  }
  return body + shown.slice(from);
}

/** Any text for the log (a receiver's answer, an error) with every secret value of the integration masked. */
export function maskSecretsIn(text: string | null, secrets: Record<string, string>): string | null {
  if (!text) return text;
  let out = text;
  for (const needle of needlesFor(secrets).all)
    if (out.includes(needle.text)) out = out.split(needle.text).join(needle.mask);
  return out;
}

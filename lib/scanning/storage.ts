/**
 * Confluence storage format (XHTML with `ac:`/`ri:` elements) as text for the detectors, and
 * secret replacement in the raw body for redaction. Code macros keep their text in CDATA, where
 * nothing is escaped; everywhere else `&`, `<` and `>` are entities.
 */
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const BLOCK_END = /<\/(?:p|h[1-6]|li|tr|td|th|pre|div|blockquote|ac:plain-text-body|ac:rich-text-body)>|<br\s*\/?>/gi;
const URL_ATTR = /\s(?:href|ri:value|ri:url)="([^"]*)"/gi;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function markupToText(markup: string): string {
  // Link targets hold URLs (and so URL credentials) that the page text may not show.
  const urls = [...markup.matchAll(URL_ATTR)].map((m) => decodeEntities(m[1]));
  const text = decodeEntities(markup.replace(BLOCK_END, "\n").replace(/<[^>]*>/g, ""));
  return urls.length ? `${text}\n${urls.join("\n")}` : text;
}

export function storageToText(storage: string): string {
  let out = "";
  let at = 0;
  for (const m of storage.matchAll(CDATA)) {
    out += markupToText(storage.slice(at, m.index)) + m[1] + "\n";
    at = (m.index ?? 0) + m[0].length;
  }
  return out + markupToText(storage.slice(at));
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The storage body with each secret replaced, whether it appears raw (CDATA) or escaped. */
export function redactStorage(storage: string, secrets: string[], message: string): string {
  let out = storage;
  const safe = escapeXml(message);
  for (const s of secrets) {
    if (!s) continue;
    out = out.split(s).join(safe);
    const escaped = escapeXml(s);
    if (escaped !== s) out = out.split(escaped).join(safe);
  }
  return out;
}

/**
 * Atlassian Document Format as text for the detectors, and secret replacement in place for
 * redaction. Block nodes end with a newline so a secret never runs into the next paragraph.
 */
type Node = { type?: string; text?: string; content?: unknown[]; attrs?: Record<string, unknown> };

const BLOCKS = new Set([
  "paragraph",
  "heading",
  "codeBlock",
  "blockquote",
  "listItem",
  "tableCell",
  "tableHeader",
  "panel",
  "rule",
]);

export function adfToText(doc: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    const node = value as Node;
    if (typeof node.text === "string") out.push(node.text);
    if (node.type === "hardBreak") out.push("\n");
    // Smart links keep their URL only in attrs; credentials in URLs are what we look for.
    if ((node.type === "inlineCard" || node.type === "blockCard") && typeof node.attrs?.url === "string")
      out.push(` ${node.attrs.url} `);
    if (Array.isArray(node.content)) walk(node.content);
    if (node.type && BLOCKS.has(node.type)) out.push("\n");
  };
  walk(doc);
  return out.join("");
}

/** A copy of `doc` with every secret in a text node replaced; `changed` says whether any was. */
export function redactAdf(doc: unknown, secrets: string[], message: string): { doc: unknown; changed: boolean } {
  let changed = false;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== "object") return value;
    const node = { ...(value as Node) };
    if (typeof node.text === "string") {
      const replaced = replaceAll(node.text, secrets, message);
      if (replaced !== node.text) {
        changed = true;
        node.text = replaced;
      }
    }
    if (
      (node.type === "inlineCard" || node.type === "blockCard") &&
      typeof node.attrs?.url === "string" &&
      secrets.some((s) => String(node.attrs?.url).includes(s))
    ) {
      // A smart link's URL cannot hold free text: it becomes a plain text node with the message.
      changed = true;
      return { type: "text", text: message };
    }
    if (Array.isArray(node.content)) node.content = node.content.map(walk);
    return node;
  };
  const result = walk(doc);
  return { doc: result, changed };
}

export function replaceAll(text: string, secrets: string[], message: string): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(message);
  return out;
}

// Atlassian Document Format validation against Atlassian's own JSON Schema (@atlaskit/adf-schema,
// v1 "full"). The file is draft-04 but uses no draft-04-only keywords, so draft-07 ajv reads it.
import type { ValidateFunction } from "ajv";
import { formatAjvErrors, loadSpecFile, newAjv } from "./openapi";

let validateDoc: ValidateFunction | undefined;

/** Problems with `doc` as an ADF document; empty when valid. */
export function adfErrors(doc: unknown, where = "description"): string[] {
  if (!validateDoc) {
    const { $schema: _drop, ...schema } = loadSpecFile("adf-schema-v1-full.json") as Record<string, unknown>;
    validateDoc = newAjv().compile(schema);
  }
  if (validateDoc(doc)) return [];
  // anyOf failures explode into hundreds of branch errors; the deepest ones locate the problem.
  const deepest = [...(validateDoc.errors ?? [])].sort(
    (a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length,
  );
  const errors = [...new Set(formatAjvErrors(`${where} (ADF)`, deepest))];
  return errors.length > 3 ? [...errors.slice(0, 3), `… ${errors.length - 3} more ADF schema errors`] : errors;
}

/** A one-paragraph ADF document, handy for seeding. */
export function adfText(text: string): Record<string, unknown> {
  return { type: "doc", version: 1, content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }] };
}

/** Concatenated text of an ADF document (for assertions such as "the secret is gone"). */
export function adfPlainText(doc: unknown): string {
  if (Array.isArray(doc)) return doc.map(adfPlainText).join("");
  if (!doc || typeof doc !== "object") return "";
  const node = doc as { text?: unknown; content?: unknown };
  const own = typeof node.text === "string" ? node.text : "";
  const block = Array.isArray(node.content) ? adfPlainText(node.content) : "";
  return own + block + (["paragraph", "heading"].includes(String((doc as { type?: unknown }).type)) ? "\n" : "");
}

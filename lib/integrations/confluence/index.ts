import { atlassianProvider } from "../atlassian";
import { defineProvider } from "../types";
import { CURRENT_USER_PATH } from "./client";

/** The page a page event is about. */
function hookTarget(event: unknown): string | undefined {
  if (!event || typeof event !== "object") return undefined;
  const e = event as { page?: { id?: unknown }; content?: { id?: unknown; type?: unknown } };
  const id = e.page?.id ?? (e.content?.type === "page" ? e.content.id : undefined);
  return (typeof id === "string" || typeof id === "number") && /^\d+$/.test(String(id)) ? String(id) : undefined;
}

// Confluence is scanned, not notified: it sends nothing.
export const confluence = defineProvider({
  id: "confluence",
  name: "Confluence",
  scopes: ["global", "team"],
  ...atlassianProvider({
    product: "Confluence",
    emailPlaceholder: "confluence-admin@example.com",
    purpose: "Scan the content of your Confluence site for secrets.",
    whoAmIPath: CURRENT_USER_PATH,
  }),
  scan: { hookTarget, words: { units: "spaces", items: "pages", hookHelp: "Confluence (page created/updated)" } },
  category: "scanning",
});

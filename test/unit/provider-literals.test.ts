import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDER_IDS } from "@/lib/integrations/registry";

// Shared components ask the registry about a provider; they never name one. The exceptions: a
// provider's own components (JiraTicketForm.tsx, use-monday-choices.ts), which may name that
// provider only, and the map from ticket provider to its create dialog.
const ROOT = join(import.meta.dirname, "../..");
const DIALOG_MAP = "components/tickets/dialogs.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The provider id a file belongs to by its name, if any: "JiraTicketForm.tsx" and "use-jira-choices.ts" are Jira's. */
function ownProvider(file: string): string | undefined {
  const name = basename(file).replace(/^use-/, "").toLowerCase();
  return PROVIDER_IDS.find((id) => name.startsWith(id.replace(/-/g, "")) || name.startsWith(`${id}-`));
}

/** Provider ids written as string literals ("jira", 'monday', `slack`) outside comments. */
function providerLiterals(source: string, allowed?: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = [...code.matchAll(/["'`]([a-z-]+)["'`]/g)].map((m) => m[1]);
  return [...new Set(found.filter((word) => (PROVIDER_IDS as readonly string[]).includes(word) && word !== allowed))];
}

describe("shared components name no provider", () => {
  it("finds the literals it looks for", () => {
    expect(providerLiterals(`const tool = scope.provider === "jira" ? "Jira" : 'monday';`)).toEqual(["jira", "monday"]);
    expect(providerLiterals('type P = `slack` | "custom-webhook";')).toEqual(["slack", "custom-webhook"]);
    expect(providerLiterals(`onCreated({ provider: "jira" })`, "jira")).toEqual([]);
    expect(providerLiterals(`// the "jira" comment\n/* and "monday" */ const x = 1;`)).toEqual([]);
  });

  it("holds for every file under components/ but the dialog map", () => {
    const offenders = sourceFiles(join(ROOT, "components"))
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== DIALOG_MAP)
      .map((file) => ({ file, ids: providerLiterals(readFileSync(join(ROOT, file), "utf8"), ownProvider(file)) }))
      .filter((hit) => hit.ids.length > 0);
    expect(offenders).toEqual([]);
  });

  it("reads a provider's own files by their names", () => {
    expect(ownProvider("components/tickets/JiraTicketForm.tsx")).toBe("jira");
    expect(ownProvider("components/tickets/use-monday-choices.ts")).toBe("monday");
    expect(ownProvider("components/integrations/MondayWorkspaceField.tsx")).toBe("monday");
    expect(ownProvider("components/tickets/TicketButtons.tsx")).toBeUndefined();
    expect(ownProvider("components/sync/SyncPanel.tsx")).toBeUndefined();
  });
});

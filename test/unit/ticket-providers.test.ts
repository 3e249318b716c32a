import { describe, expect, it } from "vitest";
import { jira } from "@/lib/integrations/jira";
import { monday } from "@/lib/integrations/monday";
import {
  allProviders,
  getProvider,
  isTicketProvider,
  syncsAt,
  TICKET_PROVIDER_IDS,
  ticketProviders,
  ticketWords,
} from "@/lib/integrations/registry";
import { ticketName } from "@/lib/sync/config";

describe("ticket providers come from the registry", () => {
  it("lists every provider that declares tickets, in the page's order, and no other", () => {
    expect(ticketProviders()).toEqual([jira, monday]);
    expect(TICKET_PROVIDER_IDS).toEqual(
      allProviders()
        .filter((p) => p.tickets)
        .map((p) => p.id),
    );
    expect(TICKET_PROVIDER_IDS).toEqual(["jira", "monday"]);
    expect(allProviders().filter((p) => isTicketProvider(p.id))).toEqual([jira, monday]);
    expect(isTicketProvider("slack")).toBe(false);
    expect(isTicketProvider("confluence")).toBe(false);
  });

  it("takes a provider's name and ticket words from its own object", () => {
    expect(ticketWords("jira")).toEqual({ name: "Jira", ...jira.tickets });
    expect(ticketWords("monday")).toEqual({ name: "Monday", ...monday.tickets });
    expect(ticketWords("jira")).toMatchObject({ tool: "Jira", noun: "ticket", plural: "tickets", keyPrefix: "" });
    expect(ticketWords("monday")).toMatchObject({ tool: "monday", noun: "item", plural: "items", keyPrefix: "item " });
    expect(ticketWords("jira").statusHook).toBeUndefined();
    expect(ticketWords("monday").statusHook).toMatchObject({ container: "board", containers: "boards" });
  });

  it("names a ticket in sync comments and the audit log with those words", () => {
    expect(ticketName("jira", "SEC-1")).toBe("Jira SEC-1");
    expect(ticketName("monday", "123")).toBe("monday item 123");
  });

  it("syncs a team's tickets only where the team level has credentials of its own", () => {
    expect(syncsAt(jira, false)).toBe(true);
    expect(syncsAt(jira, true)).toBe(true);
    expect(syncsAt(monday, false)).toBe(true);
    expect(syncsAt(monday, true)).toBe(false);
    expect(syncsAt(getProvider("slack")!, false)).toBe(false);
    expect(syncsAt(getProvider("confluence")!, true)).toBe(false);
  });
});

"use client";

import { Ticket } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { IssueView } from "@/lib/issues/queries";

export type TicketProviders = { jira: boolean; monday: boolean };

/**
 * The default "Create Jira ticket" / "Create Monday item" buttons. Until the create dialogs exist
 * they explain what is missing; the issues page passes its own `ticketActions` to QuickView to
 * replace this component.
 */
export function TicketActions({ issue, providers }: { issue: IssueView; providers: TicketProviders }) {
  const [message, setMessage] = useState<string>();
  const existing = (provider: string) => issue.tickets.find((t) => t.provider === provider);
  const explain = (name: string, configured: boolean) =>
    setMessage(
      configured
        ? `Creating a ${name} item from an issue is coming soon.`
        : `${name} is not configured. An administrator or team lead can connect it in Settings → Integrations.`,
    );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => explain("Jira", providers.jira)} disabled={!!existing("jira")}>
          <Ticket className="size-4" aria-hidden /> Create Jira ticket
        </Button>
        <Button type="button" variant="secondary" onClick={() => explain("Monday", providers.monday)} disabled={!!existing("monday")}>
          <Ticket className="size-4" aria-hidden /> Create Monday item
        </Button>
      </div>
      {message && (
        <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700">
          {message}
        </p>
      )}
    </div>
  );
}

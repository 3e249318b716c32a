// @ts-nocheck
"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ExternalLink, Ticket } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { IssueTicket, IssueView } from "@/lib/issues/queries";
import { JiraTicketDialog } from "./JiraTicketDialog";
import { MondayItemDialog } from "./MondayItemDialog";

type Props = {
  issue: IssueView;
  /** Whether Jira and monday are set up anywhere; the dialogs explain what to do when not. */
  providers: { jira: boolean; monday: boolean };
  /** Called with the issue as it is now, its new ticket included, so the quick view and table show it. */
  onCreated: (issue: IssueView) => void;
};

/** The quick view's "Create Jira ticket" and "Create Monday item", each opening its dialog. */
export function TicketButtons({ issue, providers, onCreated }: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }));
  const [open, setOpen] = useState<"jira" | "monday" | null>(null);
  const [created, setCreated] = useState<IssueTicket & { issueId: string }>();

  const done = (ticket: IssueTicket) => {
    setOpen(null);
    setCreated({ ...ticket, issueId: issue.id });
    // The dialogs read "is there a ticket already?" from the cache; forget it for this issue.
    client.removeQueries({ predicate: (q) => q.queryKey.includes(issue.id) });
    onCreated({ ...issue, tickets: [...issue.tickets.filter((t) => t.provider !== ticket.provider), ticket] });
  };
  const notice = created?.issueId === issue.id ? created : undefined;

  return (
    <QueryClientProvider client={client}>
      <div className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen("jira")}>
            <Ticket className="size-4" aria-hidden /> Create Jira ticket
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen("monday")}>
            <Ticket className="size-4" aria-hidden /> Create Monday item
          </Button>
        </div>
        {(!providers.jira || !providers.monday) && (
          <p className="text-xs text-zinc-500">
            {[!providers.jira && "Jira", !providers.monday && "Monday"].filter(Boolean).join(" and ")} not connected yet: an administrator or team lead can connect
            it in Settings → Integrations.
          </p>
        )}
        <div aria-live="polite">
          {notice && (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              {notice.provider === "jira" ? "Jira ticket created: " : "Monday item created: "}
              <a href={notice.url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 font-medium underline">
                {notice.provider === "jira" ? notice.key : "Open the item in monday.com"} <ExternalLink className="size-3.5" aria-hidden />
              </a>
            </p>
          )}
        </div>
      </div>
      {open === "jira" && <JiraTicketDialog issue={issue} open onOpenChange={(o) => !o && setOpen(null)} onCreated={done} />}
      {open === "monday" && <MondayItemDialog issue={issue} open onOpenChange={(o) => !o && setOpen(null)} onCreated={done} />}
    </QueryClientProvider>
  );
}

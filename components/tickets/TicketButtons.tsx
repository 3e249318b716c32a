"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Ticket } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ticketProviders, type TicketProviderId } from "@/lib/integrations/registry";
import type { TicketProviders } from "@/lib/issues/options";
import type { IssueTicket, IssueView } from "@/lib/issues/queries";
import { TICKET_DIALOGS } from "./dialogs";
import { ExistingTicket } from "./notices";
import { TicketLink, TicketsUnavailable } from "./TicketLink";

type Props = {
  issue: IssueView;
  /** Whether each ticket provider is set up anywhere; the dialogs explain what to do when not. */
  providers: TicketProviders;
  /** Called with the issue as it is now, its new ticket included, so the quick view and table show it. */
  onCreated: (issue: IssueView) => void;
};

/** The quick view's Create button of each ticket provider ("Create Jira ticket"), each opening its dialog. */
export function TicketButtons({ issue, providers, onCreated }: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }));
  const [open, setOpen] = useState<TicketProviderId | null>(null);
  const [created, setCreated] = useState<IssueTicket & { issueId: string }>();

  const done = (ticket: IssueTicket) => {
    setOpen(null);
    setCreated({ ...ticket, issueId: issue.id });
    // The dialogs read "is there a ticket already?" from the cache; forget it for this issue.
    client.removeQueries({ predicate: (q) => q.queryKey.includes(issue.id) });
    onCreated({ ...issue, tickets: [...issue.tickets.filter((t) => t.provider !== ticket.provider), ticket] });
  };
  const kinds = ticketProviders();
  const notice = created?.issueId === issue.id ? created : undefined;
  const noticeKind = kinds.find((k) => k.id === notice?.provider);
  const unavailable = `${issue.id}-tickets-unavailable`;
  const Dialog = open && TICKET_DIALOGS[open];
  return (
    <QueryClientProvider client={client}>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          {kinds.map((k) => {
            const ticket = issue.tickets.find((t) => t.provider === k.id);
            // Once a ticket exists, it replaces its Create button: one issue has at most one per tool.
            if (ticket) return <TicketLink key={k.id} name={k.name} words={k.tickets} ticket={ticket} />;
            return (
              <Button
                key={k.id}
                type="button"
                variant="secondary"
                disabled={!providers[k.id]}
                aria-describedby={providers[k.id] ? undefined : unavailable}
                onClick={() => setOpen(k.id)}
              >
                <Ticket className="size-4" aria-hidden /> Create {k.name} {k.tickets.noun}
              </Button>
            );
          })}
        </div>
        <TicketsUnavailable id={unavailable} names={kinds.filter((k) => !providers[k.id]).map((k) => k.name)} />
        <div aria-live="polite">
          {notice && noticeKind && (
            <ExistingTicket
              label={`${noticeKind.name} ${noticeKind.tickets.noun} created:`}
              href={notice.url}
              text={`${noticeKind.tickets.keyPrefix}${notice.key}`}
            />
          )}
        </div>
      </div>
      {Dialog && <Dialog issue={issue} open onOpenChange={(o) => !o && setOpen(null)} onCreated={done} />}
    </QueryClientProvider>
  );
}

"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ExternalLink, Ticket } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { safeHref } from "@/components/issues/format";
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

  const kinds = [
    { provider: "jira" as const, create: "Create Jira ticket", name: "Jira", noun: "ticket" },
    { provider: "monday" as const, create: "Create Monday item", name: "Monday", noun: "item" },
  ];
  const missing = kinds.filter((k) => !providers[k.provider]);
  return (
    <QueryClientProvider client={client}>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          {kinds.map((k) => {
            const ticket = issue.tickets.find((t) => t.provider === k.provider);
            // Once a ticket exists, it replaces its Create button: one issue has at most one per tool.
            if (ticket) return <TicketLink key={k.provider} name={k.name} noun={k.noun} ticket={ticket} />;
            const available = providers[k.provider];
            return (
              <Button
                key={k.provider}
                type="button"
                variant="secondary"
                disabled={!available}
                aria-describedby={available ? undefined : `${issue.id}-tickets-unavailable`}
                onClick={() => setOpen(k.provider)}
              >
                <Ticket className="size-4" aria-hidden /> {k.create}
              </Button>
            );
          })}
        </div>
        {missing.length > 0 && (
          <p id={`${issue.id}-tickets-unavailable`} className="text-xs text-zinc-600">
            {missing.map((k) => k.name).join(" and ")} {missing.length > 1 ? "are" : "is"} not set up, so{" "}
            {missing.length > 1 ? "these buttons are" : "this button is"} off. An account administrator can connect{" "}
            {missing.length > 1 ? "them" : "it"} in Settings → Integrations; ask yours.
          </p>
        )}
        <div aria-live="polite">
          {notice && (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              {notice.provider === "jira" ? "Jira ticket created: " : "Monday item created: "}
              <a
                href={notice.url}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex items-center gap-1 font-medium underline"
              >
                {notice.provider === "jira" ? notice.key : `item ${notice.key}`}{" "}
                <ExternalLink className="size-3.5" aria-hidden />
              </a>
            </p>
          )}
        </div>
      </div>
      {open === "jira" && (
        <JiraTicketDialog issue={issue} open onOpenChange={(o) => !o && setOpen(null)} onCreated={done} />
      )}
      {open === "monday" && (
        <MondayItemDialog issue={issue} open onOpenChange={(o) => !o && setOpen(null)} onCreated={done} />
      )}
    </QueryClientProvider>
  );
}

/** An existing ticket in place of its Create button: the tool's key, linked. */
function TicketLink({ name, noun, ticket }: { name: string; noun: string; ticket: IssueTicket }) {
  const href = safeHref(ticket.url);
  const label = noun === "item" ? `${name} item ${ticket.key}` : `${name} ${ticket.key}`;
  const body = (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG from public/ */}
      <img src={`/integrations/${ticket.provider}.svg`} alt="" width={16} height={16} className="size-4" />
      {label}
      {href && <ExternalLink className="size-3.5" aria-hidden />}
    </>
  );
  const look =
    "inline-flex h-9 items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 text-sm font-medium";
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className={`${look} text-accent-700 hover:bg-zinc-100`}>
      {body}
    </a>
  ) : (
    <span className={`${look} text-zinc-800`}>{body}</span>
  );
}

import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { IssueTicket } from "@/lib/issues/queries";

const DONE = /^(done|closed|resolved|fixed|complete(d)?)$/i;

/** A ticket's status in its tool as last synced ("To Do", "Done"), and when that was read. */
export function TicketStatus({ ticket, withTime = false }: { ticket: IssueTicket; withTime?: boolean }) {
  if (!ticket.status) return <span className="text-xs text-zinc-500">status not synced yet</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={DONE.test(ticket.status) ? "green" : "neutral"}>{ticket.status}</Badge>
      {withTime && ticket.syncedAt && <Time iso={ticket.syncedAt} prefix="synced " className="text-xs text-zinc-500" />}
    </span>
  );
}

import { Badge } from "@/components/ui/badge";
import { formatDateTime, timeAgo } from "@/components/issues/format";
import type { IssueTicket } from "@/lib/issues/queries";

const DONE = /^(done|closed|resolved|fixed|complete(d)?)$/i;

/** A ticket's status in its tool as last synced ("To Do", "Done"), and when that was read. */
export function TicketStatus({ ticket, withTime = false }: { ticket: IssueTicket; withTime?: boolean }) {
  if (!ticket.status) return <span className="text-xs text-zinc-500">status not synced yet</span>;
  const synced = ticket.syncedAt ? `synced ${timeAgo(ticket.syncedAt)}` : "";
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={DONE.test(ticket.status) ? "green" : "neutral"} title={ticket.syncedAt ? `Synced ${formatDateTime(ticket.syncedAt)}` : undefined}>
        {ticket.status}
      </Badge>
      {withTime && synced && (
        <time dateTime={ticket.syncedAt ?? undefined} className="text-xs text-zinc-500">
          {synced}
        </time>
      )}
    </span>
  );
}

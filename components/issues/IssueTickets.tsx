import type { IssueView } from "@/lib/issues/queries";
import { TicketStatus } from "@/components/sync/TicketStatus";
import { safeHref } from "./format";

/** The issue's tickets with their sync state, then the create buttons passed as children. */
export function IssueTickets({ issue, children }: { issue: IssueView; children: React.ReactNode }) {
  return (
    <section aria-labelledby="qv-tickets" className="space-y-2">
      <h3 id="qv-tickets" className="text-sm font-medium text-zinc-800">
        Tickets
      </h3>
      {issue.tickets.length === 0 ? (
        <p className="text-sm text-zinc-600">No tickets yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {issue.tickets.map((t) => (
            <li key={t.provider} className="flex flex-wrap items-center gap-x-1">
              <span className="capitalize text-zinc-600">{t.provider}: </span>
              {safeHref(t.url) ? (
                <a
                  href={safeHref(t.url)!}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-medium text-accent-700 underline"
                >
                  {t.key}
                </a>
              ) : (
                t.key
              )}{" "}
              <TicketStatus ticket={t} withTime />
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

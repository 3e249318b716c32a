import { ExternalLink } from "lucide-react";
import { safeHref } from "@/components/issues/format";
import type { TicketCapability } from "@/lib/integrations/types";
import type { IssueTicket } from "@/lib/issues/queries";

/** An existing ticket in place of its Create button: the tool's key, linked ("Jira SEC-1", "Monday item 123"). */
export function TicketLink({ name, words, ticket }: { name: string; words: TicketCapability; ticket: IssueTicket }) {
  const href = safeHref(ticket.url);
  const body = (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG from public/ */}
      <img src={`/integrations/${ticket.provider}.svg`} alt="" width={16} height={16} className="size-4" />
      {`${name} ${words.keyPrefix}${ticket.key}`}
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

/** Why some Create buttons are off: their tools are not set up, which only an administrator can change. */
export function TicketsUnavailable({ id, names }: { id: string; names: string[] }) {
  if (names.length === 0) return null;
  const many = names.length > 1;
  return (
    <p id={id} className="text-xs text-zinc-600">
      {names.join(" and ")} {many ? "are" : "is"} not set up, so {many ? "these buttons are" : "this button is"} off. An
      account administrator can connect {many ? "them" : "it"} in Settings → Integrations; ask yours.
    </p>
  );
}

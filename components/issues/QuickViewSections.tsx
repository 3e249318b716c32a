import { ExternalLink } from "lucide-react";
import type { IssueView } from "@/lib/issues/queries";
import { TicketStatus } from "@/components/sync/TicketStatus";
import { Time } from "@/components/ui/time";
import { safeHref } from "./format";

/** Every field of an issue, as a definition list. */
export function IssueFields({ issue, teamName }: { issue: IssueView; teamName?: string | null }) {
  const source = safeHref(issue.uri);
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
      <Row label="Asset">{issue.assetId}</Row>
      <Row label="Kind">{issue.kind}</Row>
      <Row label="Team">{teamName ?? "No team"}</Row>
      <Row label="Detector">{`${issue.detectorName} (${issue.detectorId})`}</Row>
      <Row label="Path">{issue.path || "—"}</Row>
      <Row label="First seen">
        <Time iso={issue.firstSeen} />
      </Row>
      <Row label="Last seen">
        <Time iso={issue.lastSeen} />
      </Row>
      <Row label="Source">
        {source ? (
          <a
            href={source}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 break-all text-accent-700 underline"
          >
            Open source <ExternalLink className="size-3.5" aria-hidden />
          </a>
        ) : (
          issue.uri || "—"
        )}
      </Row>
      <Row label="Issue id">{issue.id}</Row>
    </dl>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900">{children}</dd>
    </>
  );
}

export function IssueContent({ content }: { content: string }) {
  return (
    <section aria-labelledby="qv-content">
      <h3 id="qv-content" className="mb-1 text-sm font-medium text-zinc-800">
        Content
      </h3>
      {/* Rendered as a text node: a finding's content is untrusted and never markup. */}
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">
        {content || " "}
      </pre>
    </section>
  );
}

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

import { ExternalLink } from "lucide-react";
import type { IssueView } from "@/lib/issues/queries";
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

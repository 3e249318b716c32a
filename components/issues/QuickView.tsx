"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { ExternalLink, X } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { setIssueStatusAction } from "@/lib/issues/actions";
import type { IssueView } from "@/lib/issues/queries";
import type { IssueStatus } from "@/lib/issues/schemas";
import { TicketStatus } from "@/components/sync/TicketStatus";
import { Time } from "@/components/ui/time";
import { safeHref } from "./format";

const STATUS_TONE = { open: "amber", resolved: "green", ignored: "neutral" } as const;
const ACTIONS: { status: IssueStatus; label: string; past: string }[] = [
  { status: "resolved", label: "Resolve", past: "resolved" },
  { status: "ignored", label: "Ignore", past: "ignored" },
  { status: "open", label: "Reopen", past: "reopened" },
];

type Props = {
  issue: IssueView | null;
  teamName?: string | null;
  onOpenChange: (open: boolean) => void;
  onChanged?: (issue: IssueView) => void;
  /** The seam for ticket creation: renders "Create Jira ticket" and "Create Monday item" (components/tickets). */
  ticketActions: (issue: IssueView) => React.ReactNode;
};

/** A right-hand dialog with every field of an issue, its tickets and its status actions. */
export function QuickView({ issue, teamName, onOpenChange, onChanged, ticketActions }: Props) {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();

  const change = (status: IssueStatus, past: string) =>
    startTransition(async () => {
      if (!issue) return;
      const result = await setIssueStatusAction({ id: issue.id, status });
      if (result.ok) {
        onChanged?.(result.data);
        setNotice({ ok: true, text: `Issue ${past}.` });
      } else setNotice({ ok: false, text: result.error });
    });

  const source = safeHref(issue?.uri);
  return (
    <Dialog.Root open={!!issue} onOpenChange={(open) => (setNotice(undefined), onOpenChange(open))}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/30" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col overflow-y-auto bg-white shadow-xl focus:outline-none">
          {issue && (
            <>
              <div className="flex items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4">
                <div className="min-w-0">
                  <Dialog.Title className="text-base font-semibold text-zinc-900">{issue.detectorName}</Dialog.Title>
                  <Dialog.Description className="mt-0.5 truncate text-sm text-zinc-600">
                    {issue.detectorId} in {issue.assetName ?? issue.assetId}
                  </Dialog.Description>
                </div>
                <Dialog.Close asChild>
                  <Button variant="ghost" className="h-8 px-2" aria-label="Close">
                    <X className="size-4" aria-hidden />
                  </Button>
                </Dialog.Close>
              </div>
              <div className="space-y-5 px-5 py-4">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={issue.severity} />
                  <Badge tone={STATUS_TONE[issue.status]}>{issue.status}</Badge>
                  <div className="ml-auto flex flex-wrap gap-2">
                    {ACTIONS.filter((a) => (a.status === "open") !== (issue.status === "open")).map((a) => (
                      <Button
                        key={a.status}
                        variant={a.status === "resolved" ? "primary" : "secondary"}
                        pending={pending}
                        onClick={() => change(a.status, a.past)}
                      >
                        {a.label}
                      </Button>
                    ))}
                  </div>
                </div>
                {notice && (
                  <p
                    role={notice.ok ? "status" : "alert"}
                    className={notice.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}
                  >
                    {notice.text}
                  </p>
                )}
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
                <section aria-labelledby="qv-content">
                  <h3 id="qv-content" className="mb-1 text-sm font-medium text-zinc-800">
                    Content
                  </h3>
                  {/* Rendered as a text node: a finding's content is untrusted and never markup. */}
                  <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">
                    {issue.content || " "}
                  </pre>
                </section>
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
                  {ticketActions(issue)}
                </section>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
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

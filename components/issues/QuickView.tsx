"use client";

import { useState, useTransition } from "react";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DialogHeader, DialogPanel, DialogRoot } from "@/components/ui/dialog";
import { setIssueStatusAction } from "@/lib/issues/actions";
import type { IssueView } from "@/lib/issues/queries";
import type { IssueStatus } from "@/lib/issues/schemas";
import { IssueTickets } from "./IssueTickets";
import { IssueContent, IssueFields } from "./QuickViewSections";

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
  /** The seam for ticket creation: renders each ticket provider's Create button (components/tickets). */
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

  return (
    <DialogRoot open={!!issue} onOpenChange={(open) => (setNotice(undefined), onOpenChange(open))}>
      <DialogPanel placement="right" className="max-w-xl overflow-y-auto">
        {issue && (
          <>
            <DialogHeader
              title={issue.detectorName}
              description={`${issue.detectorId} in ${issue.assetName ?? issue.assetId}`}
              descriptionClassName="truncate"
            />
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
              <IssueFields issue={issue} teamName={teamName} />
              <IssueContent content={issue.content} />
              <IssueTickets issue={issue}>{ticketActions(issue)}</IssueTickets>
            </div>
          </>
        )}
      </DialogPanel>
    </DialogRoot>
  );
}

"use client";

import { jiraDraftAction } from "@/lib/tickets/actions";
import { JiraTicketForm } from "./JiraTicketForm";
import { TicketDialog, type TicketDialogProps } from "./TicketDialog";
import { useLive } from "./live";
import { ExistingTicket, SetupProblem } from "./notices";

/** "Create Jira ticket": project, issue type, summary, priority and labels, then the description. */
export function JiraTicketDialog({ issue, open, onOpenChange, onCreated }: TicketDialogProps) {
  const draft = useLive(["jira-draft", issue.id], () => jiraDraftAction({ issueId: issue.id }), open);
  return (
    <TicketDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create Jira ticket"
      description={`${issue.detectorName} in ${issue.assetName ?? issue.assetId}`}
    >
      {draft.isPending ? (
        <p role="status" className="text-sm text-zinc-600">
          Connecting to Jira…
        </p>
      ) : draft.isError ? (
        <SetupProblem message={draft.error.message} onRetry={() => draft.refetch()} retrying={draft.isFetching} />
      ) : draft.data.existing ? (
        <ExistingTicket
          label="This issue already has a Jira ticket:"
          href={draft.data.existing.url}
          text={draft.data.existing.key}
        />
      ) : (
        <JiraTicketForm issue={issue} draft={draft.data} onCreated={onCreated} />
      )}
    </TicketDialog>
  );
}

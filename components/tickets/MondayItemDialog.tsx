"use client";

import { existingMondayItemAction, mondayWorkspacesAction } from "@/lib/tickets/actions";
import { MondayItemForm } from "./MondayItemForm";
import { TicketDialog, type TicketDialogProps } from "./TicketDialog";
import { useLive } from "./live";
import { ExistingTicket, SetupProblem } from "./notices";

/** "Create Monday item": workspace (in contract §5 order), board, group, item name, read-only fields. */
export function MondayItemDialog({ issue, open, onOpenChange, onCreated }: TicketDialogProps) {
  const existing = useLive(["monday-existing", issue.id], () => existingMondayItemAction({ issueId: issue.id }), open);
  const workspaces = useLive(
    ["monday-workspaces", issue.id],
    () => mondayWorkspacesAction({ issueId: issue.id }),
    open,
  );
  return (
    <TicketDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create Monday item"
      description={`${issue.detectorName} in ${issue.assetName ?? issue.assetId}`}
    >
      {existing.isError ? (
        <SetupProblem
          message={existing.error.message}
          onRetry={() => existing.refetch()}
          retrying={existing.isFetching}
        />
      ) : existing.isPending ? (
        <p role="status" className="text-sm text-zinc-600">
          Connecting to monday.com…
        </p>
      ) : existing.data ? (
        <ExistingTicket
          label="This issue already has a Monday item:"
          href={existing.data.url}
          text={`Item ${existing.data.itemId}`}
        />
      ) : (
        <MondayItemForm issue={issue} workspaces={workspaces} onCreated={onCreated} />
      )}
    </TicketDialog>
  );
}

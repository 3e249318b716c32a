"use client";

import { useState, useTransition } from "react";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { IssueView } from "@/lib/issues/queries";
import { createMondayItemAction } from "@/lib/tickets/actions";
import { ticketTitle } from "@/lib/tickets/draft";
import { MondayAdditionalFields } from "./MondayAdditionalFields";
import { DialogActions, type TicketDialogProps } from "./TicketDialog";
import { MondayBoardPickers } from "./MondayBoardPickers";
import { MondayWorkspacePicker, type WorkspacesLive } from "./MondayWorkspacePicker";
import { useMondayChoices } from "./use-monday-choices";

/** Where the item goes, its name, and the values it carries from the issue. */
export function MondayItemForm({
  issue,
  workspaces,
  onCreated,
}: {
  issue: IssueView;
  workspaces: WorkspacesLive;
  onCreated: TicketDialogProps["onCreated"];
}) {
  const issueId = issue.id;
  const [chosenWorkspace, setChosenWorkspace] = useState("");
  const [itemName, setItemName] = useState(() => ticketTitle(issue).slice(0, 255));
  const [errors, setErrors] = useState<{ message: string; fields: FieldErrors }>();
  const [pending, startTransition] = useTransition();

  const list = workspaces.data ?? [];
  // The first workspace in contract order is preselected: the issue's team default when there is one.
  const workspace = list.find((w) => w.id === chosenWorkspace) ?? list[0];
  const choices = useMondayChoices(issue, workspace);
  const { board, group } = choices;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!board) return;
    startTransition(async () => {
      const result = await createMondayItemAction({ issueId, boardId: board.id, groupId: group?.id, itemName });
      if (result.ok) onCreated({ provider: "monday", key: result.data.itemId, url: result.data.url });
      else setErrors({ message: result.error, fields: result.fields ?? {} });
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <MondayWorkspacePicker
        workspaces={workspaces}
        workspace={workspace}
        onChoose={(id) => (setChosenWorkspace(id), choices.setChosenBoard(""), choices.setChosenGroup(""))}
      />
      <MondayBoardPickers workspace={workspace} choices={choices} fieldErrors={errors?.fields} />
      <TextField
        label="Item name"
        error={errors?.fields.itemName}
        maxLength={255}
        value={itemName}
        onChange={setItemName}
      />
      <MondayAdditionalFields issue={issue} />
      {errors && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errors.message}
        </p>
      )}
      <DialogActions submit="Create item" pending={pending} disabled={!board} />
    </form>
  );
}

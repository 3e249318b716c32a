"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Field, Input, Select } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { IssueTicket, IssueView } from "@/lib/issues/queries";
import {
  createMondayItemAction,
  existingMondayItemAction,
  mondayBoardsAction,
  mondayWorkspacesAction,
} from "@/lib/tickets/actions";
import { additionalFields, ticketTitle } from "@/lib/tickets/draft";
import type { RankedWorkspace, WorkspaceRank } from "@/lib/tickets/workspace-order";
import { DialogActions, ExistingTicket, LiveHint, SetupProblem, TicketDialog, useLive } from "./parts";

type Props = {
  issue: IssueView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (ticket: IssueTicket) => void;
};

/** "Create Monday item": workspace (in contract §5 order), board, group, item name, read-only fields. */
export function MondayItemDialog({ issue, open, onOpenChange, onCreated }: Props) {
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

const GROUPS: { rank: WorkspaceRank; label: string }[] = [
  { rank: "team-default", label: "Team default" },
  { rank: "your-team", label: "Your teams" },
  { rank: "other", label: "All workspaces" },
];

type WorkspacesLive = ReturnType<typeof useLive<RankedWorkspace[]>>;

function MondayItemForm({
  issue,
  workspaces,
  onCreated,
}: {
  issue: IssueView;
  workspaces: WorkspacesLive;
  onCreated: Props["onCreated"];
}) {
  const issueId = issue.id;
  const [chosenWorkspace, setChosenWorkspace] = useState("");
  const [chosenBoard, setChosenBoard] = useState("");
  const [chosenGroup, setChosenGroup] = useState("");
  const [itemName, setItemName] = useState(() => ticketTitle(issue).slice(0, 255));
  const [errors, setErrors] = useState<{ message: string; fields: FieldErrors }>();
  const [pending, startTransition] = useTransition();

  const list = workspaces.data ?? [];
  // The first workspace in contract order is preselected: the issue's team default when there is one.
  const workspace = list.find((w) => w.id === chosenWorkspace) ?? list[0];
  const boards = useLive(
    ["monday-boards", issueId, workspace?.id],
    () => mondayBoardsAction({ issueId, workspaceId: workspace!.id }),
    !!workspace,
  );
  const boardList = boards.data ?? [];
  // Unless one is chosen: the board that takes most of the four additional fields (the first of equals).
  const fullest = boardList.reduce<(typeof boardList)[number] | undefined>(
    (best, b) => (!best || b.filledColumns.length > best.filledColumns.length ? b : best),
    undefined,
  );
  const board = boardList.find((b) => b.id === chosenBoard) ?? fullest;
  const group = board?.groups.find((g) => g.id === chosenGroup) ?? board?.groups[0];
  const fields = additionalFields(issue);

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
      <Field
        label="Workspace"
        hint={
          workspace && workspace.rank !== "other"
            ? `${workspace.rank === "team-default" ? "The default workspace of this issue's team" : "A workspace of one of your teams"}${workspace.teamNames.length ? ` (${workspace.teamNames.join(", ")})` : ""}`
            : undefined
        }
      >
        {({ id, describedBy }) => (
          <>
            <div className="flex items-center gap-2">
              <Select
                id={id}
                aria-describedby={describedBy}
                aria-busy={workspaces.isFetching || undefined}
                value={workspace?.id ?? ""}
                onChange={(e) => (setChosenWorkspace(e.target.value), setChosenBoard(""), setChosenGroup(""))}
              >
                {list.length === 0 && (
                  <option value="">{workspaces.isPending ? "Loading workspaces…" : "No workspaces"}</option>
                )}
                {GROUPS.map(({ rank, label }) => {
                  const members = list.filter((w) => w.rank === rank);
                  return members.length === 0 ? null : (
                    <optgroup key={rank} label={label}>
                      {members.map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.name}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </Select>
              {workspace?.rank === "team-default" && (
                <Badge tone="blue" className="shrink-0">
                  Team default
                </Badge>
              )}
              {workspace?.rank === "your-team" && <Badge className="shrink-0">Your team</Badge>}
            </div>
            <LiveHint
              id={`${id}-live`}
              live={workspaces}
              loading="Loading workspaces from monday.com…"
              what="workspaces"
            />
          </>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Board"
          error={errors?.fields.boardId}
          hint={
            board?.filledColumns.length
              ? `Fills the board's ${board.filledColumns.join(", ")} column${board.filledColumns.length > 1 ? "s" : ""}`
              : board
                ? "This board has no Severity, Asset, Content or First seen column"
                : undefined
          }
        >
          {({ id, describedBy }) => (
            <>
              <Select
                id={id}
                aria-describedby={describedBy}
                aria-busy={boards.isFetching || undefined}
                aria-invalid={!!errors?.fields.boardId}
                disabled={!workspace}
                value={board?.id ?? ""}
                onChange={(e) => (setChosenBoard(e.target.value), setChosenGroup(""))}
              >
                {boardList.length === 0 && (
                  <option value="">
                    {boards.isFetching
                      ? "Loading boards…"
                      : workspace
                        ? "No boards in this workspace"
                        : "Choose a workspace first"}
                  </option>
                )}
                {boardList.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
              {workspace && <LiveHint id={`${id}-live`} live={boards} loading="Loading boards…" what="boards" />}
            </>
          )}
        </Field>
        <Field label="Group" error={errors?.fields.groupId}>
          {({ id, describedBy }) => (
            <Select
              id={id}
              aria-describedby={describedBy}
              disabled={!board}
              value={group?.id ?? ""}
              onChange={(e) => setChosenGroup(e.target.value)}
            >
              {!board?.groups.length && (
                <option value="">{board ? "The board's top group" : "Choose a board first"}</option>
              )}
              {board?.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Item name" error={errors?.fields.itemName}>
        {({ id, describedBy }) => (
          <Input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={!!errors?.fields.itemName}
            maxLength={255}
            value={itemName}
            onChange={(e) => setItemName(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="rounded-md border border-zinc-200 p-3">
        <legend className="px-1 text-sm font-medium text-zinc-800">Additional fields (read-only)</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <ReadOnly label="Severity" value={fields.severity} />
          <ReadOnly label="Asset" value={fields.asset} />
          <ReadOnly label="Content" value={fields.content} mono />
          <ReadOnly label="First seen" value={fields.firstSeen} />
        </div>
      </fieldset>
      {errors && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errors.message}
        </p>
      )}
      <DialogActions submit="Create item" pending={pending} disabled={!board} />
    </form>
  );
}

/** A value people see but cannot change (seed: "with no edit option"); still focusable and labelled. */
function ReadOnly({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <Field label={label}>
      {({ id }) => (
        <Input id={id} readOnly value={value} className={mono ? "bg-zinc-50 font-mono text-xs" : "bg-zinc-50"} />
      )}
    </Field>
  );
}

"use client";

import { Field, Select } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { RankedWorkspace } from "@/lib/tickets/workspace-order";
import { LiveHint } from "./live";
import type { useMondayChoices } from "./use-monday-choices";

/** Board and Group of the chosen workspace; the board hint names the columns the item fills. */
export function MondayBoardPickers({
  workspace,
  choices: { boards, boardList, board, group, setChosenBoard, setChosenGroup },
  fieldErrors,
}: {
  workspace: RankedWorkspace | undefined;
  choices: ReturnType<typeof useMondayChoices>;
  fieldErrors?: FieldErrors;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label="Board"
        error={fieldErrors?.boardId}
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
              aria-invalid={!!fieldErrors?.boardId}
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
      <Field label="Group" error={fieldErrors?.groupId}>
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
  );
}

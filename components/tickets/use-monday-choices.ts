"use client";

import { useState } from "react";
import type { IssueView } from "@/lib/issues/queries";
import { mondayBoardsAction } from "@/lib/tickets/actions";
import type { RankedWorkspace } from "@/lib/tickets/workspace-order";
import { useLive } from "./live";

/** The chosen workspace's boards, loaded live, and the board and group chosen (or preselected) in it. */
export function useMondayChoices(issue: IssueView, workspace: RankedWorkspace | undefined) {
  const issueId = issue.id;
  const [chosenBoard, setChosenBoard] = useState("");
  const [chosenGroup, setChosenGroup] = useState("");
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
  return { boards, boardList, board, group, setChosenBoard, setChosenGroup };
}

import type { Principal } from "@/lib/auth/principal";
import { listMondayWorkspaces } from "@/lib/integrations/monday/client";
import {
  createMondayItem,
  getMondayBoard,
  listMondayBoards,
  mondayColumnValues,
  mondayItemUrl,
  type MondayBoardInfo,
} from "@/lib/integrations/monday/items";
import { ValidationError } from "@/lib/errors";
import { linkNewTicket } from "@/lib/sync/links-create";
import { additionalFields, ticketTitle } from "./draft";
import { liveIssue, mondayAccount, mondayTeamDefaults } from "./integration";
import type { MondayItemInput } from "./schemas";
import { createOnce, findTicket } from "./store";
import { sortWorkspacesForIssue, type RankedWorkspace } from "./workspace-order";

// Every role may create items from an issue (contract §2); the wrappers guarantee a signed-in principal.

export type MondayItemLink = { itemId: string; url: string };

/** GET /api/v1/monday/workspaces?issueId= and the dialog's Workspace list, in contract §5 order. */
export async function mondayWorkspacesForIssue(principal: Principal, issueId: string): Promise<RankedWorkspace[]> {
  const issue = await liveIssue(issueId);
  const { token } = await mondayAccount();
  const [workspaces, teamDefaults] = await Promise.all([listMondayWorkspaces(token), mondayTeamDefaults()]);
  return sortWorkspacesForIssue(workspaces, {
    assetTeamId: issue.teamId,
    userTeamIds: principal.teams.map((t) => t.teamId),
    teamDefaults,
  });
}

/** The boards of a workspace, each with the columns this issue will fill. */
export async function mondayBoardsForIssue(_principal: Principal, issueId: string, workspaceId: string) {
  const issue = await liveIssue(issueId);
  const { token } = await mondayAccount();
  const fields = additionalFields(issue);
  return (await listMondayBoards(token, workspaceId)).map((b) => ({
    id: b.id,
    name: b.name,
    groups: b.groups,
    filledColumns: Object.keys(mondayColumnValues(b.columns, fields)).map(
      (id) => b.columns.find((c) => c.id === id)!.title,
    ),
  }));
}

/** The item made for the issue, if any (the dialog shows it instead of the form); else whether monday is set up. */
export async function existingMondayItem(_principal: Principal, issueId: string): Promise<MondayItemLink | null> {
  const issue = await liveIssue(issueId);
  const found = await findTicket(issue.id, "monday");
  if (found) return { itemId: found.key, url: found.url };
  await mondayAccount(); // fails early, with what to do, when monday is not set up
  return null;
}

/**
 * POST /api/v1/issues/{id}/monday and the dialog's Create: one item per issue, with the
 * additional fields copied into the board's matching columns. A repeat answers the first item.
 */
export async function createMondayItemForIssue(
  _principal: Principal,
  issueId: string,
  input: MondayItemInput,
): Promise<MondayItemLink> {
  const issue = await liveIssue(issueId);
  const existing = await findTicket(issue.id, "monday");
  if (existing) return { itemId: existing.key, url: existing.url };
  const { token, accountDomain, config } = await mondayAccount();
  const board: MondayBoardInfo | undefined = await getMondayBoard(token, input.boardId);
  if (!board)
    throw new ValidationError("monday.com has no board with this id that the API token can see", {
      boardId: "Board not found",
    });
  if (input.groupId && !board.groups.some((g) => g.id === input.groupId)) {
    throw new ValidationError("This board has no such group", { groupId: "Group not found on this board" });
  }
  const ticket = await createOnce(issue.id, "monday", async () => {
    const item = await createMondayItem(token, {
      boardId: board.id,
      groupId: input.groupId,
      itemName: input.itemName || ticketTitle(issue).slice(0, 255),
      columnValues: mondayColumnValues(board.columns, additionalFields(issue)),
    });
    // The stored account domain is the contract's source for links; monday's own url is the fallback.
    const url = accountDomain ? mondayItemUrl(accountDomain, board.id, item.id) : (item.url ?? "");
    return { key: item.id, url };
  });
  await linkNewTicket(issue.id, "monday", config, ticket.key, board.id);
  return { itemId: ticket.key, url: ticket.url };
}

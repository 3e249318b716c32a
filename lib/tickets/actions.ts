"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { createJiraTicket, jiraCreateScreen, jiraDraft, jiraIssueTypes, jiraProjects } from "./jira";
import { createMondayItemForIssue, existingMondayItem, mondayBoardsForIssue, mondayWorkspacesForIssue } from "./monday";
import { issueIdSchema, jiraTicketSchema, mondayItemSchema } from "./schemas";

// The dialogs' twins of the REST routes: the same services, the same schemas.
const key = z.string().trim().min(1).max(255);

export const jiraDraftAction = validatedAction(issueIdSchema, ({ issueId }, p) => jiraDraft(p, issueId));
export const jiraProjectsAction = validatedAction(
  issueIdSchema.extend({ query: z.string().max(100) }),
  ({ issueId, query }, p) => jiraProjects(p, issueId, query),
);
export const jiraIssueTypesAction = validatedAction(
  issueIdSchema.extend({ projectKey: key }),
  ({ issueId, projectKey }, p) => jiraIssueTypes(p, issueId, projectKey),
);
export const jiraCreateScreenAction = validatedAction(
  issueIdSchema.extend({ projectKey: key, issueTypeId: key }),
  ({ issueId, projectKey, issueTypeId }, p) => jiraCreateScreen(p, issueId, projectKey, issueTypeId),
);
export const createJiraTicketAction = validatedAction(
  issueIdSchema.extend(jiraTicketSchema.shape),
  async ({ issueId, ...input }, p) => {
    const ticket = await createJiraTicket(p, issueId, input);
    revalidatePath("/code-security/issues");
    return ticket;
  },
);

export const existingMondayItemAction = validatedAction(issueIdSchema, ({ issueId }, p) =>
  existingMondayItem(p, issueId),
);
export const mondayWorkspacesAction = validatedAction(issueIdSchema, ({ issueId }, p) =>
  mondayWorkspacesForIssue(p, issueId),
);
export const mondayBoardsAction = validatedAction(
  issueIdSchema.extend({ workspaceId: key }),
  ({ issueId, workspaceId }, p) => mondayBoardsForIssue(p, issueId, workspaceId),
);
export const createMondayItemAction = validatedAction(
  issueIdSchema.extend(mondayItemSchema.shape),
  async ({ issueId, ...input }, p) => {
    const item = await createMondayItemForIssue(p, issueId, input);
    revalidatePath("/code-security/issues");
    return item;
  },
);

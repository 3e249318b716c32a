import { z } from "zod";

// Shared by the REST routes, the server actions and the dialogs' forms.
export const jiraTicketSchema = z.object({
  projectKey: z.string({ message: "Choose a project" }).trim().min(1, "Choose a project").max(255),
  issueTypeId: z.string({ message: "Choose an issue type" }).trim().min(1, "Choose an issue type").max(64),
  summary: z.string().trim().min(1, "Write a summary").max(255, "Jira allows at most 255 characters").optional(),
  labels: z
    .array(z.string().trim().max(255, "A label has at most 255 characters"))
    .max(20, "At most 20 labels")
    .optional(),
  /** A priority id from the project; "" for none. Absent: mapped from the issue's severity. */
  priorityId: z.string().max(64).optional(),
});
export type JiraTicketInput = z.output<typeof jiraTicketSchema>;

export const mondayItemSchema = z.object({
  boardId: z
    .string({ message: "Choose a board" })
    .trim()
    .regex(/^\d{1,20}$/, "Choose a board"),
  groupId: z.string().trim().max(255).optional(),
  itemName: z
    .string()
    .trim()
    .min(1, "Give the item a name")
    .max(255, "monday allows at most 255 characters")
    .optional(),
});
export type MondayItemInput = z.output<typeof mondayItemSchema>;

export const issueIdSchema = z.object({ issueId: z.uuid({ message: "Unknown issue" }) });

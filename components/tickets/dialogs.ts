import type { ComponentType } from "react";
import type { TicketProviderId } from "@/lib/integrations/registry";
import { JiraTicketDialog } from "./JiraTicketDialog";
import { MondayItemDialog } from "./MondayItemDialog";
import type { TicketDialogProps } from "./TicketDialog";

/**
 * Each ticket provider's create dialog. Their forms really differ (a Jira project and issue type;
 * a monday workspace, board and group), so this is the one place shared components meet a provider
 * by id; a new ticket provider in the registry fails the typecheck here until it has its dialog.
 */
export const TICKET_DIALOGS: Record<TicketProviderId, ComponentType<TicketDialogProps>> = {
  jira: JiraTicketDialog,
  monday: MondayItemDialog,
};

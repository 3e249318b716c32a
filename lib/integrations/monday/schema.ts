import { z } from "zod";
import { tokenField, type SettingsForm } from "../form-spec";

export const mondaySchema = z.object({ apiToken: tokenField("API token") });

/** A team keeps only its default workspace; it uses the global API token. */
export const mondayTeamSchema = z.object({
  defaultWorkspaceId: z.string({ message: "Choose a workspace" }).trim().min(1, "Choose a workspace").max(64),
});

export const mondayForm: SettingsForm = {
  severityHint: "monday gets only the items people create, so this filters nothing.",
  schema: mondaySchema,
  fields: [{ name: "apiToken", label: "API Token", type: "text", secret: true }],
  teamSchema: mondayTeamSchema,
  teamFields: [{ name: "defaultWorkspaceId", label: "Default workspace", type: "workspace" }],
};

import { z } from "zod";
import { syncSettingsSchema } from "@/lib/sync/schema";
import { tokenField, type SettingsForm } from "../form-spec";

export const mondaySchema = z.object({ apiToken: tokenField("API token"), sync: syncSettingsSchema.optional() });

/** A team keeps only its default workspace; it uses the global API token. */
export const mondayTeamSchema = z.object({
  defaultWorkspaceId: z.string({ message: "Choose a workspace" }).trim().min(1, "Choose a workspace").max(64),
});

export const mondayForm: SettingsForm = {
  schema: mondaySchema,
  fields: [
    {
      name: "apiToken",
      label: "API Token",
      type: "text",
      secret: true,
      help: {
        text: "In monday.com, open your avatar menu → Developers → My access tokens, and copy the token. It acts with that person's rights.",
        href: "https://developer.monday.com/api-reference/docs/authentication",
        link: "monday.com: getting your API token",
      },
    },
  ],
  teamSchema: mondayTeamSchema,
  teamFields: [{ name: "defaultWorkspaceId", label: "Default workspace", type: "workspace" }],
};

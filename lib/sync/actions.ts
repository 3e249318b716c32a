"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { NotFoundError } from "@/lib/errors";
import { TICKET_PROVIDER_IDS } from "@/lib/integrations/registry";
import { getIssue } from "@/lib/issues/queries";
import { saveSyncSettings, syncPanel, syncTargets } from "./panel";
import { syncSettingsSchema } from "./schema";

// The integration section's ticket sync panel; the same role checks as the integration itself.
const scope = z.object({ provider: z.enum(TICKET_PROVIDER_IDS), teamId: z.uuid().nullable() });

export const syncPanelAction = validatedAction(scope, ({ provider, teamId }, principal) =>
  syncPanel(principal, provider, teamId),
);
export const syncTargetsAction = validatedAction(scope, ({ provider, teamId }, principal) =>
  syncTargets(principal, provider, teamId),
);
export const saveSyncSettingsAction = validatedAction(
  scope.extend({ sync: syncSettingsSchema }),
  async ({ provider, teamId, sync }, principal) => {
    const view = await saveSyncSettings(principal, provider, teamId, sync);
    revalidatePath("/code-security/settings/integrations");
    return view;
  },
);

/** The quick view's live copy of an issue: its status and its tickets' statuses as last synced. */
export const liveIssueAction = validatedAction(z.object({ issueId: z.uuid() }), async ({ issueId }) => {
  const issue = await getIssue(issueId);
  if (!issue || issue.deletedAt) throw new NotFoundError("Issue");
  return issue;
});

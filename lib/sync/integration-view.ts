import { managesScope, type Principal } from "@/lib/auth/principal";
import { loadIntegrations } from "@/lib/delivery/integration-configs";
import { mondayToken } from "@/lib/integrations/monday/client";
import { mondayUserId } from "@/lib/integrations/monday/sync";
import type { IntegrationView } from "@/lib/integrations/views";
import { errorFacts, logger } from "@/lib/log";
import { hookUrlOf } from "./hook-url";
import { saveAccountId, syncSoon } from "./runs";
import { syncSettingsOf } from "./schema";
import { subscribeMondayBoards, type SubscriptionResult } from "./subscriptions";

const HOOKED = new Set(["jira", "confluence", "monday"]);

/** Whether the integration has ticket sync: Jira at any scope, monday globally (teams borrow its token). */
export function hasSync(view: Pick<IntegrationView, "provider" | "teamId">): boolean {
  return view.provider === "jira" || (view.provider === "monday" && view.teamId === null);
}

/**
 * Add what contract §3 adds to the jira, confluence and monday answers: `hookUrl` (secret
 * included, so only for whoever manages the scope) and the `sync` settings with their defaults.
 */
export async function withSyncFacts(view: IntegrationView, viewer: Principal): Promise<IntegrationView> {
  if (!view.id || !HOOKED.has(view.provider)) return view;
  const manages = managesScope(viewer, view.teamId);
  const out: IntegrationView = { ...view };
  if (manages && (view.provider !== "monday" || view.teamId === null))
    out.hookUrl = await hookUrlOf(view.provider, view.id);
  if (hasSync(view)) out.settings = { ...view.settings, sync: syncSettingsOf(view.settings) };
  return out;
}

/**
 * After a save: reconcile soon, and for monday learn the token's user (its own changes are not
 * news) and subscribe the boards of linked items to status changes. The save stands whatever
 * happens here; what failed shows in the section.
 */
export async function afterSyncSave(view: IntegrationView): Promise<SubscriptionResult[]> {
  if (!view.id || !hasSync(view) || !view.enabled) return [];
  await syncSoon(view.id);
  if (view.provider !== "monday") return [];
  const config = (await loadIntegrations([view.id])).get(view.id);
  if (!config) return [];
  try {
    await saveAccountId(view.id, await mondayUserId(mondayToken(config)));
    return await subscribeMondayBoards(config);
  } catch (error) {
    logger().warn({ err: errorFacts(error) }, "sync: monday subscription after save failed");
    return [];
  }
}

import { apiRoute } from "@/lib/api/handler";
import { listConfiguredIntegrations } from "@/lib/integrations/service";
import { toApi } from "@/lib/integrations/views";

export const GET = apiRoute({}, async ({ principal, params }) =>
  (await listConfiguredIntegrations(principal, params.teamId)).map(toApi),
);

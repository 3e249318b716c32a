import { apiRoute } from "@/lib/api/handler";
import { requireSomeLead } from "@/lib/auth/principal";
import { retryFailedSince } from "@/lib/delivery/redeliver";
import { retryFailedInput } from "@/lib/delivery/schemas";

/** POST /api/v1/deliveries/retry-failed with {"integrationId", "since"}: answers {"count"}. */
export const POST = apiRoute(
  { body: retryFailedInput, authorize: ({ principal }) => requireSomeLead(principal) },
  ({ principal, body }) => retryFailedSince(principal, body.integrationId, body.since),
);

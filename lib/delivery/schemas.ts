import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/integrations/registry";

// Client-safe: the Recent deliveries panel and the REST routes parse with the same schemas.

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const listDeliveriesQuery = z.object({
  provider: z.enum(PROVIDER_IDS, { message: "Unknown provider" }).optional(),
  teamId: z.uuid("teamId must be a team id").optional(),
  integrationId: z.uuid("integrationId must be an integration id").optional(),
  status: z.enum(DELIVERY_STATUSES, { message: "status is pending, delivered or failed" }).optional(),
  limit: z.coerce.number().int().min(1, "limit is 1 to 200").max(200, "limit is 1 to 200").default(50),
  cursor: z.uuid("cursor must come from a previous page's nextCursor").optional(),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuery>;

export const deliveryIdInput = z.object({ id: z.uuid("Not a delivery id") });

export const retryFailedInput = z.object({
  integrationId: z.uuid("Not an integration id"),
  since: z.coerce.date({ message: "Choose a date and time" }),
});

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

const SINCE = "Choose a date and time";
/** A time the database can compare with: years 1 to 9999 (JavaScript's range goes far beyond Postgres'). */
const since = z.union([z.string(), z.date()], { message: SINCE }).pipe(
  z.coerce
    .date<string | Date>({ message: SINCE })
    .min(new Date("0001-01-01T00:00:00.000Z"), { message: `${SINCE} after the year 0` })
    .max(new Date("9999-12-31T23:59:59.999Z"), { message: `${SINCE} before the year 10000` }),
);

export const retryFailedInput = z.object({
  integrationId: z.uuid("Not an integration id"),
  since,
});

import { apiRoute } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/delivery/queries";
import { listDeliveriesQuery } from "@/lib/delivery/schemas";

/** GET /api/v1/deliveries?provider&teamId&integrationId&status&limit&cursor */
export const GET = apiRoute({}, ({ principal, url }) =>
  listDeliveries(principal, listDeliveriesQuery.parse(Object.fromEntries(url.searchParams))),
);

import { apiRoute } from "@/lib/api/handler";
import { getDelivery } from "@/lib/delivery/queries";
import { deliveryIdInput } from "@/lib/delivery/schemas";

/** GET /api/v1/deliveries/{id}: one delivery with every attempt in full. */
export const GET = apiRoute({}, ({ principal, params }) => getDelivery(principal, deliveryIdInput.parse(params).id));

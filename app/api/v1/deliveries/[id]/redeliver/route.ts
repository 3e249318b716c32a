import { apiRoute } from "@/lib/api/handler";
import { redeliver } from "@/lib/delivery/redeliver";
import { deliveryIdInput } from "@/lib/delivery/schemas";

/** POST /api/v1/deliveries/{id}/redeliver: same body, same delivery id, fresh signature. */
export const POST = apiRoute({}, ({ principal, params }) => redeliver(principal, deliveryIdInput.parse(params).id));

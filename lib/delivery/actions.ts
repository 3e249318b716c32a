"use server";

import { validatedAction } from "@/lib/api/action";
import { getDelivery, listDeliveries } from "./queries";
import { redeliver, retryFailedSince } from "./redeliver";
import { deliveryIdInput, listDeliveriesQuery, retryFailedInput } from "./schemas";

// The Recent deliveries panel's twins of the /api/v1/deliveries routes.

export const listDeliveriesAction = validatedAction(listDeliveriesQuery, (input, principal) =>
  listDeliveries(principal, input),
);

export const getDeliveryAction = validatedAction(deliveryIdInput, (input, principal) =>
  getDelivery(principal, input.id),
);

export const redeliverAction = validatedAction(deliveryIdInput, (input, principal) => redeliver(principal, input.id));

export const retryFailedSinceAction = validatedAction(retryFailedInput, (input, principal) =>
  retryFailedSince(principal, input.integrationId, input.since),
);

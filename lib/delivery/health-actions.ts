"use server";

import { validatedAction } from "@/lib/api/action";
import { integrationHealth } from "./health";
import { healthInput } from "./health-schema";

/** The Delivery health chart's data: hourly aggregates only, for those who may manage the integration. */
export const deliveryHealthAction = validatedAction(healthInput, (input, principal) =>
  integrationHealth(principal, input.integrationId, input.window),
);

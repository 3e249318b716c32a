// @ts-nocheck
import type { IssueAlertPayload } from "../payloads";
import type { IntegrationConfig, Provider } from "../types";
import { judgePagerDutyResponse, pagerdutyEventsUrl, testPagerDuty } from "./client";
import { eventFor } from "./notify";
import { pagerdutyForm, pagerdutySchema } from "./schema";

const routingKey = (config: IntegrationConfig) => config.secrets.routingKey ?? "";

export const pagerduty: Provider = {
  id: "pagerduty",
  name: pagerdutyForm.name,
  teamLevel: true,
  secretFields: ["routingKey"],
  // The Events API's address is the product's (PAGERDUTY_EVENTS_URL), not a setting.
  destinationFields: [],
  destination: () => pagerdutyEventsUrl(),
  schema: pagerdutySchema,
  test: (config) => testPagerDuty(routingKey(config)),
  buildRequest: (config, payload) => ({
    url: pagerdutyEventsUrl(),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(eventFor(routingKey(config), payload as IssueAlertPayload)),
  }),
  judgeResponse: judgePagerDutyResponse,
  // Events API v2 accepts about 120 events a minute per routing key before answering 429.
  rateLimit: (config) => ({ key: `pagerduty:${config.id}`, ratePerSecond: 2, burst: 10 }),
};

// Loopback fakes of the vendors we deliver to. Each validates every request against the vendor's
// published spec (test/vendor-specs, with SOURCES.md) and records what does not
// conform in `fake.violations`; tests end with `expect(fake.violations).toEqual([])`.
export { FakeServer, type FakeResponse, type RecordedRequest } from "./http";
export { createSlackFake, SlackFake, type SlackMessage, type SlackWebhookState } from "./slack";
export {
  createJiraFake,
  JiraFake,
  requiredCustomField,
  type IssueSeed,
  type JiraIssue,
  type JiraProject,
  type JiraUser,
  type JiraField,
  type JiraChange,
  type JiraHistory,
  type JiraChangeItem,
  type JiraWebhookBody,
  type JiraWebhookEvent,
  type WorkflowSeed,
  type StatusCategoryKey,
} from "./jira";
export {
  createConfluenceFake,
  ConfluenceFake,
  type ConfluencePage,
  type ConfluenceSpace,
  type ConfluenceUser,
} from "./confluence";
export {
  createMondayFake,
  MondayFake,
  statusColumn,
  type MondayBoard,
  type MondayColumn,
  type MondayItem,
  type MondayWorkspace,
  type MondayChange,
  type MondayUpdate,
  type MondayUser,
  type MondayWebhook,
  type MondayEventBody,
} from "./monday";
export { hubSignature } from "./jira-webhooks";
export type { WebhookDelivery } from "./webhook-delivery";
export { createPagerDutyFake, PagerDutyFake, type AlertStatus, type PagerDutyEvent } from "./pagerduty";
export { adfErrors, adfPlainText, adfText } from "./adf";
export { OpenApiValidator, vendorSpecsDir } from "./openapi";

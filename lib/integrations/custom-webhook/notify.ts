import type { IssueSummary } from "../payloads";

/** The Custom Webhook body (contract §4): detailed data about new issues only. */
export type CustomWebhookPayload = {
  issues: Pick<IssueSummary, "assetId" | "detectorId" | "detectorName" | "severity" | "uri">[];
};

/** Receivers get at most 500 issues in one body. */
export const MAX_ISSUES_PER_BODY = 500;

/** One ingest's new issues as Custom Webhook payloads: enqueue each as its own delivery. */
export function newIssuesPayloads(issues: IssueSummary[]): CustomWebhookPayload[] {
  const payloads: CustomWebhookPayload[] = [];
  for (let i = 0; i < issues.length; i += MAX_ISSUES_PER_BODY) {
    payloads.push({ issues: issues.slice(i, i + MAX_ISSUES_PER_BODY).map(contractFields) });
  }
  return payloads;
}

/** Exactly the contract's fields, in its order, whatever the caller put in the payload. */
export function renderBody(payload: CustomWebhookPayload): string {
  return JSON.stringify({ issues: payload.issues.map(contractFields) });
}

function contractFields(issue: CustomWebhookPayload["issues"][number]) {
  return {
    assetId: issue.assetId,
    detectorId: issue.detectorId,
    detectorName: issue.detectorName,
    severity: issue.severity,
    uri: issue.uri ?? "",
  };
}

/** What a Test sends: one example issue in the production format, so a receiver can be built against it. */
export const samplePayload: CustomWebhookPayload = {
  issues: [
    {
      assetId: "github.com/maggie/jelly-sandwich",
      detectorId: "SENF026",
      detectorName: "Ruby On Rails secret token configuration file",
      severity: "error",
      uri: "https://github.com/maggie/jelly-sandwich/blob/ae556dbaa9a8ce4e37a5fe9e95b7823eff79f379/config/initializers/secret_token.rb#L7",
    },
  ],
};

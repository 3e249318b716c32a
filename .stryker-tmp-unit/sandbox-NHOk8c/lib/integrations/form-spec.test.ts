// @ts-nocheck
import { describe, expect, it } from "vitest";
import { acceptMaskedSecrets } from "./form-spec";
import { slackForm } from "./slack/schema";
import { pagerdutyForm } from "./pagerduty/schema";

describe("settings forms in the browser", () => {
  it("accept a stored secret's mask, and otherwise give the field's own message", () => {
    const slack = acceptMaskedSecrets(slackForm.schema, slackForm.fields);
    expect(slack.safeParse({ webhookUrl: "••••X9Qa" }).success).toBe(true);
    const bad = slack.safeParse({ webhookUrl: "https://example.com/x" });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/Slack incoming-webhook URL/)]);
    const pd = acceptMaskedSecrets(pagerdutyForm.schema, pagerdutyForm.fields);
    expect(pd.safeParse({ routingKey: "short" }).error?.issues[0].message).toMatch(/exactly 32/);
  });
});

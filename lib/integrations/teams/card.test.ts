import { describe, expect, it } from "vitest";
import { validateTeamsMessage } from "@/test/fakes/teams";
import { issuesCreatedMessage, MAX_MESSAGE_BYTES, testMessage } from "./card";
import { isTeamsWorkflowUrl } from "./schema";
import { sampleAsset, sampleIssue } from "@/test/support/issues";

const issue = sampleIssue;
const asset = sampleAsset;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("the Teams new-issues card", () => {
  it("is an Adaptive Card 1.5 naming the asset and the count, with ten issues and their links, then 'and N more'", () => {
    const message = issuesCreatedMessage({ asset, issues: Array.from({ length: 25 }, (_, i) => issue(i)) });
    expect(validateTeamsMessage(message)).toEqual([]);
    const card = message.attachments[0].content;
    expect(card.body[0]).toMatchObject({ type: "TextBlock", text: "25 new issues in jelly-sandwich" });
    expect(card.body[1]).toMatchObject({
      type: "FactSet",
      facts: [
        { title: "Asset", value: "[github.com/maggie/jelly-sandwich](https://github.com/maggie/jelly-sandwich)" },
        { title: "New issues", value: "25" },
      ],
    });
    const listed = card.body.filter((b) => b.type === "Container");
    expect(listed).toHaveLength(10);
    expect(JSON.stringify(listed[0])).toContain(
      "[db/secret0](https://github.com/maggie/jelly-sandwich/blob/main/db/secret0#L4)",
    );
    expect(JSON.stringify(listed[0])).toContain("/code-security/issues?issue=");
    expect(JSON.stringify(listed[0])).toContain("**error**");
    expect(card.body.at(-1)).toMatchObject({ type: "TextBlock", text: "and 15 more" });
  });

  it("stays under Teams' size limit and valid with hostile, huge values, listing fewer issues when it must", () => {
    const huge = "*_[x](javascript:alert(1))_*".repeat(400);
    const long = (i: number) =>
      issue(i, { detectorName: huge, path: huge, uri: `https://x.example/${"a".repeat(990)}` });
    const message = issuesCreatedMessage({
      asset: { ...asset, name: huge, url: "javascript:alert(1)" },
      issues: Array.from({ length: 10 }, (_, i) => long(i)),
    });
    expect(validateTeamsMessage(message)).toEqual([]);
    expect(bytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/[^\\]\]\(javascript:/);
    expect(text).not.toMatch(/[^\\]\[x\]/);

    const many = issuesCreatedMessage({
      asset,
      issues: Array.from({ length: 10 }, (_, i) =>
        issue(i, { detectorName: "d".repeat(190), path: "p".repeat(190), uri: `https://x.example/${"u".repeat(990)}` }),
      ),
    });
    expect(bytes(many)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(validateTeamsMessage(many)).toEqual([]);
  });

  it("the Test card is valid too", () => {
    expect(validateTeamsMessage(testMessage())).toEqual([]);
  });
});

describe("the Teams Workflows URL rule", () => {
  it("accepts signed Logic Apps and Power Platform trigger URLs over https, not connectors or unsigned ones", () => {
    const before = process.env.OUTBOUND_ALLOW_PRIVATE;
    process.env.OUTBOUND_ALLOW_PRIVATE = "false";
    const trigger =
      "/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=s1g";
    expect(isTeamsWorkflowUrl(`https://prod-23.westeurope.logic.azure.com:443${trigger}`)).toBe(true);
    expect(
      isTeamsWorkflowUrl(
        `https://default0123.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct${trigger}`,
      ),
    ).toBe(true);
    expect(isTeamsWorkflowUrl(`http://prod-23.westeurope.logic.azure.com${trigger}`)).toBe(false);
    expect(isTeamsWorkflowUrl(`https://evil.example${trigger}`)).toBe(false);
    expect(isTeamsWorkflowUrl(`https://prod-23.westeurope.logic.azure.com${trigger.replace("&sig=s1g", "")}`)).toBe(
      false,
    );
    expect(isTeamsWorkflowUrl("https://acme.webhook.office.com/webhookb2/a/IncomingWebhook/b/c")).toBe(false);
    process.env.OUTBOUND_ALLOW_PRIVATE = "true";
    expect(isTeamsWorkflowUrl(`http://127.0.0.1:9${trigger}`)).toBe(true);
    process.env.OUTBOUND_ALLOW_PRIVATE = before;
  });
});

import { describe, expect, it } from "vitest";
import { validateMessage } from "@/test/fakes/slack";
import { MASK } from "@/lib/crypto/secrets";
import { MASK_PREFIX } from "../form-spec";
import { isSlackWebhookUrl } from "./schema";
import { issuesCreatedMessage } from "./notify";
import { sampleAsset, sampleIssue } from "@/test/support/issues";

const issue = sampleIssue;
const asset = sampleAsset;

describe("Slack new-issues message", () => {
  it("names the asset and the count, lists ten issues with links, then 'and N more'", () => {
    const message = issuesCreatedMessage({ asset, issues: Array.from({ length: 25 }, (_, i) => issue(i)) });
    expect(validateMessage(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "25 new issues in jelly-sandwich" } });
    const sections = message.blocks.filter((b) => b.type === "section").slice(1);
    expect(sections).toHaveLength(10);
    expect(JSON.stringify(sections[0])).toContain(
      "<https://github.com/maggie/jelly-sandwich/blob/main/db/secret0#L4|db/secret0>",
    );
    expect(JSON.stringify(sections[0])).toContain("/code-security/issues?issue=");
    expect(message.blocks.at(-1)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "and 15 more" }] });
    expect(message.text).toMatch(/^25 new issues in github.com\/maggie\/jelly-sandwich/);
  });

  it("stays within Block Kit limits with hostile, huge values", () => {
    const huge = "<&>|".repeat(2000);
    const message = issuesCreatedMessage({
      asset: { ...asset, name: huge, url: "javascript:alert(1)" },
      issues: [issue(1, { detectorName: huge, path: huge, uri: `https://x.example/${huge}` })],
    });
    expect(validateMessage(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(JSON.stringify(message)).not.toContain("javascript:");
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe("Slack webhook URL rule", () => {
  it("accepts only /services/T…/B…/… paths, on hooks.slack.com unless private targets are allowed", () => {
    const before = process.env.OUTBOUND_ALLOW_PRIVATE;
    process.env.OUTBOUND_ALLOW_PRIVATE = "false";
    expect(isSlackWebhookUrl("https://hooks.slack.com/services/T0001/B0001/abcDEF123")).toBe(true);
    expect(isSlackWebhookUrl("https://evil.example/services/T0001/B0001/abcDEF123")).toBe(false);
    expect(isSlackWebhookUrl("http://hooks.slack.com/services/T0001/B0001/abcDEF123")).toBe(false);
    process.env.OUTBOUND_ALLOW_PRIVATE = "true";
    expect(isSlackWebhookUrl("http://127.0.0.1:9/services/T0001/B0001/abcDEF123")).toBe(true);
    expect(isSlackWebhookUrl("http://127.0.0.1:9/hooks/T0001/B0001/abcDEF123")).toBe(false);
    process.env.OUTBOUND_ALLOW_PRIVATE = before;
  });

  it("the browser's mask prefix is the server's", () => {
    expect(MASK_PREFIX).toBe(MASK);
  });
});

import { describe, expect, it } from "vitest";
import { issuesCreatedMessage } from "@/lib/integrations/slack/notify";

// Block Kit's limits as Slack documents them (https://api.slack.com/reference/block-kit/blocks),
// written here rather than read from the product: at most 50 blocks a message, a header's text at
// most 150 characters, a section's at most 3000.
const MAX_BLOCKS = 50;

const issue = (i: number) => ({
  id: `i-${i}`,
  assetId: "github.com/acme/big",
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
  path: `src/f${i}.ts`,
  uri: null,
});

describe("a Slack message for a scan that found many issues", () => {
  it("stays within Block Kit's limits: lists ten, then says how many more", () => {
    const message = issuesCreatedMessage({
      asset: { id: "github.com/acme/big", name: "big".repeat(80), url: null },
      issues: Array.from({ length: 600 }, (_, i) => issue(i)),
    });
    expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    const sections = message.blocks.filter((b) => b.type === "section");
    expect(sections).toHaveLength(11); // the asset, then ten issues
    expect(JSON.stringify(message.blocks.at(-1))).toContain("and 590 more");
    const header = message.blocks.find((b) => b.type === "header") as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    for (const s of sections as { text: { text: string } }[]) expect(s.text.text.length).toBeLessThanOrEqual(3000);
  });
});

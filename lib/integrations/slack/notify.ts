import { issueLink, type IssuesCreatedPayload, type IssueSummary } from "../payloads";

// Block Kit limits (https://api.slack.com/reference/block-kit/blocks): at most 50 blocks, header
// text ≤ 150 chars, section text ≤ 3000. We list at most 10 issues, so a message stays ≤ 15 blocks.
const MAX_LISTED = 10;
const HEADER_MAX = 150;
const SECTION_MAX = 3000;

type Text = { type: "plain_text" | "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "header"; text: Text }
  | { type: "section"; text: Text }
  | { type: "divider" }
  | { type: "context"; elements: Text[] };
export type SlackMessage = { text: string; blocks: SlackBlock[] };

const SEVERITY_MARK = { error: "🔴", warning: "🟠", info: "🔵" } as const;

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function link(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, "¦");
  if (!url || !/^https?:\/\//.test(url)) return safeLabel;
  // `|` and `>` end a Slack link, so they must not appear raw inside the URL.
  return `<${url.replace(/\|/g, "%7C").replace(/>/g, "%3E")}|${safeLabel}>`;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function issueLine(issue: IssueSummary): string {
  const head = `${SEVERITY_MARK[issue.severity]} *${issue.severity}* · ${escapeMrkdwn(issue.detectorName)} (${escapeMrkdwn(issue.detectorId)})`;
  const source = issue.uri ? link(issue.uri, issue.path || "source") : escapeMrkdwn(issue.path ?? "");
  const where = [source, link(issueLink(issue.id), "View in Code Security")].filter(Boolean).join(" · ");
  return truncate(`${head}\n${where}`, SECTION_MAX);
}

function plural(n: number, word: string): string {
  return `${n} new ${word}${n === 1 ? "" : "s"}`;
}

/** One message per ingest: the asset, how many, up to 10 issues, then "and N more". */
export function issuesCreatedMessage(payload: IssuesCreatedPayload): SlackMessage {
  const { asset, issues } = payload;
  const count = issues.length;
  const listed = issues.slice(0, MAX_LISTED);
  const more = count - listed.length;
  const blocks: SlackBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: truncate(`${plural(count, "issue")} in ${asset.name}`, HEADER_MAX) },
    },
    { type: "section", text: { type: "mrkdwn", text: truncate(`*Asset:* ${link(asset.url, asset.id)}`, SECTION_MAX) } },
    { type: "divider" },
    ...listed.map((issue): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text: issueLine(issue) } })),
  ];
  if (more > 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `and ${more} more` }] });
  // The fallback shows in notifications and for clients that cannot render blocks.
  const names = listed.map((i) => `${i.severity}: ${i.detectorName}`).join("; ");
  const text = truncate(
    `${plural(count, "issue")} in ${asset.id}: ${names}${more > 0 ? `; and ${more} more` : ""}`,
    SECTION_MAX,
  );
  return { text, blocks };
}

export function testMessage(): SlackMessage {
  const text = "Code Security test message: this channel will receive new-issue notifications.";
  return {
    text,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `:white_check_mark: *Code Security is connected.*\n${escapeMrkdwn(text)}` },
      },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: `Sent by a Test from Settings → Integrations at ${new Date().toISOString()}` },
        ],
      },
    ],
  };
}

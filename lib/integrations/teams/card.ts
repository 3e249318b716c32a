import { issueLink, type IssuesCreatedPayload, type IssueSummary } from "../payloads";

// An Adaptive Card 1.5 (https://adaptivecards.io/schemas/1.5.0/adaptive-card.json) in the
// envelope a Teams Workflows webhook takes. Teams refuses a message over about 28 KB, so the card
// lists at most 10 issues, cuts long values, and lists fewer when it would still be too large.
export const MAX_LISTED = 10;
export const MAX_MESSAGE_BYTES = 27 * 1024;
const TEXT_MAX = 500;
const URL_MAX = 1000;

export type CardElement = Record<string, unknown> & { type: string };
export type AdaptiveCard = {
  $schema: string;
  type: "AdaptiveCard";
  version: "1.5";
  body: CardElement[];
  fallbackText: string;
};
export type TeamsMessage = {
  type: "message";
  attachments: { contentType: "application/vnd.microsoft.card.adaptive"; content: AdaptiveCard }[];
};

const SEVERITY_COLOR = { error: "Attention", warning: "Warning", info: "Accent" } as const;

function cut(text: string, max = TEXT_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** TextBlock markdown knows bold, italic and links: a backslash keeps their characters literal. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_[\]]/g, "\\$&");
}

/** A markdown link to an http(s) URL, or the label alone when the URL is missing, odd or long. */
function link(url: string | null | undefined, label: string): string {
  const text = escapeMarkdown(cut(label, 200));
  if (!url || !/^https?:\/\//i.test(url) || url.length > URL_MAX) return text;
  // A link ends at ")" or white space; percent-encode them so the URL stays whole.
  return `[${text}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
}

const textBlock = (text: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});

function issueBlock(issue: IssueSummary): CardElement {
  const head = `**${issue.severity}** · ${escapeMarkdown(cut(issue.detectorName, 200))} (${escapeMarkdown(cut(issue.detectorId, 40))})`;
  const source = issue.uri ? link(issue.uri, issue.path || "source") : escapeMarkdown(cut(issue.path ?? "", 200));
  const where = [source, link(issueLink(issue.id), "View in Code Security")].filter(Boolean).join(" · ");
  return {
    type: "Container",
    separator: true,
    items: [
      textBlock(head, { color: SEVERITY_COLOR[issue.severity] }),
      textBlock(where, { isSubtle: true, spacing: "None" }),
    ],
  };
}

function plural(n: number): string {
  return `${n} new issue${n === 1 ? "" : "s"}`;
}

export function envelope(card: AdaptiveCard): TeamsMessage {
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] };
}

function card(body: CardElement[], fallbackText: string): AdaptiveCard {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body,
    fallbackText: cut(fallbackText),
  };
}

function issuesCard({ asset, issues }: IssuesCreatedPayload, listed: number): TeamsMessage {
  const count = issues.length;
  const more = count - listed;
  const body: CardElement[] = [
    textBlock(escapeMarkdown(cut(`${plural(count)} in ${asset.name}`, 150)), {
      size: "Medium",
      weight: "Bolder",
      style: "heading",
    }),
    {
      type: "FactSet",
      facts: [
        { title: "Asset", value: link(asset.url, asset.id) },
        { title: "New issues", value: String(count) },
      ],
    },
    ...issues.slice(0, listed).map(issueBlock),
  ];
  if (more > 0) body.push(textBlock(`and ${more} more`, { isSubtle: true }));
  return envelope(card(body, `${plural(count)} in ${asset.id}`));
}

/** One card per ingest: the asset, how many, up to 10 issues, then "and N more"; always under the size limit. */
export function issuesCreatedMessage(payload: IssuesCreatedPayload): TeamsMessage {
  let listed = Math.min(MAX_LISTED, payload.issues.length);
  let message = issuesCard(payload, listed);
  while (listed > 0 && new TextEncoder().encode(JSON.stringify(message)).length > MAX_MESSAGE_BYTES)
    message = issuesCard(payload, --listed);
  return message;
}

export function testMessage(): TeamsMessage {
  return envelope(
    card(
      [
        textBlock("Code Security is connected.", { weight: "Bolder" }),
        textBlock("This channel will receive new-issue notifications."),
        textBlock(`Sent by a Test from Settings → Integrations at ${new Date().toISOString()}`, { isSubtle: true }),
      ],
      "Code Security test message: this channel will receive new-issue notifications.",
    ),
  );
}

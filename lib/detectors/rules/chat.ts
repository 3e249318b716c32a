import { token, type Rule } from "../rule";
import { isDiscordToken } from "../verify";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const CHAT_RULES: Rule[] = [
  token("slackBotToken", ["xoxb-"], "(?:[0-9]{8,13}-){1,2}[A-Za-z0-9]{18,34}", { entropy: 3 }),
  token(
    "slackOtherToken",
    ["xoxp-", "xoxa-", "xoxe-", "xoxr-", "xoxs-", "xoxo-"],
    "(?:[0-9]{1,13}-){1,4}[A-Za-z0-9]{8,200}",
    { entropy: 3 },
  ),
  token("slackOtherToken", ["xoxe.xox"], "[bp]-[0-9]-[A-Za-z0-9]{100,200}", { entropy: 3 }),
  token("slackOtherToken", ["xapp-"], "[0-9]-[A-Z0-9]{6,14}-[0-9]{6,16}-[a-f0-9]{32,80}", { entropy: 3 }),
  {
    detector: "slackWebhook",
    keywords: ["hooks.slack.com/services/"],
    pattern:
      /hooks\.slack\.com\/services\/(?<secret>T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/,
  },
  {
    detector: "slackWebhook",
    keywords: ["hooks.slack.com/workflows/", "hooks.slack.com/triggers/"],
    pattern:
      /hooks\.slack\.com\/(?:workflows|triggers)\/(?<secret>T[A-Z0-9]{6,12}\/[A-Za-z0-9]{6,16}\/[0-9]{6,24}\/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])/,
  },
  // Bot tokens have no prefix: three base64url parts, the first being the bot's id. Near "discord".
  {
    detector: "discordBotToken",
    keywords: ["discord"],
    window: { before: 120, after: 200 },
    pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_.-])/,
    checked: true,
    verify: isDiscordToken,
  },
  {
    detector: "discordWebhook",
    keywords: ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/(?<secret>[A-Za-z0-9_-]{60,68})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
  },
  {
    detector: "telegramBotToken",
    keywords: [":aa"],
    window: { before: 11, after: 40 },
    pattern: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
    entropy: 3.5,
  },
  {
    detector: "teamsWebhook",
    keywords: [".webhook.office.com/webhookb2/"],
    pattern: new RegExp(
      `\\.webhook\\.office\\.com/webhookb2/(?<secret>${UUID}@${UUID}/IncomingWebhook/[0-9a-f]{32}/${UUID}(?:/[A-Za-z0-9_-]{30,80})?)`,
    ),
  },
  // A Power Automate or Logic Apps trigger URL is authorised by its `sig` alone.
  {
    detector: "workflowWebhook",
    keywords: [".logic.azure.com", ".api.powerplatform.com", ".environment.api.powerplatform.com"],
    window: { before: 0, after: 700 },
    pattern: /\/triggers\/manual\/paths\/invoke\?[A-Za-z0-9_.%=&-]{0,300}?[?&]sig=(?<secret>[A-Za-z0-9_%-]{40,100})/,
    entropy: 3.5,
  },
];

import { assigned, nearVendor, token, type Rule } from "../rule";

export const MESSAGING_RULES: Rule[] = [
  token("sendgridKey", ["SG."], "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", { entropy: 3.5 }),
  // API key SIDs (`SK` + 32 hex); the key's secret sits beside it and is caught by context below.
  token("twilioApiKey", ["SK"], "[0-9a-f]{32}", { entropy: 3 }),
  assigned(
    "twilioAuthToken",
    ["twilio_auth_token", "twilioauthtoken", "twilio_api_secret", "twilio_secret"],
    "[A-Za-z0-9]{32}",
    { entropy: 3 },
  ),
  // The auth token (or an API key's secret) near an account SID or an API key SID.
  {
    detector: "twilioAuthToken",
    keywords: ["twilio"],
    window: { before: 0, after: 300 },
    pattern:
      /(?:token|secret|auth)[A-Za-z0-9_.-]{0,30}["']?[ \t]{0,5}(?::=|=>|=|:|,)[ \t]{0,5}["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])/i,
    rank: 2,
    entropy: 3,
  },
  // `key-` + 32 hex is also how cache keys look: only near the word Mailgun.
  {
    detector: "mailgunKey",
    keywords: ["mailgun"],
    window: { before: 200, after: 200 },
    pattern: /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9_-])/,
    entropy: 3,
  },
  nearVendor("mailgunKey", ["mailgun"], "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}"),
  // `<32 hex>-us21`: the data-centre suffix follows the key.
  {
    detector: "mailchimpKey",
    keywords: ["-us"],
    window: { before: 32, after: 6 },
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
    entropy: 3,
  },
  token("brevoKey", ["xkeysib-", "xsmtpsib-"], "[a-f0-9]{64}-[A-Za-z0-9]{16}", { entropy: 3 }),
];

import { assigned, nearVendor, token, type Rule } from "../rule";

const AWS_KEY_ID_PREFIXES = ["AKIA", "ASIA", "ABIA", "ACCA"];
// A 40-character secret access key standing alone (its edges not inside a longer base64 run).
const AWS_SECRET = "(?<![A-Za-z0-9/+=])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])";
const mixed = (s: string) => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

export const CLOUD_RULES: Rule[] = [
  // Long-term (AKIA), temporary (ASIA) and other AWS access key ids: 16 base32 characters.
  token("awsAccessKey", AWS_KEY_ID_PREFIXES, "[A-Z2-7]{16}"),
  // The secret access key by its own name (`aws_secret_access_key = …`, `secretAccessKey: …`)…
  assigned(
    "awsSecretKey",
    ["aws_secret_access_key", "aws_secret_key", "secret_access_key", "secretaccesskey", "aws_secret"],
    "[A-Za-z0-9/+]{40}",
    { entropy: 3.5 },
  ),
  // …or written beside its key id: a 40-character mixed-case base64 run within 300 characters.
  {
    detector: "awsSecretKey",
    keywords: AWS_KEY_ID_PREFIXES,
    window: { before: 300, after: 320 },
    pattern: new RegExp(AWS_SECRET),
    rank: 2,
    entropy: 4,
    verify: mixed,
  },
  token("googleApiKey", ["AIza"], "[0-9A-Za-z_-]{35}"),
  // A service-account JSON's private key (JSON-escaped PEM); it outranks the plain PEM rule.
  {
    detector: "gcpServiceAccount",
    keywords: ['"private_key"'],
    pattern:
      /"private_key"\s{0,5}:\s{0,5}"-----BEGIN PRIVATE KEY-----(?:\\n)+(?<secret>(?:[A-Za-z0-9+/=]|\\n){60,8000}?)(?:\\n)*-----END PRIVATE KEY-----/,
    checked: true,
    rank: 0,
  },
  token("googleOauthSecret", ["GOCSPX-"], "[A-Za-z0-9_-]{28}"),
  {
    detector: "azureStorageKey",
    keywords: ["accountkey="],
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/i,
    checked: true,
  },
  // Entra ID client secrets since 2022 carry `Q~` after three characters and a digit.
  {
    detector: "azureClientSecret",
    keywords: ["q~"],
    window: { before: 4, after: 40 },
    pattern: new RegExp(`(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`),
    checked: true,
  },
  assigned("azureClientSecret", ["azure_client_secret", "azureclientsecret"], "[A-Za-z0-9_~.-]{32,44}", {
    entropy: 3.5,
  }),
  nearVendor("azureClientSecret", ["entra", "azure_ad", "azuread"], "[A-Za-z0-9_~.-]{34,44}", { entropy: 3.8 }),
];

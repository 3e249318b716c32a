/**
 * Values that look like secrets but are not: what people write while explaining a setup, masks, and
 * keys that vendors publish in their documentation or ship in emulators. Reporting them trains
 * people to ignore findings.
 */

/** Published example and emulator credentials, each with where it is published. */
export const PUBLISHED_EXAMPLES: { value: string; source: string }[] = [
  {
    value: "AKIAIOSFODNN7EXAMPLE",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  },
  {
    value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  },
  {
    // Azurite and the Azure Storage Emulator: the well-known key of `devstoreaccount1`.
    value: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    source: "https://learn.microsoft.com/azure/storage/common/storage-use-azurite#connection-strings",
  },
  {
    // The Azure Cosmos DB emulator's fixed master key.
    value: "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
    source: "https://learn.microsoft.com/azure/cosmos-db/emulator#authenticate-requests",
  },
  {
    // jwt.io's debugger example, signed with "your-256-bit-secret".
    value:
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    source: "https://jwt.io/",
  },
  { value: "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", source: "https://api.slack.com/messaging/webhooks" },
  {
    value: "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    source:
      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
  },
  {
    value: "minioadmin",
    source: "https://min.io/docs/minio/linux/reference/minio-server/settings/root-credentials.html",
  },
];

const EXAMPLES = new Set(PUBLISHED_EXAMPLES.map((e) => e.value));

// A value already masked (ours is `abcd****wxyz`), or written as one.
const MASKED = /\*{3,}|•|…|\.{3,}/;
// Fill characters: `xxxx`, `00000000`. Binary formats (a PEM body's zero bytes are `AAAA…`) skip this.
const FILL = /x{4,}|X{4,}|(.)\1{7,}/;

// How people write "put yours here": `your-token`, `<token>`, `${TOKEN}`, `{{ token }}`, `%(pw)s`,
// `$TOKEN`, `%TOKEN%`, and the usual words.
const TEMPLATE =
  /your[-_ ]|^your|<[^>]*>|<\w|\$\{|\{\{|%\(\w+\)s|^\$\w+$|^%\w+%$|\bENV\[|process\.env|os\.environ|getenv/i;
const WORDS =
  /change[-_ ]?me|placeholder|redacted|dummy|example|sample|insert[-_ ]?(?:here|key|token)|replace[-_ ]?me|not[-_]?real|lorem|foobar|secret[-_]?here|token[-_]?here|password[-_]?here|0123456789|123456789|abcdefgh/i;

/**
 * Is this value a placeholder rather than a secret? `checked` formats (a verified checksum or a
 * fixed structure) skip the word list: a random 36-character token can contain "sample" by chance
 * far more often than a documented example passes a checksum.
 */
export function isPlaceholder(value: string, checked = false): boolean {
  return EXAMPLES.has(value) || (checked ? ALWAYS : ANY).test(value);
}

// One pass per value: these run on every candidate that has the shape of a secret.
const ALWAYS = new RegExp(`${MASKED.source}|${TEMPLATE.source}`, "i");
const ANY = new RegExp(`${MASKED.source}|${TEMPLATE.source}|${FILL.source}|${WORDS.source}`, "i");

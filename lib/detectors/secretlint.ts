import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { DetectorKey } from "./catalogue";
import type { RawMatch } from "./types";

// secretlint 11 profiles every run whether or not anyone reads it: each lintSource leaves ~100
// performance marks that its PerformanceObserver keeps forever and searches linearly on every new
// mark (upstream secretlint#1633/#1653, fixed in 13.x with setEnabled(false), which needs Node 22).
// In a long-lived process that is a leak and quadratic time: after a few thousand tickets one
// observer callback held the event loop for seconds. No marks, no observer work.
secretLintProfiler.mark = () => {};

type LintMessage = Awaited<ReturnType<typeof lintSource>>["messages"][number];

const PRESET_ID = "@secretlint/secretlint-rule-preset-recommend";
const config = {
  rules: [
    {
      id: PRESET_ID,
      rule: recommendedPreset,
      // The AWS rule only looks for access key ids when asked; a pasted key id is what people leak most.
      rules: [{ id: "@secretlint/secretlint-rule-aws", options: { enableIDScanRule: true } }],
    },
  ],
};

/**
 * Which catalogue entry a secretlint message is. `null` drops it: an AWS account id is an
 * identifier, not a credential, and `enableIDScanRule` reports it beside the key id.
 */
function detectorOf(message: LintMessage, secret: string): DetectorKey | null {
  const rule = message.ruleId.replace("@secretlint/secretlint-rule-", "");
  switch (`${rule}/${message.messageId}`) {
    case "aws/AWSAccessKeyID": return "awsAccessKey";
    case "aws/AWSSecretAccessKey": return "awsSecretKey";
    case "aws/AWSAccountID": return null;
    case "gcp/PrivateKeyJSON": return "gcpServiceAccount";
    case "privatekey/PrivateKey": return "privateKey";
    case "npm/NPM_ACCESS_TOKEN": case "npm/Npmrc_authToken": case "npm/PackageJSON_xOauthToken": return "npmToken";
    case "basicauth/BasicAuth": return "urlCredentials";
    case "slack/SLACK_TOKEN": return secret.startsWith("xoxb-") ? "slackBotToken" : "slackOtherToken";
    case "slack/IncomingWebhook": return "slackWebhook";
    case "sendgrid/SENDGRID_KEY": return "sendgridKey";
    case "shopify/SHOPIFY_KEY": return "shopifyToken";
    case "github/GITHUB_TOKEN": return /^(ghp_|github_pat_)/.test(secret) ? "githubPat" : "githubAppToken";
    case "openai/OPENAI_TOKEN": return "openaiKey";
    case "anthropic/ANTHROPIC_API_KEY": return "anthropicKey";
    case "linear/LINEAR_API_TOKEN": return "linearKey";
    case "1password/OPS_TOKEN": return "onePasswordToken";
    case "database-connection-string/PostgreSQLConnection":
    case "database-connection-string/MySQLConnection":
    case "database-connection-string/MongoDBConnection":
      return "dbConnection";
    default: return null;
  }
}

/**
 * The secret itself. Rules put it in `data` (KEY, TOKEN, URI…), which is more exact than `range`:
 * the AWS secret-key rule's range starts at the variable name, not at the key.
 */
function secretOf(message: LintMessage, text: string): { value: string; start: number } | null {
  const data = (message.data ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (key === "typeName" || typeof value !== "string" || value.length < 8) continue;
    const at = text.indexOf(value, Math.max(0, message.range[0]));
    if (at >= 0) return { value, start: at };
  }
  const [start, end] = message.range;
  return end > start ? { value: text.slice(start, end), start } : null;
}

/** Run secretlint's recommended preset over plain text (no file on disk). */
export async function secretlintMatches(text: string): Promise<RawMatch[]> {
  const result = await lintSource({
    // No real path: the GCP rule reads `.p12` files from disk by path, which must never happen here.
    source: { filePath: "scanned-text.txt", content: text, contentType: "text", ext: ".txt" },
    options: { config, noPhysicFilePath: true },
  });
  const out: RawMatch[] = [];
  for (const message of result.messages) {
    const secret = secretOf(message, text);
    if (!secret) continue;
    const detector = detectorOf(message, secret.value);
    if (detector) out.push({ detector, secret: secret.value, start: secret.start });
  }
  return out;
}

import type { IssueSeverity } from "@/lib/issues/schemas";

/** One entry of our detector catalogue: what an issue shows as its detector. */
export type Detector = { id: string; name: string; severity: IssueSeverity };

const d = (id: string, name: string, severity: IssueSeverity): Detector => ({ id, name, severity });

// Ids and names that already exist in the catalogue (db/demo-data.ts) keep their exact names:
// the detectors table follows the latest scan's names, so a different spelling would rename them.
export const DETECTORS = {
  awsAccessKey: d("CLD001", "Visible AWS Key", "error"),
  awsSecretKey: d("CLD002", "Visible AWS Secret Access Key", "error"),
  googleApiKey: d("CLD010", "Visible Google Cloud API Key", "error"),
  azureStorageKey: d("CLD021", "Azure Storage Account Key", "error"),
  privateKey: d("SENF001", "Private key file (RSA/DSA/EC)", "error"),
  railsSecretToken: d("SENF026", "Ruby On Rails secret token configuration file", "error"),
  dbConnection: d("DB001", "Database connection string with password", "error"),
  slackBotToken: d("SLK001", "Slack bot token", "error"),
  slackWebhook: d("SLK002", "Slack incoming webhook URL", "warning"),
  slackOtherToken: d("SLK003", "Slack user or app token", "error"),
  githubPat: d("GH001", "GitHub personal access token", "error"),
  githubAppToken: d("GH002", "GitHub OAuth or app token", "error"),
  stripeLiveKey: d("STR001", "Stripe live secret key", "error"),
  jwt: d("JWT001", "Hard-coded JSON Web Token", "warning"),
  npmToken: d("NPM001", "npm access token", "error"),
  urlCredentials: d("URL001", "Password in URL (basic auth)", "warning"),
  sendgridKey: d("SG001", "SendGrid API key", "error"),
  shopifyToken: d("SHP001", "Shopify access token", "error"),
  openaiKey: d("OAI001", "OpenAI API key", "error"),
  anthropicKey: d("ANT001", "Anthropic API key", "error"),
  linearKey: d("LIN001", "Linear API key", "error"),
  onePasswordToken: d("OPS001", "1Password service account token", "error"),
  gcpServiceAccount: d("CLD011", "Google Cloud service account key", "error"),
} satisfies Record<string, Detector>;

export type DetectorKey = keyof typeof DETECTORS;

export const ALL_DETECTORS: Detector[] = Object.values(DETECTORS);

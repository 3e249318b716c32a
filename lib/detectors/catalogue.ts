import type { IssueSeverity } from "@/lib/issues/schemas";

/** One entry of our detector catalogue: what an issue shows as its detector, and what to do about it. */
export type Detector = { id: string; name: string; severity: IssueSeverity; remediation: string };

const d = (id: string, name: string, severity: IssueSeverity, remediation: string): Detector => ({
  id,
  name,
  severity,
  remediation,
});

// Ids and names that already exist (db/demo-data.ts, stored issues) keep their exact spelling: the
// detectors table follows the latest scan's names, and issue fingerprints include the id.
const REVOKE = "then remove it from the text and its history";
export const DETECTORS = {
  // Cloud
  awsAccessKey: d(
    "CLD001",
    "Visible AWS Key",
    "error",
    `Deactivate the access key in IAM, create a new one, review CloudTrail for its use, ${REVOKE}.`,
  ),
  awsSecretKey: d(
    "CLD002",
    "Visible AWS Secret Access Key",
    "error",
    `Deactivate the access key it belongs to in IAM, create a new one, review CloudTrail, ${REVOKE}.`,
  ),
  googleApiKey: d(
    "CLD010",
    "Visible Google Cloud API Key",
    "error",
    "Delete or regenerate the key in Google Cloud console (APIs & Services → Credentials) and restrict its replacement.",
  ),
  gcpServiceAccount: d(
    "CLD011",
    "Google Cloud service account key",
    "error",
    "Delete the key from the service account in IAM, create a new one or move to workload identity federation.",
  ),
  googleOauthSecret: d(
    "CLD012",
    "Google OAuth client secret",
    "error",
    "Reset the client secret of the OAuth client in Google Cloud console and update the apps that use it.",
  ),
  azureStorageKey: d(
    "CLD021",
    "Azure Storage Account Key",
    "error",
    "Rotate the storage account key (Access keys → Rotate) and prefer Entra ID or short-lived SAS tokens.",
  ),
  azureClientSecret: d(
    "CLD022",
    "Azure AD (Entra ID) client secret",
    "error",
    "Delete the client secret from the app registration in Entra ID and add a new one, or use a certificate.",
  ),
  // Code hosting
  githubPat: d(
    "GH001",
    "GitHub personal access token",
    "error",
    `Revoke the token in GitHub settings (Developer settings → Personal access tokens), ${REVOKE}.`,
  ),
  githubAppToken: d(
    "GH002",
    "GitHub OAuth or app token",
    "error",
    "Revoke the token (the OAuth app's or GitHub App's installation) and let the app issue a new one.",
  ),
  gitlabPat: d(
    "GL001",
    "GitLab personal, project or group access token",
    "error",
    `Revoke the access token in GitLab (User or project settings → Access tokens), ${REVOKE}.`,
  ),
  gitlabDeployToken: d(
    "GL002",
    "GitLab deploy token",
    "error",
    "Revoke the deploy token in the project's Settings → Repository → Deploy tokens and create a new one.",
  ),
  gitlabRunnerToken: d(
    "GL003",
    "GitLab runner token",
    "error",
    "Reset the runner's authentication or registration token in GitLab and re-register the runner.",
  ),
  gitlabCiToken: d(
    "GL004",
    "GitLab pipeline trigger or CI/CD job token",
    "warning",
    "Revoke the pipeline trigger token in CI/CD settings; a job token expires with its job.",
  ),
  gitlabOauthSecret: d(
    "GL005",
    "GitLab OAuth application secret",
    "error",
    "Renew the application's secret in GitLab (Applications) and update the integration that uses it.",
  ),
  // Chat and webhooks
  slackBotToken: d(
    "SLK001",
    "Slack bot token",
    "error",
    "Revoke the token (app settings → OAuth & Permissions → Revoke tokens) and reinstall the app.",
  ),
  slackWebhook: d(
    "SLK002",
    "Slack incoming webhook URL",
    "warning",
    "Remove the webhook in the Slack app's Incoming Webhooks page and create a new one.",
  ),
  slackOtherToken: d(
    "SLK003",
    "Slack user or app token",
    "error",
    "Revoke the token in the Slack app's settings and issue a new one.",
  ),
  discordBotToken: d(
    "DSC001",
    "Discord bot token",
    "error",
    "Reset the bot token in the Discord developer portal (Bot → Reset Token).",
  ),
  discordWebhook: d(
    "DSC002",
    "Discord webhook URL",
    "warning",
    "Delete the webhook in the channel's Integrations settings and create a new one.",
  ),
  telegramBotToken: d(
    "TG001",
    "Telegram bot token",
    "error",
    "Revoke the token with @BotFather (/revoke) and update the bot.",
  ),
  teamsWebhook: d(
    "TMS001",
    "Microsoft Teams incoming webhook URL",
    "warning",
    "Remove the Incoming Webhook connector from the channel and add a new one.",
  ),
  workflowWebhook: d(
    "TMS002",
    "Power Automate or Logic Apps workflow URL (signed)",
    "warning",
    "Regenerate the trigger's access keys (or recreate the workflow trigger) so the leaked sig stops working.",
  ),
  // Payments and commerce
  stripeLiveKey: d(
    "STR001",
    "Stripe live secret key",
    "error",
    "Roll the key in the Stripe dashboard (Developers → API keys) and review recent API activity.",
  ),
  stripeWebhookSecret: d(
    "STR002",
    "Stripe webhook signing secret",
    "warning",
    "Roll the endpoint's signing secret in the Stripe dashboard (Webhooks) and deploy the new one.",
  ),
  squareToken: d(
    "SQ001",
    "Square access token",
    "error",
    "Revoke the access token in the Square developer dashboard and issue a new one.",
  ),
  squareOauthSecret: d(
    "SQ002",
    "Square OAuth application secret",
    "error",
    "Replace the application secret in the Square developer dashboard (OAuth).",
  ),
  braintreeToken: d(
    "PP001",
    "PayPal Braintree access token",
    "error",
    "Revoke the access token in the Braintree control panel and create a new one.",
  ),
  shopifyToken: d(
    "SHP001",
    "Shopify access token",
    "error",
    "Rotate the app's access token (uninstall and reinstall, or roll it in the Partner dashboard).",
  ),
  shopifySharedSecret: d(
    "SHP002",
    "Shopify shared secret",
    "error",
    "Rotate the app's API secret key in the Shopify Partner dashboard.",
  ),
  // AI
  openaiKey: d(
    "OAI001",
    "OpenAI API key",
    "error",
    "Delete the key in the OpenAI platform (API keys), create a new one and check usage for abuse.",
  ),
  anthropicKey: d(
    "ANT001",
    "Anthropic API key",
    "error",
    "Delete the key in the Anthropic console (API keys) and create a new one.",
  ),
  huggingFaceToken: d(
    "HF001",
    "Hugging Face access token",
    "error",
    "Invalidate the token in Hugging Face settings (Access Tokens) and create a new one.",
  ),
  groqKey: d("GRQ001", "Groq API key", "error", "Delete the key in the Groq console and create a new one."),
  perplexityKey: d(
    "PPX001",
    "Perplexity API key",
    "error",
    "Delete the key in the Perplexity API settings and create a new one.",
  ),
  replicateToken: d(
    "RPL001",
    "Replicate API token",
    "error",
    "Disable the token in Replicate account settings and create a new one.",
  ),
  // Package registries
  npmToken: d(
    "NPM001",
    "npm access token",
    "error",
    "Revoke the token (npm token revoke, or npmjs.com → Access Tokens) and check recently published versions.",
  ),
  pypiToken: d(
    "PYP001",
    "PyPI API token",
    "error",
    "Remove the token in PyPI account settings (API tokens) and check recent releases.",
  ),
  rubygemsKey: d(
    "GEM001",
    "RubyGems API key",
    "error",
    "Delete the key on rubygems.org (Settings → API keys) and check recent pushes.",
  ),
  nugetKey: d(
    "NUG001",
    "NuGet API key",
    "error",
    "Delete or regenerate the key on nuget.org (API Keys) and check recent pushes.",
  ),
  dockerHubToken: d(
    "DKR001",
    "Docker Hub access token",
    "error",
    "Delete the token in Docker Hub (Account settings → Personal access tokens).",
  ),
  // Messaging and mail
  sendgridKey: d(
    "SG001",
    "SendGrid API key",
    "error",
    "Delete the key in SendGrid (Settings → API Keys) and create a new one with the least scopes.",
  ),
  twilioApiKey: d(
    "TWL001",
    "Twilio API key",
    "error",
    "Delete the API key in the Twilio console (API keys & tokens) and create a new one.",
  ),
  twilioAuthToken: d(
    "TWL002",
    "Twilio auth token",
    "error",
    "Rotate the account's auth token in the Twilio console (promote the secondary token).",
  ),
  mailgunKey: d("MG001", "Mailgun API key", "error", "Delete the key in Mailgun (API Security) and create a new one."),
  mailchimpKey: d(
    "MC001",
    "Mailchimp API key",
    "error",
    "Disable the key in Mailchimp (Account → Extras → API keys) and create a new one.",
  ),
  brevoKey: d(
    "BRV001",
    "Brevo (Sendinblue) API key",
    "error",
    "Delete the key in Brevo (SMTP & API → API keys) and create a new one.",
  ),
  // Work tools
  atlassianToken: d(
    "ATL001",
    "Atlassian API token",
    "error",
    "Revoke the token at id.atlassian.com (Security → API tokens) and check the audit log.",
  ),
  linearKey: d("LIN001", "Linear API key", "error", "Revoke the key in Linear (Settings → API) and create a new one."),
  notionToken: d(
    "NOT001",
    "Notion integration token",
    "error",
    "Refresh the integration's secret in Notion (My integrations) and update where it is used.",
  ),
  airtableToken: d(
    "AIR001",
    "Airtable personal access token",
    "error",
    "Delete the token in Airtable's developer hub and create a new one.",
  ),
  onePasswordToken: d(
    "OPS001",
    "1Password service account token",
    "error",
    "Revoke the service account's token in 1Password and create a new one.",
  ),
  postmanKey: d("PMK001", "Postman API key", "error", "Delete the key in Postman (Settings → API keys)."),
  // Infrastructure and operations
  digitalOceanToken: d(
    "DO001",
    "DigitalOcean token",
    "error",
    "Delete the token in the DigitalOcean control panel (API → Tokens) and create a new one.",
  ),
  dopplerToken: d("DPL001", "Doppler token", "error", "Revoke the token in Doppler (Access) and issue a new one."),
  vaultToken: d(
    "VLT001",
    "HashiCorp Vault token",
    "error",
    "Revoke the token (vault token revoke) and review the audit device for its use.",
  ),
  terraformToken: d(
    "TFC001",
    "Terraform Cloud / HCP Terraform API token",
    "error",
    "Delete the token in HCP Terraform (User or team settings → Tokens).",
  ),
  datadogKey: d(
    "DD001",
    "Datadog API or application key",
    "error",
    "Revoke the key in Datadog (Organization settings → API/Application keys).",
  ),
  newRelicKey: d("NR001", "New Relic key", "error", "Delete or rotate the key in New Relic (API keys)."),
  sentryToken: d(
    "SEN001",
    "Sentry auth token",
    "error",
    "Revoke the token in Sentry (User or organization settings → Auth tokens).",
  ),
  supabaseKey: d(
    "SUP001",
    "Supabase access token or secret key",
    "error",
    "Revoke the token or roll the project's secret key in the Supabase dashboard.",
  ),
  herokuKey: d(
    "HRK001",
    "Heroku API key",
    "error",
    "Regenerate the API key (Account settings) or revoke the authorization (heroku authorizations:revoke).",
  ),
  grafanaToken: d(
    "GRF001",
    "Grafana token",
    "error",
    "Delete the service account token or Cloud access policy token in Grafana and create a new one.",
  ),
  pulumiToken: d(
    "PUL001",
    "Pulumi access token",
    "error",
    "Delete the token in Pulumi Cloud (Personal access tokens).",
  ),
  databricksToken: d(
    "DBX001",
    "Databricks personal access token",
    "error",
    "Revoke the token in the Databricks workspace (User settings → Access tokens).",
  ),
  tailscaleKey: d(
    "TSC001",
    "Tailscale key",
    "error",
    "Revoke the key in the Tailscale admin console (Settings → Keys).",
  ),
  cloudflareKey: d(
    "CF001",
    "Cloudflare API token or key",
    "error",
    "Roll or delete the token in the Cloudflare dashboard (My Profile → API Tokens).",
  ),
  planetscaleToken: d(
    "PSC001",
    "PlanetScale password or token",
    "error",
    "Delete the password or service token in PlanetScale and create a new one.",
  ),
  // Key material and tokens
  privateKey: d(
    "SENF001",
    "Private key file (RSA/DSA/EC)",
    "error",
    "Treat the key as compromised: revoke its certificate or remove its public key where trusted, and make a new pair.",
  ),
  ageKey: d("AGE001", "age secret key", "error", "Re-encrypt the files for a new age identity and delete this one."),
  jwt: d(
    "JWT001",
    "Hard-coded JSON Web Token",
    "warning",
    "Revoke the session or token if it is long-lived, and rotate the signing key if the token reveals it.",
  ),
  // Connection strings
  dbConnection: d(
    "DB001",
    "Database connection string with password",
    "error",
    "Change the database user's password, restrict where it may connect from, and read it from a secret store.",
  ),
  urlCredentials: d(
    "URL001",
    "Password in URL (basic auth)",
    "warning",
    "Change the password and pass credentials outside the URL (a header or a secret store).",
  ),
  // Framework secrets
  railsSecretToken: d(
    "SENF026",
    "Ruby On Rails secret token configuration file",
    "error",
    "Generate a new secret_key_base (bin/rails secret), keep it in credentials or the environment; sessions will reset.",
  ),
  djangoSecretKey: d(
    "DJG001",
    "Django SECRET_KEY",
    "error",
    "Generate a new SECRET_KEY, read it from the environment; sessions and signed data will reset.",
  ),
  // Generic
  genericSecret: d(
    "GEN001",
    "Hard-coded password or secret",
    "warning",
    "Change the password or secret and read it from a secret store or the environment.",
  ),
} satisfies Record<string, Detector>;

export type DetectorKey = keyof typeof DETECTORS;

export const ALL_DETECTORS: Detector[] = Object.values(DETECTORS);

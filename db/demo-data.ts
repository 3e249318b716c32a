/** Demo catalogue: realistic detectors and assets for the first embedded start. */
export const DEMO_DETECTORS = [
  { id: "SENF026", name: "Ruby On Rails secret token configuration file", severity: "error" },
  { id: "CLD001", name: "Visible AWS Key", severity: "error" },
  { id: "CLD002", name: "Visible AWS Secret Access Key", severity: "error" },
  { id: "CLD010", name: "Visible Google Cloud API Key", severity: "error" },
  { id: "CLD021", name: "Azure Storage Account Key", severity: "error" },
  { id: "SENF001", name: "Private key file (RSA/DSA/EC)", severity: "error" },
  { id: "SENF012", name: "Environment file with credentials (.env)", severity: "warning" },
  { id: "SENF045", name: "Docker registry auth config (config.json)", severity: "warning" },
  { id: "DB001", name: "Database connection string with password", severity: "error" },
  { id: "SLK001", name: "Slack bot token", severity: "error" },
  { id: "SLK002", name: "Slack incoming webhook URL", severity: "warning" },
  { id: "GH001", name: "GitHub personal access token", severity: "error" },
  { id: "STR001", name: "Stripe live secret key", severity: "error" },
  { id: "JWT001", name: "Hard-coded JSON Web Token", severity: "warning" },
  { id: "PII003", name: "Email address in log output", severity: "info" },
  { id: "PII007", name: "Credit card number in log output", severity: "warning" },
  { id: "HST004", name: "SSH password authentication enabled", severity: "warning" },
  { id: "HST009", name: "World-readable credentials file", severity: "info" },
  { id: "IAC014", name: "S3 bucket allows public read", severity: "warning" },
  { id: "IAC022", name: "Security group open to 0.0.0.0/0 on port 22", severity: "info" },
] as const;

export const DEMO_TEAMS = ["Platform", "Payments", "Mobile"] as const;

type Kind = "code" | "log" | "host" | "productivity" | "asset";
export const DEMO_ASSETS: {
  id: string;
  name: string;
  kind: Kind;
  url: string | null;
  team: (typeof DEMO_TEAMS)[number] | null;
}[] = [
  {
    id: "github.com/maggie/jelly-sandwich",
    name: "jelly-sandwich",
    kind: "code",
    url: "https://github.com/maggie/jelly-sandwich",
    team: "Platform",
  },
  {
    id: "github.com/acme/payments-api",
    name: "payments-api",
    kind: "code",
    url: "https://github.com/acme/payments-api",
    team: "Payments",
  },
  {
    id: "github.com/acme/checkout-web",
    name: "checkout-web",
    kind: "code",
    url: "https://github.com/acme/checkout-web",
    team: "Payments",
  },
  {
    id: "github.com/acme/ios-app",
    name: "ios-app",
    kind: "code",
    url: "https://github.com/acme/ios-app",
    team: "Mobile",
  },
  {
    id: "github.com/acme/infra-terraform",
    name: "infra-terraform",
    kind: "code",
    url: "https://github.com/acme/infra-terraform",
    team: "Platform",
  },
  {
    id: "gitlab.com/acme/data-pipeline",
    name: "data-pipeline",
    kind: "code",
    url: "https://gitlab.com/acme/data-pipeline",
    team: null,
  },
  { id: "logs/prod/api-gateway", name: "api-gateway logs", kind: "log", url: null, team: "Platform" },
  { id: "logs/prod/billing-worker", name: "billing-worker logs", kind: "log", url: null, team: "Payments" },
  { id: "logs/staging/android", name: "android staging logs", kind: "log", url: null, team: "Mobile" },
  { id: "host/bastion-eu-1", name: "bastion-eu-1", kind: "host", url: null, team: "Platform" },
  { id: "host/build-runner-07", name: "build-runner-07", kind: "host", url: null, team: null },
  {
    id: "jira:acme.atlassian.net/SEC",
    name: "Jira SEC",
    kind: "productivity",
    url: "https://acme.atlassian.net/browse/SEC",
    team: "Platform",
  },
  {
    id: "confluence:acme.atlassian.net/ENG",
    name: "Confluence ENG",
    kind: "productivity",
    url: "https://acme.atlassian.net/wiki/spaces/ENG",
    team: null,
  },
  { id: "aws:123456789012/s3", name: "AWS S3 (prod account)", kind: "asset", url: null, team: "Platform" },
  { id: "aws:123456789012/ec2", name: "AWS EC2 (prod account)", kind: "asset", url: null, team: "Payments" },
];

export const DEMO_PATHS: Record<Kind, string[]> = {
  code: [
    "config/initializers/secret_token.rb",
    "db/secret2",
    ".env",
    "src/config/aws.ts",
    "deploy/k8s/secrets.yaml",
    "scripts/release.sh",
    "app/services/stripe_client.rb",
    "terraform/main.tf",
    "docker/config.json",
    "src/lib/slack.ts",
  ],
  log: ["2026-11-27/api.log", "2026-11-28/api.log", "2026-11-28/worker.log", "2026-11-26/app.log"],
  host: ["/etc/ssh/sshd_config", "/home/deploy/.aws/credentials", "/opt/app/.env", "/root/.docker/config.json"],
  productivity: ["SEC-112", "SEC-140", "SEC-151", "ENG/Runbooks/Database failover", "ENG/Onboarding/Local setup"],
  asset: ["bucket/acme-exports", "bucket/acme-public-assets", "sg-0a1b2c3d", "i-0f9e8d7c6b"],
};

// Planted secrets and look-alikes for the scanning suites, the detector tests and bench:scan.
// Every value is generated from a seeded PRNG so runs are repeatable; none is a real credential.

export type Planted = { detectorId: string; secret: string; text: string };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";
const B64 = ALNUM + "+/";

export class SecretMaker {
  private next: () => number;
  constructor(seed = 7) {
    this.next = rng(seed);
  }
  chars(alphabet: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
  private b64url(json: unknown): string {
    return Buffer.from(JSON.stringify(json)).toString("base64url");
  }

  /** One planted secret of each kind we support, in a sentence people would write in a ticket. */
  kinds(): Record<string, () => Planted> {
    const p = (detectorId: string, secret: string, text: string): Planted => ({ detectorId, secret, text });
    return {
      awsKey: () => { const s = "AKIA" + this.chars(UPPER, 16); return p("CLD001", s, `The deploy user's key is ${s}, rotate after the release.`); },
      awsSecret: () => { const s = this.chars(B64, 40); return p("CLD002", s, `aws_secret_access_key = ${s}`); },
      privateKey: () => { const s = `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${this.chars(B64, 64)}\n${this.chars(B64, 64)}\n${this.chars(B64, 40)}\n-----END RSA PRIVATE KEY-----`; return p("SENF001", s, `Here is the key for the bastion:\n${s}\nthanks`); },
      rails: () => { const s = this.chars(HEX, 128); return p("SENF026", s, `config/initializers/secret_token.rb has config.secret_token = '${s}'`); },
      postgres: () => { const s = `postgres://app:Pw${this.chars(ALNUM, 14)}@db${this.chars(HEX, 4)}.internal:5432/orders`; return p("DB001", s, `Connect with ${s} from the jump host.`); },
      redis: () => { const s = `redis://default:${this.chars(ALNUM, 20)}@cache-${this.chars(HEX, 4)}.internal`; return p("DB001", s, `Cache URL: ${s}`); },
      slackBot: () => { const s = `xoxb-${this.chars("0123456789", 11)}-${this.chars("0123456789", 13)}-${this.chars(ALNUM, 24)}`; return p("SLK001", s, `bot token ${s} for the alerts app`); },
      slackWebhook: () => { const s = `https://hooks.slack.com/services/T${this.chars(UPPER, 8)}/B${this.chars(UPPER, 10)}/${this.chars(ALNUM, 24)}`; return p("SLK002", s, `Post alerts to ${s}`); },
      github: () => { const s = "ghp_" + this.chars(ALNUM, 36); return p("GH001", s, `CI uses ${s} to push tags`); },
      stripe: () => { const s = "sk_live_" + this.chars(ALNUM, 32); return p("STR001", s, `Billing key (prod): ${s}`); },
      jwt: () => { const s = `${this.b64url({ alg: "HS256", typ: "JWT" })}.${this.b64url({ sub: this.chars(HEX, 8), role: "admin" })}.${this.chars(ALNUM, 43)}`; return p("JWT001", s, `Authorization: Bearer ${s}`); },
      npm: () => { const s = "npm_" + this.chars(ALNUM, 36); return p("NPM001", s, `publish with NPM_TOKEN=${s}`); },
      sendgrid: () => { const s = `SG.${this.chars(ALNUM, 22)}.${this.chars(ALNUM, 43)}`; return p("SG001", s, `Mail API key ${s}`); },
      shopify: () => { const s = "shpat_" + this.chars(HEX, 32); return p("SHP001", s, `Shopify admin token ${s}`); },
      linear: () => { const s = "lin_api_" + this.chars(ALNUM, 40); return p("LIN001", s, `Linear key: ${s}`); },
      anthropic: () => { const s = `sk-ant-api03-${this.chars(ALNUM, 93)}AA`; return p("ANT001", s, `Claude key ${s}`); },
      googleApi: () => { const s = "AIza" + this.chars(ALNUM, 35); return p("CLD010", s, `Maps key ${s} (restricted?)`); },
      azure: () => { const s = this.chars(B64, 86) + "=="; return p("CLD021", s, `DefaultEndpointsProtocol=https;AccountName=acme${this.chars(HEX, 4)};AccountKey=${s};EndpointSuffix=core.windows.net`); },
      urlCredentials: () => { const s = `https://deploy:${this.chars(ALNUM, 16)}@artifacts.acme-corp.com`; return p("URL001", s, `Pull from ${s}/releases`); },
    };
  }

  /** Text that looks like a secret to a careless rule but is not one. */
  lookAlikes(): string[] {
    return [
      "Use AKIAIOSFODNN7EXAMPLE as in the AWS docs.",
      `Stripe test mode: sk_test_${this.chars(ALNUM, 32)}`,
      "DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/orders",
      "set SLACK_TOKEN=xoxb-your-token-here in .env",
      `commit ${this.chars(HEX, 40)} fixed it`,
      `request id ${this.chars(HEX, 8)}-${this.chars(HEX, 4)}-${this.chars(HEX, 4)}-${this.chars(HEX, 4)}-${this.chars(HEX, 12)}`,
      'secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>',
      "unsigned token eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.",
      "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "redis://localhost:6379/0",
      "AccountKey=<your storage key>",
      `ghp_${this.chars(ALNUM, 10)} is too short to be a token`,
      "https://hooks.slack.com/services/your/webhook/url",
      `version sha256:${this.chars(HEX, 64)}`,
    ];
  }
}

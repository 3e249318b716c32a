// @ts-nocheck
import { ALNUM, type Gen, type KindCorpus, LETTERS, one, threeWays } from "./gen";
import { ageKey, jwt, pem } from "./formats";

const password = (g: Gen) => `${g.chars(LETTERS, 2)}${g.alnum(14)}`;
const pemKinds = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"];
const djangoKey = (g: Gen) => g.chars("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)", 50);

export const KEYS_AND_STRINGS: KindCorpus[] = [
  {
    id: "SENF001",
    trues: pemKinds.map((kind) => (g: Gen) => { const [text, body] = pem(g, kind); return one("SENF001", body, `Here is the key for the bastion:\n${text}\nthanks`); }),
    lookAlikes: [
      () => "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      (g) => `-----BEGIN RSA PRIVATE KEY-----\n${g.alnum(64)}\n${g.alnum(64)}\n-----END RSA PRIVATE KEY-----`,
      (g) => `-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${g.alnum(64)}\n-----END PUBLIC KEY-----`,
      () => "openssl genrsa prints -----BEGIN PRIVATE KEY----- followed by the key",
    ],
  },
  {
    id: "AGE001",
    trues: threeWays("AGE001", "age identity", "SOPS_AGE_KEY", (g) => ageKey(g)),
    lookAlikes: [(g) => { const k = ageKey(g); return `SOPS_AGE_KEY=${k.slice(0, -1)}${k.endsWith("Q") ? "P" : "Q"}`; }, () => "SOPS_AGE_KEY=AGE-SECRET-KEY-1...", () => "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p is a public recipient"],
  },
  {
    id: "JWT001",
    trues: [
      (g) => { const s = jwt(g); return one("JWT001", s, `Authorization: Bearer ${s}`); },
      (g) => { const s = jwt(g, "RS256"); return one("JWT001", s, `SERVICE_JWT=${s}`); },
      (g) => { const s = jwt(g, "HS512"); return one("JWT001", s, `{"session": "${s}"}`); },
    ],
    lookAlikes: [
      () => "unsigned token eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.",
      () => "from jwt.io: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      (g) => `eyJ${g.alnum(30)}.eyJ${g.alnum(40)}.${g.alnum(43)} is not JSON`,
    ],
  },
  {
    id: "DB001",
    trues: [
      (g) => { const s = password(g); return one("DB001", s, `Connect with postgres://app:${s}@db${g.hex(4)}.internal:5432/orders from the jump host.`); },
      (g) => { const s = password(g); return one("DB001", s, `REDIS_URL=redis://default:${s}@cache-${g.hex(4)}.internal:6379`); },
      (g) => { const s = password(g); return one("DB001", s, `uri: "mongodb+srv://reporting:${s}@cluster0.${g.hex(5)}.mongodb.net/analytics"`); },
      (g) => { const s = password(g); return one("DB001", s, `mysql://root:${s}@10.0.3.4:3306/shop`); },
      (g) => { const s = password(g); return one("DB001", s, `AMQP_URL=amqps://worker:${s}@mq.internal/prod`); },
    ],
    lookAlikes: [
      () => "DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/orders",
      () => "redis://localhost:6379/0",
      () => "mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/",
      () => "postgres://postgres:postgres@localhost:5432/dev",
    ],
  },
  {
    id: "URL001",
    trues: [
      (g) => { const s = password(g); return one("URL001", s, `Pull from https://deploy:${s}@artifacts.acme-corp.com/releases`); },
      (g) => { const s = password(g); return one("URL001", s, `git clone https://ci-bot:${s}@git.acme-corp.com/platform/api.git`); },
      (g) => { const s = password(g); return one("URL001", s, `PIP_INDEX_URL=https://pypi-user:${s}@packages.acme-corp.com/simple`); },
    ],
    lookAlikes: [() => "https://user:password@example.com", () => "https://user:<password>@proxy.acme-corp.com", () => "ssh://git@github.com:acme/api.git"],
  },
  {
    id: "SENF026",
    trues: [
      (g) => { const s = g.hex(128); return one("SENF026", s, `config/initializers/secret_token.rb has config.secret_token = '${s}'`); },
      (g) => { const s = g.hex(128); return one("SENF026", s, `production:\n  secret_key_base: ${s}`); },
      (g) => { const s = g.hex(64); return one("SENF026", s, `SECRET_KEY_BASE=${s}`); },
    ],
    lookAlikes: [() => 'secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', () => "secret_key_base: <%= Rails.application.credentials.secret_key_base %>", () => `secret_token = '${"0".repeat(64)}'`],
  },
  {
    id: "DJG001",
    trues: [
      (g) => { const s = djangoKey(g); return one("DJG001", s, `SECRET_KEY = '${s}'`); },
      (g) => { const s = `django-insecure-${djangoKey(g)}`; return one("DJG001", s, `# settings.py\nSECRET_KEY = "${s}"`); },
      (g) => { const s = djangoKey(g); return one("DJG001", s, `DEBUG = False\nSECRET_KEY = "${s}"\nALLOWED_HOSTS = ["*"]`); },
    ],
    lookAlikes: [() => "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']", () => "SECRET_KEY = 'change-me'", () => "SECRET_KEY = get_random_secret_key()"],
  },
  {
    id: "GEN001",
    trues: [
      (g) => { const s = g.password(); return one("GEN001", s, `DB_PASSWORD=${s}`); },
      (g) => { const s = g.alnum(32); return one("GEN001", s, `smtp:\n  host: mail.acme-corp.com\n  client_secret: "${s}"`); },
      (g) => { const s = g.chars(`${ALNUM}+/`, 40); return one("GEN001", s, `{"internalApiToken": "${s}"}`); },
    ],
    lookAlikes: [() => "password: ${DB_PASSWORD}", () => "api_key = process.env.API_KEY", () => "PASSWORD_MIN_LENGTH=12", () => "token: <paste your token>", () => "password: changeme123"],
  },
];

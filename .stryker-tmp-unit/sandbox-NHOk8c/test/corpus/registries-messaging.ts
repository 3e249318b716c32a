// @ts-nocheck
import { ALNUM, badCrcToken, crcToken, type Gen, type KindCorpus, one, threeWays } from "./gen";
import { pypiToken } from "./formats";

const dash = `${ALNUM}_-`;
const lowerNum = "abcdefghijklmnopqrstuvwxyz0123456789";
const twilioAuth = (g: Gen) => g.alnum(32);

export const REGISTRIES_AND_MESSAGING: KindCorpus[] = [
  {
    id: "NPM001",
    trues: [
      ...threeWays("NPM001", "npm token", "NPM_TOKEN", (g) => crcToken(g, "npm_")).slice(0, 2),
      (g) => { const s = g.uuid(); return one("NPM001", s, `//registry.npmjs.org/:_authToken=${s}`); },
    ],
    lookAlikes: [(g) => `publish with NPM_TOKEN=${badCrcToken(g, "npm_")}`, () => "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", (g) => `npm_${g.alnum(12)} is a folder`],
  },
  {
    id: "PYP001",
    trues: threeWays("PYP001", "PyPI token", "TWINE_PASSWORD", (g) => pypiToken(g)),
    lookAlikes: [(g) => `TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc${g.chars(dash, 80)}`, () => "password = pypi-AgEIcHlwaS5vcmc...", () => "TWINE_PASSWORD=pypi-<token>"],
  },
  {
    id: "GEM001",
    trues: threeWays("GEM001", "RubyGems key", "GEM_HOST_API_KEY", (g) => `rubygems_${g.hex(48)}`),
    lookAlikes: [() => "GEM_HOST_API_KEY=rubygems_<key>", () => `:rubygems_api_key: rubygems_${"0".repeat(48)}`, (g) => `rubygems_${g.hex(16)}`],
  },
  {
    id: "NUG001",
    trues: threeWays("NUG001", "NuGet key", "NUGET_API_KEY", (g) => `oy2${g.chars(lowerNum, 43)}`),
    lookAlikes: [() => "NUGET_API_KEY=oy2<key>", () => `oy2${"a".repeat(43)}`, (g) => `coy2${g.chars(lowerNum, 43)}`],
  },
  {
    id: "DKR001",
    trues: threeWays("DKR001", "Docker Hub token", "DOCKERHUB_TOKEN", (g) => `dckr_pat_${g.chars(dash, 27)}`),
    lookAlikes: [() => "DOCKERHUB_TOKEN=dckr_pat_<token>", () => "dckr_pat_XXXXXXXXXXXXXXXXXXXXXXXXXXX", (g) => `dckr_pat_${g.alnum(8)}`],
  },
  {
    id: "SG001",
    trues: threeWays("SG001", "SendGrid key", "SENDGRID_API_KEY", (g) => `SG.${g.chars(dash, 22)}.${g.chars(dash, 43)}`),
    lookAlikes: [() => "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "SG.<key>", (g) => `SG.${g.alnum(10)}.${g.alnum(10)}`],
  },
  {
    id: "TWL001",
    trues: threeWays("TWL001", "Twilio API key", "TWILIO_API_KEY", (g) => `SK${g.hex(32)}`),
    lookAlikes: [() => "TWILIO_API_KEY=SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", () => "TWILIO_API_KEY=SK<sid>", (g) => `TASK${g.hex(32)}`],
  },
  {
    id: "TWL002",
    trues: [
      (g) => { const s = twilioAuth(g); return one("TWL002", s, `TWILIO_AUTH_TOKEN=${s}`); },
      (g) => { const s = twilioAuth(g); return one("TWL002", s, `twilio:\n  account_sid: AC${g.hex(32)}\n  auth_token: "${s}"`); },
      (g) => { const s = twilioAuth(g); return one("TWL002", s, `Twilio client: Client("AC${g.hex(32)}", token="${s}")`); },
    ],
    lookAlikes: [() => "TWILIO_AUTH_TOKEN=your_auth_token", () => "twilio account_sid: ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", (g) => `Twilio SID AC${g.hex(32)} (ids are not secrets)`],
  },
  {
    id: "MG001",
    trues: [
      ...threeWays("MG001", "Mailgun key", "MAILGUN_API_KEY", (g) => `key-${g.hex(32)}`).slice(0, 2),
      (g) => { const s = `${g.hex(32)}-${g.hex(8)}-${g.hex(8)}`; return one("MG001", s, `mailgun:\n  api_key: ${s}`); },
    ],
    lookAlikes: [() => "MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "mailgun api key: <key>", (g) => `cache miss for key-${g.hex(32)} in redis`],
  },
  {
    id: "MC001",
    trues: threeWays("MC001", "Mailchimp key", "MAILCHIMP_API_KEY", (g) => `${g.hex(32)}-us${g.int(20) + 1}`),
    lookAlikes: [() => "MAILCHIMP_API_KEY=<key>-us21", () => `MAILCHIMP_API_KEY=${"0".repeat(32)}-us6`, () => "our servers are in aws-us-east-1"],
  },
  {
    id: "BRV001",
    trues: threeWays("BRV001", "Brevo key", "BREVO_API_KEY", (g) => `${g.pick(["xkeysib-", "xsmtpsib-"])}${g.hex(64)}-${g.alnum(16)}`),
    lookAlikes: [() => "BREVO_API_KEY=xkeysib-<key>", () => `xkeysib-${"x".repeat(64)}-${"x".repeat(16)}`, (g) => `xkeysib-${g.hex(20)}`],
  },
];

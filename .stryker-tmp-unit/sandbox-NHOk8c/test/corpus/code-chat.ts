// @ts-nocheck
import { ALNUM, B64URL, badCrcToken, crcToken, type Gen, type KindCorpus, one, threeWays, UPPER_NUM } from "./gen";
import { discordToken } from "./formats";

const dash = `${ALNUM}_-`;
const slackSecret = (g: Gen) => `T${g.chars(UPPER_NUM, 10)}/B${g.chars(UPPER_NUM, 10)}/${g.alnum(24)}`;
const uuid = (g: Gen) => g.uuid();

export const CODE_AND_CHAT: KindCorpus[] = [
  {
    id: "GH001",
    trues: [
      ...threeWays("GH001", "CI token", "GITHUB_TOKEN", (g) => crcToken(g, "ghp_")).slice(0, 2),
      (g) => { const s = `github_pat_${g.alnum(22)}_${g.alnum(59)}`; return one("GH001", s, `gh auth login --with-token <<< ${s}`); },
    ],
    lookAlikes: [(g) => `CI uses ${badCrcToken(g, "ghp_")} to push tags`, () => "GITHUB_TOKEN=ghp_your_token_here", (g) => `ghp_${g.alnum(10)} is too short to be a token`],
  },
  {
    id: "GH002",
    trues: [
      (g) => { const s = crcToken(g, "gho_"); return one("GH002", s, `oauth token for the bot: ${s}`); },
      (g) => { const s = crcToken(g, "ghs_"); return one("GH002", s, `GH_INSTALLATION_TOKEN=${s}`); },
      (g) => { const s = crcToken(g, g.pick(["ghu_", "ghr_"])); return one("GH002", s, `{"access_token": "${s}", "token_type": "bearer"}`); },
    ],
    lookAlikes: [(g) => `installation token ${badCrcToken(g, "ghs_")}`, (g) => `refresh ${badCrcToken(g, "ghr_")} expired`, () => "ghu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"],
  },
  {
    id: "GL001",
    trues: [
      ...threeWays("GL001", "GitLab token", "GITLAB_TOKEN", (g) => `glpat-${g.chars(dash, 20)}`).slice(0, 2),
      (g) => { const s = `glpat-${g.chars(dash, 32)}.01${g.chars("abcdefghijklmnopqrstuvwxyz0123456789", 7)}`; return one("GL001", s, `PRIVATE-TOKEN: ${s}`); },
    ],
    lookAlikes: [() => "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx", () => "token = glpat-<your token>", (g) => `glpat-${g.alnum(8)} (cut)`],
  },
  {
    id: "GL002",
    trues: threeWays("GL002", "deploy token", "CI_DEPLOY_PASSWORD", (g) => `gldt-${g.chars(dash, 20)}`),
    lookAlikes: [() => "gldt-XXXXXXXXXXXXXXXXXXXX", () => "deploy token: gldt-your-deploy-token", (g) => `gldt-${g.alnum(6)}`],
  },
  {
    id: "GL003",
    trues: [
      (g) => { const s = `glrt-${g.chars(dash, 20)}`; return one("GL003", s, `gitlab-runner register --token ${s}`); },
      (g) => { const s = `glrt-t1_${g.chars(dash, 27)}.0w${g.chars("abcdefghijklmnopqrstuvwxyz0123456789", 7)}`; return one("GL003", s, `runner token: ${s}`); },
      (g) => { const s = `GR1348941${g.chars(dash, 20)}`; return one("GL003", s, `--registration-token "${s}"`); },
    ],
    lookAlikes: [() => "--registration-token \"GR1348941xxxxxxxxxxxxxxxxxxxx\"", () => "glrt-<runner-token>", (g) => `GR1348941${g.alnum(5)} truncated`],
  },
  {
    id: "GL004",
    trues: [
      (g) => { const s = `glptt-${g.hex(40)}`; return one("GL004", s, `curl -X POST -F token=${s} -F ref=main https://gitlab.example.com/api/v4/projects/9/trigger/pipeline`); },
      (g) => { const s = `glcbt-${g.alnum(2)}_${g.chars(dash, 20)}`; return one("GL004", s, `job token ${s} leaked in the log`); },
      (g) => { const s = `glptt-${g.hex(40)}`; return one("GL004", s, `TRIGGER=${s}`); },
    ],
    lookAlikes: [() => "token=glptt-0000000000000000000000000000000000000000", () => "glptt-${TRIGGER_TOKEN}", (g) => `glptt-${g.hex(12)}`],
  },
  {
    id: "GL005",
    trues: threeWays("GL005", "OAuth app secret", "GITLAB_OAUTH_SECRET", (g) => `gloas-${g.chars(dash, 64)}`),
    lookAlikes: [() => "gloas-<application secret>", () => `gloas-${"x".repeat(64)}`, (g) => `gloas-${g.alnum(20)}`],
  },
  {
    id: "SLK001",
    trues: threeWays("SLK001", "bot token", "SLACK_BOT_TOKEN", (g) => `xoxb-${g.digits(11)}-${g.digits(13)}-${g.alnum(24)}`),
    lookAlikes: [() => "set SLACK_TOKEN=xoxb-your-token-here in .env", () => "xoxb-your-bot-token", () => "SLACK_BOT_TOKEN=xoxb-0000000000-0000000000000-XXXXXXXXXXXXXXXXXXXXXXXX"],
  },
  {
    id: "SLK002",
    trues: [
      ...threeWays("SLK002", "alerts webhook", "SLACK_WEBHOOK_URL", (g) => { const s = slackSecret(g); return [`https://hooks.slack.com/services/${s}`, s]; }).slice(0, 2),
      (g) => { const s = `T${g.chars(UPPER_NUM, 9)}/A${g.chars(UPPER_NUM, 10)}/${g.digits(18)}/${g.alnum(32)}`; return one("SLK002", s, `workflow: https://hooks.slack.com/triggers/${s}`); },
    ],
    lookAlikes: [() => "https://hooks.slack.com/services/your/webhook/url", () => "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", () => "see https://api.slack.com/messaging/webhooks"],
  },
  {
    id: "SLK003",
    trues: [
      (g) => { const s = `xoxp-${g.digits(12)}-${g.digits(12)}-${g.digits(13)}-${g.hex(32)}`; return one("SLK003", s, `user token ${s}`); },
      (g) => { const s = `xapp-1-A${g.chars(UPPER_NUM, 10)}-${g.digits(13)}-${g.hex(64)}`; return one("SLK003", s, `SLACK_APP_TOKEN=${s}`); },
      (g) => { const s = `xoxe.xoxp-1-${g.alnum(150)}`; return one("SLK003", s, `config token: ${s}`); },
    ],
    lookAlikes: [() => "xoxp-your-user-token", () => "SLACK_APP_TOKEN=xapp-1-XXXX", () => "the xoxe- prefix marks refresh tokens"],
  },
  {
    id: "DSC001",
    trues: [
      (g) => { const s = discordToken(g); return one("DSC001", s, `Discord bot token: ${s}`); },
      (g) => { const s = discordToken(g); return one("DSC001", s, `DISCORD_BOT_TOKEN=${s}`); },
      (g) => { const s = discordToken(g); return one("DSC001", s, `discord:\n  bot:\n    token: "${s}"`); },
    ],
    lookAlikes: [
      (g) => `Discord rejected M${g.chars(B64URL, 23)}.${g.chars(B64URL, 6)}.${g.chars(B64URL, 27)} as malformed`,
      () => "DISCORD_BOT_TOKEN=<your bot token>",
      (g) => `discord release ${g.alnum(20)}.${g.alnum(6)}`,
    ],
  },
  {
    id: "DSC002",
    trues: threeWays("DSC002", "Discord webhook", "DISCORD_WEBHOOK", (g) => { const s = g.chars(B64URL, 68); return [`https://discord.com/api/webhooks/${g.digits(18)}/${s}`, s]; }),
    lookAlikes: [() => "https://discord.com/api/webhooks/{id}/{token}", () => "https://discord.com/api/webhooks/123456789012345678/your-webhook-token", () => "https://discord.com/developers/docs/resources/webhook"],
  },
  {
    id: "TG001",
    trues: threeWays("TG001", "Telegram bot token", "TELEGRAM_BOT_TOKEN", (g) => `${g.digits(10)}:AA${g.chars(B64URL, 33)}`),
    lookAlikes: [() => "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "bot<token>:AA", (g) => `meeting at ${g.digits(2)}:AA room`],
  },
  {
    id: "TMS001",
    trues: threeWays("TMS001", "Teams webhook", "TEAMS_WEBHOOK_URL", (g) => {
      const s = `${uuid(g)}@${uuid(g)}/IncomingWebhook/${g.hex(32)}/${uuid(g)}`;
      return [`https://acme.webhook.office.com/webhookb2/${s}`, s];
    }),
    lookAlikes: [() => "https://acme.webhook.office.com/webhookb2/<id>@<tenant>/IncomingWebhook/<hash>/<guid>", () => "https://outlook.office.com/webhook/...", () => "Teams webhooks live at *.webhook.office.com/webhookb2/"],
  },
  {
    id: "TMS002",
    trues: threeWays("TMS002", "Teams workflow URL", "TEAMS_WORKFLOW_URL", (g) => {
      const s = g.chars(B64URL, 43);
      return [`https://prod-${g.int(90) + 10}.westeurope.logic.azure.com:443/workflows/${g.hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${s}`, s];
    }),
    lookAlikes: [
      () => "https://prod-00.westeurope.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?api-version=2016-06-01&sig=<sig>",
      (g) => `https://prod-12.westeurope.logic.azure.com:443/workflows/${g.hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01`,
      () => "Power Automate (make.powerautomate.com) has the workflow",
    ],
  },
];

import { nearVendor, token, type Rule } from "../rule";
import { jsonAfter } from "../verify";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const INFRASTRUCTURE_RULES: Rule[] = [
  token("digitalOceanToken", ["dop_v1_", "doo_v1_", "dor_v1_"], "[a-f0-9]{64}", { entropy: 3 }),
  token("dopplerToken", ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."], "[A-Za-z0-9]{40,44}", {
    entropy: 3.5,
  }),
  token("vaultToken", ["hvs.", "hvb.", "hvr."], "[A-Za-z0-9_-]{24,300}", { entropy: 3.5 }),
  nearVendor("vaultToken", ["vault"], "s\\.[A-Za-z0-9]{24}", { entropy: 3.5 }),
  {
    detector: "terraformToken",
    keywords: [".atlasv1."],
    window: { before: 15, after: 80 },
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
    checked: true,
  },
  nearVendor(
    "datadogKey",
    ["datadog", "dd_api_key", "dd_app_key", "dd_application_key", "dd-api-key", "dd-application-key"],
    "[a-f0-9]{40}|[a-f0-9]{32}",
  ),
  token("newRelicKey", ["NRAK-"], "[A-Z0-9]{27}", { entropy: 3 }),
  token("newRelicKey", ["NRII-"], "[A-Za-z0-9_-]{32}", { entropy: 3 }),
  {
    detector: "newRelicKey",
    keywords: ["nral"],
    window: { before: 36, after: 6 },
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{36}NRAL(?![A-Za-z0-9])/,
    entropy: 3,
  },
  nearVendor("newRelicKey", ["newrelic", "new_relic", "new-relic"], "[a-f0-9]{40}"),
  token("sentryToken", ["sntrys_"], "eyJ[A-Za-z0-9+/]{20,800}={0,2}_[A-Za-z0-9+/]{43}", {
    checked: true,
    verify: jsonAfter("sntrys_", "_"),
  }),
  token("sentryToken", ["sntryu_"], "[a-f0-9]{64}", { entropy: 3 }),
  nearVendor("sentryToken", ["sentry"], "[a-f0-9]{64}"),
  token("supabaseKey", ["sbp_"], "[a-f0-9]{40}", { entropy: 3 }),
  token("supabaseKey", ["sb_secret_"], "[A-Za-z0-9_-]{31,64}", { entropy: 3.5 }),
  token("herokuKey", ["HRKU-"], "AA[A-Za-z0-9_-]{58}", { entropy: 3.5 }),
  nearVendor("herokuKey", ["heroku"], UUID),
  token("grafanaToken", ["glsa_"], "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", { entropy: 3.5 }),
  token("grafanaToken", ["glc_"], "eyJ[A-Za-z0-9+/]{30,600}={0,2}", { checked: true, verify: jsonAfter("glc_") }),
  token("pulumiToken", ["pul-"], "[a-f0-9]{40}", { entropy: 3 }),
  token("databricksToken", ["dapi"], "[a-f0-9]{32}(?:-[0-9])?", { entropy: 3 }),
  token("tailscaleKey", ["tskey-"], "(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}", {
    entropy: 3.5,
  }),
  // Origin CA keys have a prefix; API tokens (40) and the global key (37 hex) only their context.
  token("cloudflareKey", ["v1.0-"], "[a-f0-9]{24}-[a-f0-9]{146}", { entropy: 3 }),
  nearVendor("cloudflareKey", ["cloudflare", "cf_api_token", "cf_api_key"], "[A-Za-z0-9_-]{40}|[a-f0-9]{37}"),
  token("planetscaleToken", ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"], "[A-Za-z0-9_=.-]{32,64}", { entropy: 3.5 }),
];

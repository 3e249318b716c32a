// @ts-nocheck
import { hasBase62Crc } from "../checksums";
import { token, type Rule } from "../rule";

// Routable tokens (GitLab 17.9+): payload, `.`, a 2-character version and a 7-character CRC.
const ROUTABLE = "[0-9A-Za-z_-]{27,300}\\.[0-9a-z]{9}";

export const CODE_HOSTING_RULES: Rule[] = [
  // Classic PATs carry a CRC-32 of their random part; fine-grained PATs have a fixed shape.
  token("githubPat", ["ghp_"], "[A-Za-z0-9]{36}", { checked: true, verify: hasBase62Crc }),
  token("githubPat", ["github_pat_"], "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", { checked: true }),
  token("githubAppToken", ["gho_", "ghu_", "ghs_", "ghr_"], "[A-Za-z0-9]{36}", { checked: true, verify: hasBase62Crc }),
  // GitLab: the 20-character legacy form and the routable form (payload, `.`, version and CRC).
  token("gitlabPat", ["glpat-"], `(?:[0-9A-Za-z_-]{20}|${ROUTABLE})`, { entropy: 3 }),
  token("gitlabDeployToken", ["gldt-"], `(?:[0-9A-Za-z_-]{20}|${ROUTABLE})`, { entropy: 3 }),
  token("gitlabRunnerToken", ["glrt-"], `(?:[0-9A-Za-z_-]{20}|t[0-9]_${ROUTABLE}|${ROUTABLE})`, { entropy: 3 }),
  token("gitlabRunnerToken", ["GR1348941"], "[0-9A-Za-z_-]{20}", { entropy: 3 }),
  token("gitlabCiToken", ["glptt-"], "[0-9a-f]{40}", { entropy: 3 }),
  token("gitlabCiToken", ["glcbt-"], "[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}", { entropy: 3 }),
  token("gitlabOauthSecret", ["gloas-"], "[0-9A-Za-z_-]{64}", { entropy: 3.5 }),
];

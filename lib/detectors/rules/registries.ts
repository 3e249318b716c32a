import { hasBase62Crc } from "../checksums";
import { token, type Rule } from "../rule";
import { isPypiMacaroon } from "../verify";

export const REGISTRY_RULES: Rule[] = [
  token("npmToken", ["npm_"], "[A-Za-z0-9]{36}", { checked: true, verify: hasBase62Crc }),
  // Legacy npm tokens are UUIDs, recognisable only in an .npmrc `_authToken=` line.
  {
    detector: "npmToken",
    keywords: ["_authtoken="],
    pattern: /_authToken=(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/i,
  },
  // `AgEIcHlwaS5vcmc` is a macaroon's header with location pypi.org (and test.pypi.org's beside it).
  token("pypiToken", ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"], "[A-Za-z0-9_-]{50,2000}", {
    checked: true,
    verify: isPypiMacaroon,
  }),
  token("rubygemsKey", ["rubygems_"], "[a-f0-9]{48}", { entropy: 3 }),
  token("nugetKey", ["oy2"], "[a-z0-9]{43}", { entropy: 3.5 }),
  token("dockerHubToken", ["dckr_pat_"], "[A-Za-z0-9_-]{27}", { entropy: 3.5 }),
];

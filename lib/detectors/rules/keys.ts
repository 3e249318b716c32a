import { hasBech32Checksum } from "../checksums";
import { token, type Rule } from "../rule";
import { isPemBody, isSignedJwt } from "../verify";

// Newlines inside a key may be real or JSON/shell-escaped (`\n`).
const NL = "(?:\\\\[rn]|\\s)";

export const KEY_RULES: Rule[] = [
  // RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8 and PGP private keys. The secret is the body, so
  // the masked excerpt still says what kind of key it was; the body must decode to what the header says.
  {
    detector: "privateKey",
    keywords: ["-----begin "],
    pattern: new RegExp(
      `-----BEGIN (?<kind>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----${NL}{1,4}` +
        `(?:[A-Za-z-]{1,40}: [^\\n]{1,200}${NL}{1,4}){0,8}` +
        `(?<secret>(?:[A-Za-z0-9+/=]|\\\\[rn]|\\s){60,16000}?)${NL}{0,4}-----END \\k<kind>-----`,
    ),
    checked: true,
    verify: (secret, m) => isPemBody(m.groups?.kind ?? "", secret),
  },
  token("ageKey", ["AGE-SECRET-KEY-1"], "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", {
    checked: true,
    verify: hasBech32Checksum,
  }),
  token("jwt", ["eyJ"], "[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{16,1000}", {
    checked: true,
    verify: isSignedJwt,
  }),
];

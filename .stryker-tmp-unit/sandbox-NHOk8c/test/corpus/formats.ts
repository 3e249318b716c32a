// @ts-nocheck
// Builders for the structured formats: keys, JWTs, macaroons, bech32 and base64-JSON tokens.
import { BECH32_CHARSET, bech32Checksum } from "../../lib/detectors/checksums";
import { B64URL, type Gen } from "./gen";

const wrap = (b64: string, width = 64) => b64.match(new RegExp(`.{1,${width}}`, "g"))!.join("\n");

const DER_HEAD: Record<string, number[]> = {
  "RSA PRIVATE KEY": [0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00],
  "EC PRIVATE KEY": [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20],
  "DSA PRIVATE KEY": [0x30, 0x82, 0x01, 0xbb, 0x02, 0x01, 0x00, 0x02, 0x81, 0x81, 0x00],
  "PRIVATE KEY": [0x30, 0x82, 0x04, 0xbe, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09],
  "ENCRYPTED PRIVATE KEY": [0x30, 0x82, 0x05, 0x16, 0x30, 0x40, 0x06, 0x09],
};

/** A PEM private key of `kind` whose body decodes to what its header says; returns [pem, body]. */
export function pem(g: Gen, kind: string): [string, string] {
  let bytes: Buffer;
  if (kind === "OPENSSH PRIVATE KEY") bytes = Buffer.concat([Buffer.from("openssh-key-v1\0", "latin1"), g.bytes(380)]);
  else if (kind === "PGP PRIVATE KEY BLOCK") bytes = Buffer.concat([Buffer.from([0xc5, 0x86]), g.bytes(300)]);
  else bytes = Buffer.concat([Buffer.from(DER_HEAD[kind]), g.bytes(kind.startsWith("EC") ? 110 : 600)]);
  const body = wrap(bytes.toString("base64"), kind.startsWith("PGP") ? 76 : 64);
  if (kind.startsWith("PGP")) {
    const armored = `${body}\n=${g.chars(B64URL.replace(/[_-]/g, ""), 4)}`;
    return [`-----BEGIN ${kind}-----\nVersion: GnuPG v2\n\n${armored}\n-----END ${kind}-----`, armored];
  }
  return [`-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----`, body];
}

const b64json = (value: unknown, url = true) => Buffer.from(JSON.stringify(value)).toString(url ? "base64url" : "base64");

export function jwt(g: Gen, alg = g.pick(["HS256", "RS256", "ES256"])): string {
  const header = b64json({ alg, typ: "JWT" });
  const payload = b64json({ sub: g.uuid(), iat: 1700000000 + g.int(9e7), scope: g.pick(["admin", "read:all", "deploy"]) });
  return `${header}.${payload}.${g.chars(B64URL, alg === "HS256" ? 43 : 86)}`;
}

const varint = (n: number) => (n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7]);
const field = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, ...varint(data.length)]), data]);

/** A PyPI API token: `pypi-` + a v2 macaroon (location, identifier, a caveat, signature). */
export function pypiToken(g: Gen, location = "pypi.org"): string {
  const macaroon = Buffer.concat([
    Buffer.from([2]),
    field(1, Buffer.from(location)),
    field(2, Buffer.from(`{"nonce":"${g.hex(32)}","version":1}`)),
    Buffer.from([0]),
    field(2, Buffer.from(`{"version":1,"permissions":{"projects":["${g.pick(["acme", "tools", "client"])}"]}}`)),
    Buffer.from([0, 0]),
    field(6, g.bytes(32)),
  ]);
  return `pypi-${macaroon.toString("base64url")}`;
}

/** An age identity: bech32 of 32 random bytes under `age-secret-key-`, upper-cased. */
export function ageKey(g: Gen): string {
  const hrp = "age-secret-key-";
  const data: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of g.bytes(32)) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) data.push((acc >>> (bits -= 5)) & 31);
  }
  if (bits) data.push((acc << (5 - bits)) & 31);
  const check = bech32Checksum(hrp, data);
  return `${hrp}1${[...data, ...check].map((v) => BECH32_CHARSET[v]).join("")}`.toUpperCase();
}

/** A Discord bot token: the bot's snowflake id in base64, a timestamp part, an HMAC part. */
export function discordToken(g: Gen): string {
  const id = Buffer.from(`1${g.chars("0123456789", 17)}`).toString("base64").replace(/=+$/, "");
  return `${id}.${g.chars(B64URL, 6)}.${g.chars(B64URL, 38)}`;
}

export const sentryOrgToken = (g: Gen) =>
  `sntrys_${b64json({ iat: 1700000000 + g.int(9e7), url: "https://sentry.io", region_url: "https://us.sentry.io", org: g.pick(["acme", "globex"]) }, false)}_${g.chars(B64URL.replace(/[_-]/g, "") + "+/", 43)}`;

export const onePasswordToken = (g: Gen) =>
  `ops_${b64json({ signInAddress: "my.1password.com", userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: g.alnum(22) }, email: `${g.hex(12)}@1passwordserviceaccounts.com`, srpX: g.hex(64), muk: { alg: "A256GCM", ext: true, k: g.chars(B64URL, 43), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" }, secretKey: `A3-${g.alnum(6)}-${g.alnum(11)}-${g.alnum(5)}-${g.alnum(5)}-${g.alnum(5)}`, deviceUuid: g.alnum(26) }, false).replace(/=+$/, "")}`;

export const grafanaCloudToken = (g: Gen) => `glc_${b64json({ o: String(g.int(1e6)), n: `stack-${g.int(1e6)}-hm-read`, k: g.alnum(24), m: { r: "prod-us-east-0" } }, false)}`;

/** A Google service-account JSON file; returns [json, the private key's body as the rule sees it]. */
export function serviceAccount(g: Gen): [string, string] {
  const [, body] = pem(g, "PRIVATE KEY");
  const escaped = body.replace(/\n/g, "\\n");
  const json = `{\n  "type": "service_account",\n  "project_id": "acme-${g.hex(6)}",\n  "private_key_id": "${g.hex(40)}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${escaped}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "deploy@acme-prod.iam.gserviceaccount.com"\n}`;
  return [json, escaped];
}

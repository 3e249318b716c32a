// @ts-nocheck
import { B64, BASE32, type Gen, type KindCorpus, one, threeWays } from "./gen";
import { serviceAccount } from "./formats";

const awsId = (g: Gen, prefix = "AKIA") => prefix + g.chars(BASE32, 16);
const awsSecret = (g: Gen) => {
  for (;;) {
    const s = g.chars(B64, 40);
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
  }
};
const azureKey = (g: Gen) => g.bytes(64).toString("base64");
const entraSecret = (g: Gen) => `${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.", 3)}${g.int(10)}Q~${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-", 34)}`;

export const CLOUD: KindCorpus[] = [
  {
    id: "CLD001",
    trues: [
      (g) => { const s = awsId(g); return one("CLD001", s, `The deploy user's key is ${s}, rotate after the release.`); },
      (g) => { const s = awsId(g, "ASIA"); return one("CLD001", s, `AWS_ACCESS_KEY_ID=${s}`); },
      (g) => { const s = awsId(g); return one("CLD001", s, `[default]\naws_access_key_id = ${s}\nregion = eu-west-1`); },
    ],
    lookAlikes: [
      () => "Use AKIAIOSFODNN7EXAMPLE as in the AWS docs.",
      (g) => `aws_access_key_id = AKIA${"X".repeat(16)} # ask ops for ${g.hex(4)}`,
      (g) => `The key id looks like AKIA${g.chars(BASE32, 10)} but was cut off in the paste.`,
    ],
  },
  {
    id: "CLD002",
    trues: [
      (g) => { const s = awsSecret(g); return one("CLD002", s, `aws_secret_access_key = ${s}`); },
      (g) => { const s = awsSecret(g); return one("CLD002", s, `{"accessKeyId": "x", "secretAccessKey": "${s}"}`); },
      // The pair in a sentence: the key id and, beside it, its secret.
      (g) => {
        const id = awsId(g);
        const s = awsSecret(g);
        return { text: `New CI user: ${id} / ${s} (stored in the vault too)`, expected: [{ detectorId: "CLD001", secret: id }, { detectorId: "CLD002", secret: s }] };
      },
    ],
    lookAlikes: [
      () => "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      () => "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
      (g) => `commit ${g.hex(40)} moved the AWS secret to the vault`,
    ],
  },
  {
    id: "CLD010",
    trues: threeWays("CLD010", "Maps API key", "GOOGLE_MAPS_API_KEY", (g) => `AIza${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 35)}`),
    lookAlikes: [
      () => "GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
      () => "key=AIza<your-api-key>",
      (g) => `the key starts with AIza${g.alnum(12)} (truncated in the log)`,
    ],
  },
  {
    id: "CLD011",
    trues: [1, 2, 3].map(() => (g: Gen) => { const [json, body] = serviceAccount(g); return one("CLD011", body, `Service account file:\n${json}`); }),
    lookAlikes: [
      () => '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
      () => '{"type": "service_account", "private_key": "${GCP_PRIVATE_KEY}"}',
      (g) => `{"type": "service_account", "private_key_id": "${g.hex(40)}", "client_email": "ci@acme.iam.gserviceaccount.com"}`,
    ],
  },
  {
    id: "CLD012",
    trues: threeWays("CLD012", "OAuth client secret", "GOOGLE_CLIENT_SECRET", (g) => `GOCSPX-${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 28)}`),
    lookAlikes: [() => "GOOGLE_CLIENT_SECRET=GOCSPX-your-client-secret", () => "client_secret: GOCSPX-XXXXXXXXXXXXXXXXXXXXXXXXXXXX", (g) => `GOCSPX-${g.alnum(9)} was rotated`],
  },
  {
    id: "CLD021",
    trues: [
      (g) => { const s = azureKey(g); return one("CLD021", s, `DefaultEndpointsProtocol=https;AccountName=acme${g.hex(4)};AccountKey=${s};EndpointSuffix=core.windows.net`); },
      (g) => { const s = azureKey(g); return one("CLD021", s, `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=${s}"`); },
      (g) => { const s = azureKey(g); return one("CLD021", s, `storage:\n  connection: "AccountName=media${g.hex(3)};AccountKey=${s};EndpointSuffix=core.windows.net"`); },
    ],
    lookAlikes: [
      () => "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
      () => "AccountKey=<your storage key>",
      () => "UseDevelopmentStorage=true",
    ],
  },
  {
    id: "CLD022",
    trues: [
      (g) => { const s = entraSecret(g); return one("CLD022", s, `The app registration's secret is ${s} (expires in 6 months).`); },
      (g) => { const s = entraSecret(g); return one("CLD022", s, `AZURE_CLIENT_SECRET=${s}`); },
      (g) => { const s = g.alnum(40); return one("CLD022", s, `azure_client_secret: "${s}"`); },
    ],
    lookAlikes: [() => "AZURE_CLIENT_SECRET=<client-secret>", () => "AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}", (g) => `ratio 1Q~${g.alnum(6)} in the spreadsheet`],
  },
];

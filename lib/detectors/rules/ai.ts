import { token, type Rule } from "../rule";

export const AI_RULES: Rule[] = [
  // Every OpenAI key format (legacy, sk-proj-, sk-svcacct-, sk-admin-) embeds `T3BlbkFJ` ("OpenAI" in base64).
  {
    detector: "openaiKey",
    keywords: ["t3blbkfj"],
    window: { before: 210, after: 210 },
    pattern:
      /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}(?![A-Za-z0-9_-])/,
    checked: true,
  },
  token("anthropicKey", ["sk-ant-api03-", "sk-ant-admin01-"], "[A-Za-z0-9_-]{93}AA", { checked: true }),
  token("huggingFaceToken", ["hf_", "api_org_"], "[A-Za-z]{34}", { entropy: 3.5 }),
  token("groqKey", ["gsk_"], "[A-Za-z0-9]{52}", { entropy: 3.5 }),
  token("perplexityKey", ["pplx-"], "[A-Za-z0-9]{48}", { entropy: 3.5 }),
  token("replicateToken", ["r8_"], "[A-Za-z0-9]{37}", { entropy: 3.5 }),
];

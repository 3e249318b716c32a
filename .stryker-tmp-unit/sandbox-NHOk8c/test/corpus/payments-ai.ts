// @ts-nocheck
import { ALNUM, type KindCorpus, LETTERS, one, threeWays } from "./gen";

const dash = `${ALNUM}_-`;

export const PAYMENTS_AND_AI: KindCorpus[] = [
  {
    id: "STR001",
    trues: threeWays("STR001", "Stripe key", "STRIPE_SECRET_KEY", (g) => `${g.pick(["sk", "rk"])}_live_${g.alnum(g.pick([24, 99]))}`),
    lookAlikes: [(g) => `Stripe test mode: sk_test_${g.alnum(32)}`, () => "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", (g) => `publishable pk_live_${g.alnum(24)} is public`],
  },
  {
    id: "STR002",
    trues: threeWays("STR002", "webhook signing secret", "STRIPE_WEBHOOK_SECRET", (g) => `whsec_${g.alnum(32)}`),
    lookAlikes: [() => "STRIPE_WEBHOOK_SECRET=whsec_...", () => "endpoint secret: whsec_<from the dashboard>", (g) => `whsec_${g.alnum(8)} (first chars only)`],
  },
  {
    id: "SQ001",
    trues: [
      ...threeWays("SQ001", "Square token", "SQUARE_ACCESS_TOKEN", (g) => `EAAA${g.chars(dash, 60)}`).slice(0, 2),
      (g) => { const s = `sq0atp-${g.chars(dash, 22)}`; return one("SQ001", s, `legacy square token ${s}`); },
    ],
    lookAlikes: [() => "SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "square token: sq0atp-<token>", (g) => `EAAA${g.alnum(10)}`],
  },
  {
    id: "SQ002",
    trues: threeWays("SQ002", "Square application secret", "SQUARE_APP_SECRET", (g) => `sq0csp-${g.chars(dash, 43)}`),
    lookAlikes: [() => "sq0csp-<application secret>", () => `sq0csp-${"X".repeat(43)}`, (g) => `sq0csp-${g.alnum(12)}`],
  },
  {
    id: "PP001",
    trues: threeWays("PP001", "Braintree token", "BRAINTREE_ACCESS_TOKEN", (g) => `access_token$production$${g.chars("abcdefghijklmnopqrstuvwxyz0123456789", 16)}$${g.hex(32)}`),
    lookAlikes: [(g) => `sandbox: access_token$sandbox$${g.hex(16)}$${g.hex(32)}`, () => "access_token$production$<merchant>$<token>", () => "BRAINTREE_ACCESS_TOKEN=access_token$production$xxxx"],
  },
  {
    id: "SHP001",
    trues: threeWays("SHP001", "Shopify admin token", "SHOPIFY_ACCESS_TOKEN", (g) => `${g.pick(["shpat_", "shpca_", "shppa_"])}${g.hex(32)}`),
    lookAlikes: [() => "SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "shpat_<token>", (g) => `shpat_${g.hex(10)}`],
  },
  {
    id: "SHP002",
    trues: threeWays("SHP002", "Shopify shared secret", "SHOPIFY_API_SECRET", (g) => `shpss_${g.hex(32)}`),
    lookAlikes: [() => "shpss_00000000000000000000000000000000", () => "SHOPIFY_API_SECRET=shpss_<secret>", (g) => `shpss_${g.hex(16)}`],
  },
  {
    id: "OAI001",
    trues: [
      (g) => { const s = `sk-proj-${g.chars(dash, 74)}T3BlbkFJ${g.chars(dash, 74)}`; return one("OAI001", s, `OPENAI_API_KEY=${s}`); },
      (g) => { const s = `sk-${g.alnum(20)}T3BlbkFJ${g.alnum(20)}`; return one("OAI001", s, `legacy key ${s} still works`); },
      (g) => { const s = `sk-svcacct-${g.chars(dash, 58)}T3BlbkFJ${g.chars(dash, 58)}`; return one("OAI001", s, `{"openai": {"api_key": "${s}"}}`); },
    ],
    lookAlikes: [() => "OPENAI_API_KEY=sk-proj-your-key-here", () => "OPENAI_API_KEY=sk-...", (g) => `ticket sk-${g.alnum(12)} in the backlog`],
  },
  {
    id: "ANT001",
    trues: threeWays("ANT001", "Claude key", "ANTHROPIC_API_KEY", (g) => `sk-ant-${g.pick(["api03", "admin01"])}-${g.chars(dash, 93)}AA`),
    lookAlikes: [() => "ANTHROPIC_API_KEY=sk-ant-api03-...", () => "sk-ant-api03-<key>", (g) => `sk-ant-api03-${g.chars(dash, 93)}ZZ`],
  },
  {
    id: "HF001",
    trues: threeWays("HF001", "Hugging Face token", "HF_TOKEN", (g) => `${g.pick(["hf_", "api_org_"])}${g.chars(LETTERS, 34)}`),
    lookAlikes: [() => "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "huggingface-cli login --token hf_<token>", (g) => `the file hf_${g.chars(LETTERS, 10)}.bin`],
  },
  {
    id: "GRQ001",
    trues: threeWays("GRQ001", "Groq key", "GROQ_API_KEY", (g) => `gsk_${g.alnum(52)}`),
    lookAlikes: [() => "GROQ_API_KEY=gsk_...", () => "gsk_<your groq key>", (g) => `gsk_${g.alnum(20)}`],
  },
  {
    id: "PPX001",
    trues: threeWays("PPX001", "Perplexity key", "PERPLEXITY_API_KEY", (g) => `pplx-${g.alnum(48)}`),
    lookAlikes: [() => "PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", () => "pplx-<key>", (g) => `pplx-${g.alnum(16)}`],
  },
  {
    id: "RPL001",
    trues: threeWays("RPL001", "Replicate token", "REPLICATE_API_TOKEN", (g) => `r8_${g.alnum(37)}`),
    lookAlikes: [() => "REPLICATE_API_TOKEN=r8_<token>", () => "r8_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", (g) => `r8_${g.alnum(12)}`],
  },
];

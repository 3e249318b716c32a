// @ts-nocheck
import { token, type Rule } from "../rule";

export const PAYMENT_RULES: Rule[] = [
  // Live keys only: test-mode keys cannot move money and are pasted into tickets on purpose.
  token("stripeLiveKey", ["sk_live_", "rk_live_"], "[A-Za-z0-9]{24,247}", { entropy: 3 }),
  token("stripeWebhookSecret", ["whsec_"], "[A-Za-z0-9+/]{32,88}={0,2}", { entropy: 3.5 }),
  token("squareToken", ["EAAA"], "[A-Za-z0-9_-]{60}", { entropy: 3.5 }),
  token("squareToken", ["sq0atp-"], "[A-Za-z0-9_-]{22}", { entropy: 3.5 }),
  token("squareOauthSecret", ["sq0csp-"], "[A-Za-z0-9_-]{43}", { entropy: 3.5 }),
  token("braintreeToken", ["access_token$production$"], "[0-9a-z]{16}\\$[0-9a-f]{32}", { checked: true }),
  token("shopifyToken", ["shpat_", "shpca_", "shppa_"], "[a-fA-F0-9]{32}", { entropy: 3 }),
  token("shopifySharedSecret", ["shpss_"], "[a-fA-F0-9]{32}", { entropy: 3 }),
];

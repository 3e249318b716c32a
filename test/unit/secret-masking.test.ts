import { describe, expect, it } from "vitest";
import { isMasked, MASK, maskSecret } from "@/lib/crypto/mask";
import { maskHeaders, maskUrl } from "@/lib/delivery/redact";

describe("what a stored secret looks like once it leaves the server", () => {
  it("shows only the last four characters of a long secret, and nothing of a short one", () => {
    expect(MASK).toBe("••••");
    expect(maskSecret("xoxb-0123456789-abcd")).toBe("••••abcd");
    expect(maskSecret("123456789012")).toBe("••••9012");
    expect(maskSecret("12345678901")).toBe("••••");
    expect(maskSecret("")).toBe("");
    expect(maskSecret(null)).toBe("");
    expect(maskSecret(undefined)).toBe("");
  });

  it("recognises a value sent back in its masked form, and only that", () => {
    expect(isMasked("••••abcd")).toBe(true);
    expect(isMasked("••••")).toBe(true);
    expect(isMasked("abcd••••")).toBe(false);
    expect(isMasked("a real token")).toBe(false);
    expect(isMasked(null)).toBe(false);
    expect(isMasked(undefined)).toBe(false);
  });

  it("masks credential headers in the delivery log, and leaves the signature and the rest readable", () => {
    const shown = maskHeaders({
      authorization: "Token token=abcdef0123456789",
      "x-api-key": "k",
      "X-Routing-Key": "R0123456789abcdefR0123456789abcd",
      cookie: "session=abcdef0123456789",
      "x-spectral-signature": "deadbeef",
      "content-type": "application/json",
    });
    expect(shown).toEqual({
      authorization: "••••6789",
      "x-api-key": "••••",
      "X-Routing-Key": "••••abcd",
      cookie: "••••6789",
      "x-spectral-signature": "deadbeef",
      "content-type": "application/json",
    });
  });

  it("shows an empty credential header as masked too, so the log never tells an empty secret apart", () => {
    expect(maskHeaders({ "x-auth-token": "", accept: "" })).toEqual({ "x-auth-token": "••••", accept: "" });
  });

  it("shows a webhook URL as its origin alone, since its path or query may be the secret", () => {
    expect(maskUrl("https://hooks.slack.com/services/T000/B000/XXXXSECRET")).toBe("https://hooks.slack.com/••••");
    expect(maskUrl("https://example.com/?token=abc")).toBe("https://example.com/••••");
    expect(maskUrl("https://example.com/")).toBe("https://example.com");
    expect(maskUrl("https://example.com/hook")).toBe("https://example.com/••••");
    expect(maskUrl("not a url")).toBe("••••");
    // The same answer the second time (it is remembered).
    expect(maskUrl("https://hooks.slack.com/services/T000/B000/XXXXSECRET")).toBe("https://hooks.slack.com/••••");
  });
});

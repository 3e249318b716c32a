import { describe, expect, it } from "vitest";
import { computeSignature, signingHeaders, verifySignature } from "@/lib/signing/sign";

describe("webhook signatures", () => {
  it("matches the seed's check value", () => {
    expect(computeSignature("0", "myverysecrettoken", "bar")).toBe(
      "108a388872e723c0b4be83a0b37abb5a55f9a89c17209c47bb11e8064ccd811d",
    );
    expect(
      verifySignature(
        "108a388872e723c0b4be83a0b37abb5a55f9a89c17209c47bb11e8064ccd811d",
        "myverysecrettoken",
        "0",
        "bar",
      ),
    ).toBe(true);
  });

  it("signs with this attempt's ISO time and names the delivery", () => {
    const at = new Date("2026-11-28T19:38:30.123Z");
    const headers = signingHeaders("d-1", "tok", '{"issues":[]}', at);
    expect(headers["x-spectral-timestamp"]).toBe("2026-11-28T19:38:30.123Z");
    expect(headers["x-spectral-delivery"]).toBe("d-1");
    expect(
      verifySignature(headers["x-spectral-signature"], "tok", headers["x-spectral-timestamp"], '{"issues":[]}'),
    ).toBe(true);
    expect(headers["x-spectral-signature"]).toMatch(/^[0-9a-f]{64}$/);
  });
});

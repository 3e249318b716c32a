import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyHook } from "@/lib/scanning/hooks";
import { computeSignature, verifySignature } from "@/lib/signing/sign";
import { generateSigningToken } from "@/lib/signing/token";
import { contractSignature } from "../support/signature";

const BODY = '{"webhookEvent":"jira:issue_updated","issue":{"key":"SEC-1"}}';
const SECRET = "hook-secret-0123456789";
/** Jira's header, computed here with a plain HMAC rather than by the product. */
const jiraSignature = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
const hook = (query = "") => new URL(`https://cs.example.com/api/v1/hooks/jira/1${query}`);
const signed = (value: string) => new Headers({ "x-hub-signature": value });

describe("a receiver checking our signature", () => {
  it("accepts the signature of the exact bytes sent, and nothing else", () => {
    const body = Buffer.from('{"issues":[{"detectorName":"Clé AWS"}]}', "utf8");
    const signature = computeSignature("2026-11-28T19:38:30.123Z", "tok", body);
    expect(signature).toBe(contractSignature("2026-11-28T19:38:30.123Z", "tok", body));
    expect(verifySignature(signature, "tok", "2026-11-28T19:38:30.123Z", body)).toBe(true);
    expect(verifySignature(signature, "other", "2026-11-28T19:38:30.123Z", body)).toBe(false);
    expect(verifySignature(signature, "tok", "2026-11-28T19:38:31.123Z", body)).toBe(false);
    expect(verifySignature(signature, "tok", "2026-11-28T19:38:30.123Z", `${body} `)).toBe(false);
  });

  it("gets a new 32-byte URL-safe signing token for every webhook", () => {
    const tokens = new Set(Array.from({ length: 20 }, generateSigningToken));
    expect(tokens.size).toBe(20);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
  });
});

describe("a vendor webhook proving it is the vendor", () => {
  it("is let in by Jira's signature of the body, whatever the case of its hex", () => {
    expect(verifyHook(SECRET, hook(), signed(jiraSignature(SECRET, BODY)), BODY)).toBe(true);
    expect(verifyHook(SECRET, hook(), signed(` ${jiraSignature(SECRET, BODY).toUpperCase()} `), BODY)).toBe(true);
  });

  it("is refused when the signature is over another body, made with another secret, or cut short", () => {
    expect(verifyHook(SECRET, hook(), signed(jiraSignature(SECRET, `${BODY} `)), BODY)).toBe(false);
    expect(verifyHook(SECRET, hook(), signed(jiraSignature("another-secret", BODY)), BODY)).toBe(false);
    expect(verifyHook(SECRET, hook(), signed(jiraSignature(SECRET, BODY).slice(0, -1)), BODY)).toBe(false);
    expect(verifyHook(SECRET, hook(), signed(jiraSignature(SECRET, BODY).replace("sha256=", "")), BODY)).toBe(false);
  });

  it("is refused with a wrong signature even when the URL carries the right token", () => {
    const url = hook(`?token=${SECRET}`);
    expect(verifyHook(SECRET, url, signed(jiraSignature("another-secret", BODY)), BODY)).toBe(false);
  });

  it("is let in by the token in the URL when it sends no signature, and only by the exact token", () => {
    expect(verifyHook(SECRET, hook(`?token=${SECRET}`), new Headers(), BODY)).toBe(true);
    expect(verifyHook(SECRET, hook(`?token=${SECRET}x`), new Headers(), BODY)).toBe(false);
    expect(verifyHook(SECRET, hook(`?token=${SECRET.slice(1)}`), new Headers(), BODY)).toBe(false);
    expect(verifyHook(SECRET, hook(), new Headers(), BODY)).toBe(false);
  });

  it("is refused when no token was ever issued, even with an empty token or an empty signature key", () => {
    expect(verifyHook("", hook("?token="), new Headers(), BODY)).toBe(false);
    expect(verifyHook("", hook(), signed(jiraSignature("", BODY)), BODY)).toBe(false);
  });
});

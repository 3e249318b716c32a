// @ts-nocheck
import { describe, expect, it } from "vitest";
import { deliverySettings } from "@/lib/delivery/config";
import { backoffMs, nextStep, parseRetryAfter } from "@/lib/delivery/retry";

describe("retry schedule", () => {
  it("doubles from the base with at most 20 % jitter", () => {
    expect(backoffMs(1, 1000, () => 0.5)).toBe(1000);
    expect(backoffMs(3, 1000, () => 0.5)).toBe(4000);
    expect(backoffMs(3, 1000, () => 0)).toBe(3200);
    expect(backoffMs(3, 1000, () => 1)).toBe(4800);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  it("waits at least Retry-After, fails after the last attempt, stops at once on 410", () => {
    const settings = { ...deliverySettings(), retryBaseMs: 10, maxAttempts: 3 };
    const at = nextStep({ ok: false, disable: false, retryAfterMs: 2000 }, 1, settings, 0);
    expect(at).toEqual({ status: "pending", nextAttemptAt: new Date(2000) });
    expect(nextStep({ ok: false, disable: false, retryAfterMs: null }, 3, settings).status).toBe("failed");
    expect(nextStep({ ok: false, disable: true, retryAfterMs: null }, 1, settings).status).toBe("failed");
    expect(nextStep({ ok: true, disable: false, retryAfterMs: null }, 2, settings).status).toBe("delivered");
  });
});

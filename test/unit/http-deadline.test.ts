// The budget of a whole outbound exchange: one shared sweep every 100 ms ends any exchange whose
// time is up. Fake timers stand in for the clock, so "not yet" and "now" are exact.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deadlineSignal } from "@/lib/http/deadline";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("an outbound exchange's time budget", () => {
  it("ends the exchange when its budget is spent, not before, as a timeout", () => {
    const { signal } = deadlineSignal(300);
    vi.advanceTimersByTime(299);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toMatchObject({ name: "TimeoutError", message: "The request took too long" });
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("leaves a finished exchange alone, shares one timer, and stops it once nothing is in flight", () => {
    const finished = deadlineSignal(300);
    const running = deadlineSignal(1000);
    expect(vi.getTimerCount()).toBe(1);
    finished.done();
    vi.advanceTimersByTime(500);
    expect(finished.signal.aborted).toBe(false);
    expect(running.signal.aborted).toBe(false);
    running.done();
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);

    // The next exchange starts the sweep again.
    const next = deadlineSignal(200);
    vi.advanceTimersByTime(200);
    expect(next.signal.aborted).toBe(true);
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
  });
});

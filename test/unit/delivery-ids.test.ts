import { describe, expect, it } from "vitest";
import { uuidv7, uuidv7Floor } from "@/lib/delivery/ids";

describe("delivery ids", () => {
  it("are UUIDv7 that sort in the order they were made, even within one millisecond", () => {
    const now = Date.now();
    const ids = Array.from({ length: 5000 }, () => uuidv7(now));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5000);
  });

  it("compare with a floor by creation time", () => {
    const id = uuidv7(Date.now() - 15 * 86400_000);
    expect(id < uuidv7Floor(Date.now() - 14 * 86400_000)).toBe(true);
    expect(uuidv7() < uuidv7Floor(Date.now() - 14 * 86400_000)).toBe(false);
  });
});

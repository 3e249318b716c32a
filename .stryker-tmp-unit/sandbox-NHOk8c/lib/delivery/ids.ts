// @ts-nocheck
import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, then randomness. Delivery
 * ids sort by time, so the primary key also serves "newest first" listings, cursors and the
 * 14-day cut-off, and new rows land at the right edge of the index instead of all over it. The
 * counter (RFC 9562 §6.2, method 1) keeps ids made in one millisecond by this process in order.
 */
export function uuidv7(at: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = at;
  let seq = ((bytes[6] & 0x0f) << 8) | bytes[7];
  if (at > lastMs) {
    lastMs = at;
    counter = seq = 0;
  } else if (lastMs - at < 1000) {
    // Same millisecond, or the clock stepped back a little: continue the sequence.
    if (++counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    ms = lastMs;
    seq = counter;
  }
  // Otherwise an explicit time well in the past (a backfill, a test): random order within it.
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The smallest v7 id of a given millisecond: `id < uuidv7Floor(t)` means "created before t". */
export function uuidv7Floor(at: number): string {
  const hex = at.toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

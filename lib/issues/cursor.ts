import { createHmac, timingSafeEqual } from "node:crypto";
import { keys } from "@/lib/config/keys";
import { ValidationError } from "@/lib/errors";
import type { IssueSeverity } from "./schemas";

/** A keyset cursor: the sort key of the last row, with the row's id as the tie-breaker. */
export type Cursor = { s?: IssueSeverity; t: string; id: string };

const sign = (payload: string) =>
  createHmac("sha256", keys().authSecret).update(`issues-cursor\0${payload}`).digest().subarray(0, 16);

/**
 * Cursors are signed: their values go into the page query as a timestamp and a uuid, so a forged
 * one would make the database fail. Only a cursor this API gave out is read.
 */
export function encodeCursor(cursor: Cursor): string {
  const payload = Buffer.from(JSON.stringify(cursor)).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

export function decodeCursor(value: string): Cursor {
  const [payload, mac, extra] = value.split(".");
  const given = Buffer.from(mac ?? "", "base64url");
  const expected = payload ? sign(payload) : Buffer.alloc(0);
  if (!payload || extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ValidationError("The cursor is not one this API gave out", { cursor: "Invalid cursor" }, 400);
  }
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Cursor;
}

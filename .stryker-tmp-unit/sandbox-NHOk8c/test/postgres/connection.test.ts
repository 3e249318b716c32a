// @ts-nocheck
// Postgres only (vitest.config.ts): what happens when the server drops a connection we hold.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, handle, rows } from "@/db/client";

describe("a database connection that dies while checked out", () => {
  it("fails the transaction that held it; the process and the pool carry on", async () => {
    // Without a listener on checked-out clients, the dropped socket's "error" event ends the process.
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
      }),
    ).rejects.toThrow();
    expect(await rows(db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("fails a held client's next query when its backend is ended from outside, between queries", async () => {
    const pool = handle().pool!;
    const client = await pool.connect();
    const [{ pid }] = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows;
    const ended = new Promise((resolve) => client.once("end", resolve));
    await rows(db, sql`select pg_terminate_backend(${pid})`);
    await ended;
    await expect(client.query("select 1")).rejects.toThrow();
    client.release();
    expect(await rows(db, sql`select 2 as two`)).toEqual([{ two: 2 }]);
  });
});

// @ts-nocheck
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { handle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Apply committed migrations. On Postgres an advisory lock lets several processes start at once. */
export async function migrate(): Promise<void> {
  const h = handle();
  if (h.kind === "pglite") {
    await migratePglite(h.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = await h.pool!.connect();
  try {
    await client.query("select pg_advisory_lock(726354)");
    await migratePg(h.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(726354)").catch(() => {});
    client.release();
  }
}

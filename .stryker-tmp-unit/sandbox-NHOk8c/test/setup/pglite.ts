// @ts-nocheck
import { afterAll } from "vitest";
import { closeDb } from "@/db/client";
import { migrate } from "@/db/migrate";

// Each test file gets its own in-memory PGlite with every migration applied.
delete process.env.DATABASE_URL;
process.env.DATA_DIR = "memory://";
await migrate();

afterAll(async () => {
  await closeDb();
});

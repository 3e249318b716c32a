// @ts-nocheck
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { closeDb } from "@/db/client";
import { migrate } from "@/db/migrate";

// Each test file gets its own database on the shared server, created here and dropped afterwards,
// so parallel files, parallel runs and other sessions never see each other's rows.
const serverUrl = process.env.TEST_DATABASE_URL!;
const name = `cs_test_${process.pid}_${randomBytes(4).toString("hex")}`;

async function admin(query: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

await admin(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
await migrate();

afterAll(async () => {
  await closeDb();
  await admin(`drop database if exists ${name} with (force)`);
});

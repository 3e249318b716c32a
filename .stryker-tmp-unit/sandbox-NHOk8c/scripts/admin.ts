// @ts-nocheck
// `npm run admin -- <command>`: what an operator does at the server's command line.
//   reset-password <email>   set a new random password for that person and print it once
// With the embedded database, stop `npm start` first: one process at a time may open it.
import { closeDb } from "@/db/client";
import { EmbeddedDatabaseBusyError } from "@/db/embedded-lock";
import { migrate } from "@/db/migrate";
import { NotFoundError } from "@/lib/errors";
import { resetPassword } from "@/lib/people/password-reset";

const USAGE = "Usage: npm run admin -- reset-password <email>";

async function main(): Promise<number> {
  const [command, email, ...rest] = process.argv.slice(2);
  if (command !== "reset-password" || !email || rest.length) {
    console.error(USAGE);
    return 2;
  }
  await migrate();
  const reset = await resetPassword(email);
  const url = process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;
  console.log(`New password for ${reset.email}: ${reset.password}`);
  console.log(`It is shown only this once. Sign in at ${url.replace(/\/$/, "")}/login`);
  return 0;
}

main()
  .catch((error) => {
    if (error instanceof EmbeddedDatabaseBusyError || error instanceof NotFoundError) console.error(error.message);
    else console.error("admin failed:", error instanceof Error ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await closeDb().catch(() => {});
    process.exit(code);
  });

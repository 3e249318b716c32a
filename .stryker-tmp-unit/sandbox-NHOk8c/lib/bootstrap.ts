// @ts-nocheck
import { migrate } from "@/db/migrate";
import { bootstrap } from "@/db/seed";
import { keys } from "@/lib/config/keys";
import { reencryptStaleSecrets } from "@/lib/crypto/rotate";

/** Everything a process needs before it serves: keys, migrations, first-start data. */
export async function prepareDatabase(): Promise<void> {
  keys();
  await migrate();
  await reencryptStaleSecrets();
  const embedded = !process.env.DATABASE_URL;
  const seedDemo = process.env.SEED_DEMO ? process.env.SEED_DEMO !== "false" : embedded;
  await bootstrap({ seedDemo });
}

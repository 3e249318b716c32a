import { onIdleClientError } from "@/db/client";
import { migrate } from "@/db/migrate";
import { bootstrap } from "@/lib/people/first-start";
import { keys } from "@/lib/config/keys";
import { reencryptStaleSecrets } from "@/lib/crypto/rotate";
import { errorFacts, logger } from "@/lib/log";

/** Everything a process needs before it serves: keys, migrations, first-start data. */
export async function prepareDatabase(): Promise<void> {
  keys();
  onIdleClientError((err) => logger().error({ err: errorFacts(err) }, "db: idle client error"));
  await migrate();
  await reencryptStaleSecrets();
  const embedded = !process.env.DATABASE_URL;
  const seedDemo = process.env.SEED_DEMO ? process.env.SEED_DEMO !== "false" : embedded;
  await bootstrap({ seedDemo });
}

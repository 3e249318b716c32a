import pg from "pg";
import { handle } from "@/db/client";

/**
 * The worker's hot statements (claim, record) over a path of their own. On Postgres, a connection
 * of its own per path, outside the pool, with named prepared statements: each statement is parsed
 * and planned once per connection, a claim is one round trip instead of four (no transaction is
 * needed to scope its planner settings, they are the connection's), and neither path queues
 * behind the web's queries in the pool. A connection that fails is dropped and the next statement
 * opens a fresh one (a restarted server, a killed backend). On the embedded database, the one
 * connection everything shares, its settings scoped to a transaction.
 */
export class WorkerSql {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;

  /** `settings`: session settings of this path (its planner choices), applied on connect. */
  constructor(private readonly settings: Record<string, string> = {}) {}

  async query<R>(name: string, text: string, values: unknown[]): Promise<R[]> {
    const h = handle();
    if (h.kind === "pglite") {
      const pglite = h.pglite!;
      const entries = Object.entries(this.settings);
      if (entries.length === 0) return (await pglite.query<R>(text, values)).rows;
      return pglite.transaction(async (tx) => {
        await tx.query(
          `select ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ")}`,
          entries.flat(),
        );
        return (await tx.query<R>(text, values)).rows;
      });
    }
    const client = await this.connect();
    try {
      return (await client.query<R & pg.QueryResultRow>({ name, text, values })).rows;
    } catch (error) {
      // Whatever failed, a fresh connection costs little next to a broken one kept.
      this.drop(client);
      throw error;
    }
  }

  private url: string | undefined;

  private connect(): Promise<pg.Client> {
    // A test file, or a script, that points the process at another database.
    if (this.client && this.url !== process.env.DATABASE_URL) this.drop(this.client);
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      this.url = process.env.DATABASE_URL;
      const client = new pg.Client({ connectionString: this.url, application_name: "cs-delivery-worker" });
      client.on("error", () => this.drop(client));
      client.on("end", () => this.drop(client));
      try {
        await client.connect();
        const entries = Object.entries(this.settings);
        if (entries.length)
          await client.query(
            `select ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, false)`).join(", ")}`,
            entries.flat(),
          );
        this.client = client;
        return client;
      } catch (error) {
        client.end().catch(() => {});
        throw error;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

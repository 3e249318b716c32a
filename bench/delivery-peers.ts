// The peers of `npm run bench:delivery` (issue 17): the Postgres job queues a Node team would
// compare our outbox with, doing the same job as ours: the same signed body (the Custom Webhook's,
// built by its provider), the same receiver, the same lib/http request (one undici agent, the
// SSRF guard) and the same in-flight limit. They do less per delivery than we do: graphile-worker
// deletes a finished job and pg-boss flips its state; neither keeps an attempt log.
import pg from "pg";
import { makeWorkerUtils, run, Logger, type Runner } from "graphile-worker";
import PgBoss from "pg-boss";
import { sendRequest } from "@/lib/http/client";
import { signingHeaders } from "@/lib/signing/sign";
import { callVendor } from "@/lib/integrations/vendor-call";
import { getProvider } from "@/lib/integrations/registry";

export type PeerName = "graphile-tuned" | "graphile-default" | "pg-boss";

export const PEER_LABELS: Record<PeerName, string> = {
  "graphile-tuned": "graphile-worker 0.17.3, concurrency 128, localQueue 500, completeJobBatchDelay 0",
  "graphile-default": "graphile-worker 0.17.3, defaults, concurrency 256",
  "pg-boss": "pg-boss 10.4.2, batch 256, notifyWorker() on full batches",
};

/** One peer, ready to be filled and drained. */
interface Peer {
  /** Queue `count` deliveries in as few statements as the peer allows. */
  fill(count: number): Promise<void>;
  /** Queue one delivery, committed; its id is what the receiver sees as x-spectral-delivery. */
  addOne(): Promise<string>;
  /** Start its worker; stopWorker lets what it holds finish. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /** Whether anything is still queued or running. */
  pending(): Promise<boolean>;
  close(): Promise<void>;
}

const silent = new Logger(() => () => {});

/** What each peer's handler does for one job: what our worker does, minus the log. */
export async function makeSender(url: string, token: string, payload: unknown) {
  const provider = getProvider("custom-webhook")!;
  const config = {
    id: "bench",
    provider: "custom-webhook" as const,
    teamId: null,
    enabled: true,
    minSeverity: "info" as const,
    settings: {},
    secrets: { url, token },
  };
  const body = (await provider.buildRequest!(config, payload, null, callVendor)).body;
  return async (id: string) => {
    const headers = { "content-type": "application/json", ...signingHeaders(id, token, body) };
    const res = await sendRequest({ url, method: "POST", headers, body });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  };
}

export async function makePeer(
  name: PeerName,
  connectionString: string,
  send: (id: string) => Promise<void>,
): Promise<Peer> {
  return name === "pg-boss" ? pgBossPeer(connectionString, send) : graphilePeer(name, connectionString, send);
}

async function graphilePeer(
  name: PeerName,
  connectionString: string,
  send: (id: string) => Promise<void>,
): Promise<Peer> {
  const utils = await makeWorkerUtils({ connectionString, logger: silent });
  await utils.migrate();
  const check = new pg.Client({ connectionString });
  await check.connect();
  let runner: Runner | null = null;
  const tuned = name === "graphile-tuned";
  return {
    async fill(count) {
      for (let i = 0; i < count; i += 2000) {
        await utils.addJobs(
          Array.from({ length: Math.min(2000, count - i) }, () => ({ identifier: "deliver", payload: {} })),
        );
      }
    },
    async addOne() {
      return String((await utils.addJob("deliver", {})).id);
    },
    async startWorker() {
      runner = await run({
        connectionString,
        concurrency: tuned ? 128 : 256,
        noHandleSignals: true,
        logger: silent,
        taskList: { deliver: (_payload, helpers) => send(String(helpers.job.id)) },
        ...(tuned ? { preset: { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0 } } } : {}),
      });
    },
    async pending() {
      return (await check.query("select 1 from graphile_worker._private_jobs limit 1")).rowCount! > 0;
    },
    async stopWorker() {
      await runner?.stop();
      runner = null;
    },
    async close() {
      await runner?.stop();
      await utils.release();
      await check.end();
    },
  };
}

async function pgBossPeer(connectionString: string, send: (id: string) => Promise<void>): Promise<Peer> {
  const queue = "deliver";
  const boss = new PgBoss({ connectionString, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  await boss.createQueue(queue);
  const check = new pg.Client({ connectionString });
  await check.connect();
  const BATCH = 256;
  return {
    async fill(count) {
      for (let i = 0; i < count; i += 2000)
        await boss.insert(Array.from({ length: Math.min(2000, count - i) }, () => ({ name: queue, data: {} })));
    },
    async addOne() {
      return (await boss.send(queue, {}))!;
    },
    async startWorker() {
      // The shortest poll pg-boss allows; a full batch asks for the next one at once.
      let workerId = "";
      workerId = await boss.work(queue, { batchSize: BATCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        await Promise.all(jobs.map((job) => send(job.id)));
        if (jobs.length === BATCH && workerId) boss.notifyWorker(workerId);
      });
    },
    async pending() {
      return (await check.query("select 1 from pgboss.job where state < 'completed' limit 1")).rowCount! > 0;
    },
    async stopWorker() {
      await boss.offWork(queue);
    },
    async close() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await check.end();
    },
  };
}

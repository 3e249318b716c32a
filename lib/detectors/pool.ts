import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DetectionBudgetExceeded } from "./engine";
import type { DetectTask, TaskResult } from "./tasks";

export class DetectionWorkerFailed extends Error {
  constructor() {
    super("A secret detection worker failed");
    this.name = "DetectionWorkerFailed";
  }
}

type Job = { id: number; task: DetectTask; resolve: (r: TaskResult) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; job?: Job; timer?: NodeJS.Timeout; idle?: NodeJS.Timeout };

/**
 * Worker threads that run detection off the calling thread's event loop (a web request or the
 * delivery worker never waits behind a scan), one task per worker at a time, as many workers as
 * cores (at most 4; `DETECT_WORKERS` overrides). Workers start on first use and stop after 30 s
 * idle. A task that overruns its budget ends with its thread: a running regex cannot be interrupted,
 * so the thread is terminated and replaced.
 */
export class DetectionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    readonly size = Number(process.env.DETECT_WORKERS) || Math.max(1, Math.min(availableParallelism(), 4)),
    private readonly idleMs = 30_000,
  ) {}

  run(task: DetectTask): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private assign(slot: Slot, job: Job): void {
    clearTimeout(slot.idle);
    slot.job = job;
    slot.worker.ref();
    const chars = job.task.texts.reduce((n, t) => n + t.length, 0);
    // Each text has its own budget inside the worker; this is the backstop for one that cannot stop.
    const hardMs = 2 * job.task.budgetMs + Math.ceil(chars / 1_000_000) * 1000;
    slot.timer = setTimeout(() => this.fail(slot, new DetectionBudgetExceeded()), hardMs);
    slot.worker.postMessage({ id: job.id, task: job.task });
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker() };
    slot.worker.on("message", (message: { id: number; result?: TaskResult; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      this.release(slot);
      if (message.result) job.resolve(message.result);
      else
        job.reject(
          message.error === "DetectionBudgetExceeded" ? new DetectionBudgetExceeded() : new DetectionWorkerFailed(),
        );
      this.pump();
    });
    slot.worker.on("error", () => this.fail(slot, new DetectionWorkerFailed()));
    slot.worker.on("exit", () => this.fail(slot, new DetectionWorkerFailed()));
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    slot.idle = setTimeout(() => this.retire(slot), this.idleMs);
    slot.idle.unref();
  }

  /** The slot's thread is gone or must go: its job fails, and queued work gets a fresh thread. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    clearTimeout(slot.timer);
    clearTimeout(slot.idle);
    void slot.worker.terminate();
    slot.job?.reject(error);
    this.pump();
  }

  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || slot.job) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
  }
}

/**
 * In a Next.js build (NEXT_RUNTIME is set) the bundler compiles worker.ts into its own chunk from
 * this `new Worker(new URL(…))`. Run from source (tests, benches, `npm run worker`), the thread
 * loads worker.ts through tsx's require hook.
 */
function startWorker(): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./worker.ts", import.meta.url));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, "worker.ts");
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const code = `require(${JSON.stringify(tsx)}).require(${JSON.stringify(file)}, ${JSON.stringify(file)});`;
  return Reflect.construct(Worker, [code, { eval: true }]) as Worker;
}

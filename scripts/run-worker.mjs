// `npm run worker`: scripts/worker.ts in its own Node process, run as the web server is run
// (scripts/runtime.mjs). Signals pass through, so SIGTERM lets in-flight deliveries finish; the IPC
// channel tells the worker when this launcher is gone.
import path from "node:path";
import { relayTo, spawnNode, workerMemoryFlags } from "./runtime.mjs";

relayTo(
  spawnNode(
    ["--import", "tsx", path.join(import.meta.dirname, "worker.ts")],
    { stdio: ["inherit", "inherit", "inherit", "ipc"] },
    workerMemoryFlags,
  ),
);

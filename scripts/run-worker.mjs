// `npm run worker`: scripts/worker.ts in its own Node process, run as the web server is run
// (scripts/runtime.mjs). Signals pass through, so SIGTERM lets in-flight deliveries finish.
import { spawn } from "node:child_process";
import path from "node:path";
import { memoryFlags, withMemoryEnv } from "./runtime.mjs";

const child = spawn(process.execPath, [...memoryFlags, "--import", "tsx", path.join(import.meta.dirname, "worker.ts")], {
  stdio: "inherit",
  env: withMemoryEnv(process.env),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// How the product's long-running Node processes run: the web server (which, on the embedded
// database, also holds PGlite and the delivery worker) and `npm run worker`. `npm run
// bench:delivery` runs its worker phases the same way. What each setting saved there:
// - a 4 MB young generation (V8's default is 16 MB a semi-space) and old-generation growth of 20 %
//   a step: the worker's garbage is short-lived, and the defaults let 60–100 MB of it pile up;
// - two malloc arenas, and allocations of 32 KB or more mapped on their own: V8's compiler and GC
//   threads otherwise keep an arena each, and glibc keeps what they free, about 100 MB.
// Together they took the embedded worker's peak RSS from about 460 MB to about 240 MB, and a
// Postgres worker's from 250 MB to 140 MB, with the same throughput. The price: an ingest of 10,000
// new issues on PGlite takes about 15 % longer (8 MB semi-spaces: about 10 %, for 20 MB more).
//
// A worker on its own (`npm run worker`, Postgres) runs with 16 MB semi-spaces instead:
// it holds hundreds of requests and claimed rows alive at once, so every scavenge of a 4 MB young
// generation copies most of them, and scavenging cost the sender a fifth to a third of its CPU.
// 16 MB makes scavenges four times rarer for some 40 MB more; such a worker peaks well under 250 MB.
import { spawn } from "node:child_process";

export const memoryFlags = ["--max-semi-space-size=4", "--heap-growing-percent=20"];
export const workerMemoryFlags = ["--max-semi-space-size=16", "--heap-growing-percent=20"];

/** The malloc settings, unless the operator set them. */
export function withMemoryEnv(env) {
  return { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "32768", ...env };
}

/** Start `node <args>` as the product runs its long-lived processes; `flags`: workerMemoryFlags for a worker on its own. */
export function spawnNode(args, options = {}, flags = memoryFlags) {
  return spawn(process.execPath, [...flags, ...args], { ...options, env: withMemoryEnv(options.env ?? process.env) });
}

/**
 * For a launcher: pass SIGINT and SIGTERM on to `child`, and leave with its exit code. The child
 * stops itself within 10 s of a signal; one that is still there then is killed.
 */
export function relayTo(child) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      child.kill(signal);
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// npm run bench:boot — time from `npm start` to the first 200 on /login, and the server's idle
// memory, on the embedded PGlite database. Baseline in the same run: a bare node:http server
// spawned the same way (the floor for "start a Node process and answer HTTP").
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";

const PORT = Number(process.env.BENCH_PORT || 3990);

function treeRssMb(rootPid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {}
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) if (p === rootPid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb / 1024;
}

async function timeToFirst200(command, args, env, url) {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) break;
    } catch {}
    if (performance.now() - started > 120_000) throw new Error(`no 200 from ${url} within 120 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { ms: performance.now() - started, child };
}

/** SIGTERM, as an operator stops it: the server stops in order within 10 s; past 12 s, kill what is left. */
async function stop(child) {
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(child.pid, "SIGTERM");
  } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {}
}

await buildIfNeeded();

const baseline = await timeToFirst200(
  process.execPath,
  ["-e", `require("http").createServer((q,s)=>s.end("ok")).listen(${PORT})`],
  {},
  `http://127.0.0.1:${PORT}/`,
);
const baselineRss = treeRssMb(baseline.child.pid);
await stop(baseline.child);

const dataDir = mkdtempSync(path.join(tmpdir(), "cs-bench-boot-"));
const env = { PORT: String(PORT), DATA_DIR: dataDir, ADMIN_PASSWORD: "bench-password-123" };
const first = await timeToFirst200("npm", ["start", "--silent"], env, `http://127.0.0.1:${PORT}/login`);
await stop(first.child);
const second = await timeToFirst200("npm", ["start", "--silent"], env, `http://127.0.0.1:${PORT}/login`);
await new Promise((r) => setTimeout(r, 5000)); // let start-up work settle before reading idle memory
const idleRss = treeRssMb(second.child.pid);
await stop(second.child);
rmSync(dataDir, { recursive: true, force: true });

const f = (n) => n.toFixed(0).padStart(6);
console.log("bench:boot (PGlite, production build already present)");
console.log(`  baseline: bare node:http server   first 200 in ${f(baseline.ms)} ms   RSS ${f(baselineRss)} MB`);
console.log(
  `  npm start, first start (migrate + seed demo)  first 200 on /login in ${f(first.ms)} ms   (${(first.ms / baseline.ms).toFixed(1)}× baseline)`,
);
console.log(
  `  npm start, later start                        first 200 on /login in ${f(second.ms)} ms   (${(second.ms / baseline.ms).toFixed(1)}× baseline)`,
);
console.log(
  `  idle server memory (RSS of the process tree): ${f(idleRss)} MB   (${(idleRss / baselineRss).toFixed(1)}× baseline)`,
);

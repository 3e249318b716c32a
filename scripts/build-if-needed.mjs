// Build the app only when its sources changed since the last build, so `npm start` is quick
// after the first time. The fingerprint covers every source file's path, size and mtime.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function walk(p, hash) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(path.join(p, name), hash);
  } else {
    hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  }
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const s of SOURCES) walk(path.join(root, s), hash);
  return hash.digest("hex");
}

/**
 * Build when the sources changed. Asynchronous, so a launcher stays responsive to signals: SIGINT
 * or SIGTERM during the build stops the build and then this process.
 */
export async function buildIfNeeded() {
  const stamp = path.join(distDir, "source-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint)
    return false;
  console.log("Building the app (first start, or the sources changed)…");
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const build = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
  const relay = (signal) => build.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, relay);
  const [code, signal] = await once(build, "exit");
  for (const s of ["SIGINT", "SIGTERM"]) process.off(s, relay);
  if (code !== 0) process.exit(code ?? (signal ? 1 : 0));
  writeFileSync(stamp, fingerprint);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildIfNeeded();

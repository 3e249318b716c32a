import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError, lockEmbeddedDatabase } from "@/db/embedded-lock";

const dir = mkdtempSync(path.join(tmpdir(), "cs-lock-"));
const pglite = path.join(dir, "pglite");
const lockFile = `${pglite}.lock`;
afterEach(() => rmSync(lockFile, { force: true }));

/** The pid of a process that has already ended. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout,
  );
}

describe("one process at a time opens the embedded database", () => {
  it("refuses while another live process holds it, naming that process and what to do", () => {
    writeFileSync(lockFile, String(process.ppid));
    expect(() => lockEmbeddedDatabase(pglite)).toThrow(EmbeddedDatabaseBusyError);
    expect(() => lockEmbeddedDatabase(pglite)).toThrow(new RegExp(`pid ${process.ppid}.*Stop that process first`));
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.ppid));
  });

  it("takes over the lock a dead process left, and releases it on close", () => {
    writeFileSync(lockFile, String(deadPid()));
    const release = lockEmbeddedDatabase(pglite);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });
});

// @ts-nocheck
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Another live process holds the embedded database. */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database in ${path.dirname(lockFile)} is open in another process (pid ${pid}), probably \`npm start\`. ` +
        `Stop that process first (Ctrl-C, or kill ${pid}). If no such process is running, delete ${lockFile}.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own, and two processes writing one data folder corrupt it: the first
 * to open it writes its pid beside it, and any other process is refused while that pid lives.
 * Returns the release function; the lock also goes when the process exits.
 */
export function lockEmbeddedDatabase(pgliteDir: string): () => void {
  const lockFile = `${pgliteDir}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8").trim());
      if (holder && holder !== process.pid && alive(holder)) throw new EmbeddedDatabaseBusyError(holder, lockFile);
      rmSync(lockFile, { force: true }); // left by a process that died without closing
    }
  }
  const release = () => {
    process.off("exit", release);
    try {
      if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return release;
}

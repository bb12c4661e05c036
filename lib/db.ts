import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import { observePool } from "@/lib/observability/metrics";
import { lsnValue, readerLsn } from "@/lib/reader/reader-cache-state";

/** A `pg` pool that reports its use and survives a database restart. */
function createPool(
  connectionString: string,
  pool: "primary" | "replica" | "search" | "search-replica",
  { max, options }: { max: number; options?: string },
): pg.Pool {
  // A database that is down must fail a request within seconds (a 503), never leave it hanging.
  const driver = new pg.Pool({
    connectionString: options ? withServerOptions(connectionString, options) : connectionString,
    max,
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
    keepAlive: true,
  });
  observePool(pool, () => ({ total: driver.totalCount, idle: driver.idleCount, waiting: driver.waitingCount, max }));
  // A restart of PostgreSQL cuts connections busy or idle; an 'error' event without a listener
  // would crash the process, so every connection gets one (the query in flight fails with a 503).
  driver.on("connect", (connection) =>
    connection.on("error", (err) => logger().warn({ err, pool }, "database connection lost")),
  );
  // An idle client cut by a restart is reported on the pool itself: without this listener that
  // 'error' event would end the process with a stack trace (seen when a bench stopped its database).
  driver.on("error", (err) =>
    logger().warn(
      { err: { message: err.message, code: (err as { code?: string }).code }, pool },
      "idle database connection closed by the server; the pool reconnects on next use",
    ),
  );
  return driver;
}

/**
 * The connection string with server settings added to its own `options`, if it has any (pg lets
 * the string's `options` replace one given beside it, which would drop ours silently).
 */
function withServerOptions(connectionString: string, options: string): string {
  const url = new URL(connectionString);
  const own = url.searchParams.get("options");
  url.searchParams.set("options", own ? `${own} ${options}` : options);
  return url.toString();
}

/**
 * Passage search's own pool: its statements are prepared once per connection and planned once
 * (plan_cache_mode=force_generic_plan), so a search spends no time planning, which was half of
 * its time in the database. Its SQL is written for that (docs/decisions/0011); the app's other
 * statements keep PostgreSQL's default and so live in the other pool.
 */
function createSearchPool(connectionString: string, pool: "search" | "search-replica"): pg.Pool {
  return createPool(connectionString, pool, {
    max: Number(process.env.DATABASE_SEARCH_POOL_SIZE ?? 5),
    // JIT compiling pays off for queries that run for seconds; a plan that does not know how
    // rare the words are can look dear enough to set it off (100,000 is the default threshold),
    // and then compiling takes 30 ms of a search that runs in one (seen at 1,000,000 passages).
    options: `-c plan_cache_mode=${searchPlanCacheMode()} -c jit=off`,
  });
}

const PLAN_CACHE_MODES = ["force_generic_plan", "force_custom_plan", "auto"] as const;

/**
 * How search's statements are planned: once (force_generic_plan, the default), or, as an escape
 * hatch should a generic plan ever misbehave on some library, every time (force_custom_plan) or
 * as PostgreSQL chooses (auto). DATABASE_SEARCH_PLAN_CACHE_MODE; an unknown value is reported
 * and the default used.
 */
function searchPlanCacheMode(): (typeof PLAN_CACHE_MODES)[number] {
  const wanted = process.env.DATABASE_SEARCH_PLAN_CACHE_MODE;
  const mode = PLAN_CACHE_MODES.find((m) => m === (wanted || PLAN_CACHE_MODES[0]));
  if (mode) return mode;
  logger().warn(
    { wanted, allowed: PLAN_CACHE_MODES },
    "DATABASE_SEARCH_PLAN_CACHE_MODE is not one of the allowed values; search plans its statements once",
  );
  return PLAN_CACHE_MODES[0];
}

function createClient(connectionString: string, pool: "primary" | "replica", drivers: pg.Pool[]) {
  const driver = createPool(connectionString, pool, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  drivers.push(driver);
  const adapter = new PrismaPg(driver, {
    // Without a listener an idle connection cut by a database restart would crash the process.
    onPoolError: (err) => logger().warn({ err, pool }, "database connection lost; the pool reconnects on next use"),
  });
  // Secrets are omitted by default: a query must ask for passwordHash by name to see it.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

function createClients() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
  // The pools live with the clients (primary first), not in a module variable: Next bundles this
  // module into several chunks, each with its own module scope but one globalThis, so a module-level
  // list would be empty in every chunk but the one that happened to create the clients.
  const drivers: pg.Pool[] = [];
  const primary = createClient(url, "primary", drivers);
  const replicaUrl = process.env.DATABASE_REPLICA_URL;
  // Reads routed by the extension go to the replica; writes and $transaction stay on the primary.
  const replicaAware = replicaUrl
    ? primary.$extends(readReplicas({ replicas: [createClient(replicaUrl, "replica", drivers)] }))
    : primary;
  // Pools open no connection before their first query, so an app that never searches opens none.
  const search = [
    createSearchPool(url, "search"),
    ...(replicaUrl ? [createSearchPool(replicaUrl, "search-replica")] : []),
  ];
  return { primary, replicaAware: replicaAware as unknown as Client, drivers, search };
}

type Client = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

// One pair of clients per process (dev hot reloads would otherwise open a pool per edit), created
// on first use so that `next build` can load modules without a database.
const globalForPrisma = globalThis as unknown as { sourcemarkPrisma?: ReturnType<typeof createClients> };

function clients() {
  globalForPrisma.sourcemarkPrisma ??= createClients();
  return globalForPrisma.sourcemarkPrisma;
}

// On globalThis for the same reason as the clients: readFromReplica and the prisma proxy may sit in
// different chunks, and both must see the one store.
const replicaReads = ((globalThis as Record<symbol, unknown>)[Symbol.for("sourcemark.replicaReads")] ??=
  new AsyncLocalStorage<boolean>()) as AsyncLocalStorage<boolean>;

/**
 * Runs `read` with its reads going to the read replica (DATABASE_REPLICA_URL) when there is one:
 * for what readers and search see, where a second of replication lag is harmless. Writes and
 * every read inside a transaction still go to the primary; everything outside `readFromReplica`
 * reads the primary, so an editor always reads their own write right after a save.
 */
export function readFromReplica<T>(read: () => Promise<T>): Promise<T> {
  return replicaReads.run(true, read);
}

/**
 * readFromReplica for what a publish just changed (reader pages, the front page): when a publish
 * has told this process its primary WAL position (lib/reader/revalidate-reader.ts, and the NOTIFY
 * every instance hears), the replica is asked whether it has replayed that far, and if not the
 * read goes to the primary, so a render right after a publish never caches the old snapshot.
 * One small query per publish and process while the replica catches up, none after.
 */
export async function readFromFreshReplica<T>(read: () => Promise<T>): Promise<T> {
  const { primary, replicaAware } = clients();
  const wanted = readerLsn();
  if (replicaAware === (primary as unknown as Client) || !wanted) return readFromReplica(read);
  if (replicaReached && lsnValue(replicaReached) >= lsnValue(wanted)) return readFromReplica(read);
  try {
    const replica = (replicaAware as unknown as { $replica(): Client }).$replica();
    const [row] = await replica.$queryRaw<{ at: string | null }[]>`SELECT pg_last_wal_replay_lsn()::text AS at`;
    if (row?.at && lsnValue(row.at) >= lsnValue(wanted)) {
      replicaReached = row.at;
      return readFromReplica(read);
    }
  } catch {
    // The replica does not answer: the primary does.
  }
  return read();
}
let replicaReached: string | null = null;

export const prisma = new Proxy({} as Client, {
  get(_target, property) {
    const { primary, replicaAware } = clients();
    let client = replicaReads.getStore() ? replicaAware : (primary as unknown as Client);
    // The extension routes model reads only; search's raw SQL is sent to the replica by hand.
    if (client !== primary && typeof property === "string" && property.startsWith("$queryRaw")) {
      client = (replicaAware as unknown as { $replica(): Client }).$replica();
    }
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes every pool (tests, and a server that is shutting down). */
export async function closeDatabase(): Promise<void> {
  const created = globalForPrisma.sourcemarkPrisma;
  if (!created) return;
  globalForPrisma.sourcemarkPrisma = undefined;
  await created.primary.$disconnect().catch(() => undefined);
  await Promise.all([...created.drivers, ...created.search].map(endPool));
}

/** How long closeDatabase waits for a pool's connections to close before giving up on them. */
const POOL_CLOSE_WAIT_MS = 3000;

/**
 * Ends a pool and waits until its connections are closed: pg's end() resolves as soon as it has
 * asked them to close, so a database stopped right after (a bench, `npm start` on Ctrl-C) cut
 * connections still closing, and each was logged as lost.
 */
export async function endPool(driver: pg.Pool): Promise<void> {
  const open = driver.totalCount;
  let removed = 0;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    driver.on("remove", () => ++removed >= open && resolve());
  });
  await driver.end().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, POOL_CLOSE_WAIT_MS)))]);
  clearTimeout(timer);
}

/** The primary's connection pool, for libraries that speak `pg` (the shared sign-in rate limiter). */
export function primaryPool(): pg.Pool {
  return clients().drivers[0]!;
}

/**
 * Passage search's pool (createSearchPool) for the read context: the replica's inside
 * readFromReplica when there is one, else the primary's. Search's raw SQL skips Prisma's query
 * engine (docs/decisions/0010 and 0011).
 */
export function searchPool(): pg.Pool {
  const { search } = clients();
  return (replicaReads.getStore() && search[1]) || search[0]!;
}

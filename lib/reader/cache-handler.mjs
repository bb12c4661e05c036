// @ts-check
// Next.js's cache handler (next.config.js `cacheHandler`), shared-invalidation edition: the default
// file-system cache (every instance keeps its own rendered copy of each reader page), plus a
// PostgreSQL LISTEN on the channel `sourcemark_reader`. A publish, update or unpublish on any
// instance NOTIFYs the paths it changed (lib/reader/revalidate-reader.ts, awaited before the API
// answers), and every instance expires those paths here, so its next request renders the new
// snapshot. Decision 0008. Plain JavaScript: next.config.js names it, and Next compiles it into
// its server, under `next start` and scripts/serve.ts alike.
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

// Next compiles this file into its server bundle. Its tag manifest is one module instance that
// Next's own server loaded from node_modules, so Node's own require (not the bundler's) loads it.
const nextRequire = createRequire(path.join(process.env.SOURCEMARK_APP_DIR ?? process.cwd(), "package.json"));
/** @type {new (ctx: unknown) => { revalidateTag(tags: string | string[], durations?: unknown): Promise<void> }} */
const FileSystemCache = nextRequire("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

const CHANNEL = "sourcemark_reader";
// Next's implicit tag for a path (revalidatePath's format): "_N_T_" + the path without a trailing slash.
const IMPLICIT = "_N_T_";
/** Tag of the root layout: every page carries it, so expiring it expires every cached page. */
const EVERY_PAGE = `${IMPLICIT}/layout`;
// Shared with the app's bundles (lib/reader/revalidate-reader.ts, lib/db.ts) through globalThis.
const STATE = Symbol.for("sourcemark.readerCache");

/** @typedef {{ listening: boolean, lsn: string | null, client: import("pg").Client | null, started: boolean }} State */
/** @returns {State} */
function state() {
  const g = /** @type {Record<symbol, State>} */ (/** @type {unknown} */ (globalThis));
  g[STATE] ??= { listening: false, lsn: null, client: null, started: false };
  return g[STATE];
}

/** @param {string} path */
function tagsForPath(path) {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const tag = `${IMPLICIT}${trimmed}`;
  if (trimmed === "/") return [tag, `${IMPLICIT}/index`];
  return [tag];
}

/** Expires tags in this process's cache (Next's own tag manifest, through the file-system cache). */
function expireLocally(/** @type {string[]} */ tags) {
  return new FileSystemCache({}).revalidateTag(tags);
}

function log(
  /** @type {"info" | "warn"} */ level,
  /** @type {string} */ msg,
  /** @type {Record<string, unknown>} */ extra = {},
) {
  // pino's line shape (lib/observability/logger.ts), without importing the app's bundle.
  process.stdout.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), service: "sourcemark", pid: process.pid, ...extra, msg })}\n`,
  );
}

const retryMs = () => Number(process.env.READER_CACHE_RETRY_MS ?? 2000);

async function listen() {
  const s = state();
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
    keepAlive: true,
  });
  s.client = client;
  let closed = false;
  const again = () => {
    if (closed) return;
    closed = true;
    s.listening = false;
    s.client = null;
    client.end().catch(() => undefined);
    if (/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("sourcemark.draining")]) return;
    setTimeout(() => void listen(), retryMs()).unref();
  };
  client.on("error", (err) => {
    if (s.listening)
      log(
        "warn",
        "reader cache: lost the database connection that carries publishes; every cached page is expired when it is back",
        { err: err.message },
      );
    again();
  });
  client.on("end", again);
  client.on("notification", (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      const { paths, lsn } = /** @type {{ paths: string[], lsn?: string }} */ (JSON.parse(message.payload));
      if (lsn) noteLsn(lsn);
      void expireLocally(paths.flatMap(tagsForPath));
    } catch {
      // not ours
    }
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // Publishes made while this instance was not listening were not heard: expire every page.
    await expireLocally([EVERY_PAGE]);
    s.listening = true;
  } catch {
    again();
  }
}

/** Remembers the highest WAL position a publish reported (a reader render waits for the replica to reach it). */
function noteLsn(/** @type {string} */ lsn) {
  const s = state();
  if (!s.lsn || lsnValue(lsn) > lsnValue(s.lsn)) s.lsn = lsn;
}

/** "16/B374D848" → a number that orders WAL positions (as lib/reader/reader-cache-state.ts). */
function lsnValue(/** @type {string} */ lsn) {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

class SharedInvalidationCache extends FileSystemCache {
  /** @param {unknown} ctx */
  constructor(ctx) {
    super(ctx);
    const s = state();
    // Next builds this once per request; one listener per process. Never during `next build`.
    if (!s.started && process.env.NEXT_PHASE !== "phase-production-build" && process.env.DATABASE_URL) {
      s.started = true;
      void listen();
    }
  }
}

export default SharedInvalidationCache;

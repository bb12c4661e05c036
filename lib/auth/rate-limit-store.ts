import "server-only";
import { RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import type pg from "pg";
import { primaryPool } from "@/lib/db";

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

// The app's primary pool, looked up on the first query rather than when a limiter is made: limiters
// are made at module load, and `next build` loads modules without a database.
const lazyPrimaryPool: Pick<pg.Pool, "query"> = {
  query: ((query: pg.QueryConfig) => primaryPool().query(query)) as pg.Pool["query"],
};

/**
 * A rate limiter whose counters live in PostgreSQL (the `rate_limits` table, made by a
 * migration), so every app instance behind a load balancer counts against the same limit.
 * Same options and API as RateLimiterMemory: lib/auth/rate-limit.ts can make its limiters here.
 * Uses the app's primary pool, so it opens no connections of its own.
 */
export function postgresLimiter(
  options: LimiterOptions,
  pool: Pick<pg.Pool, "query"> = lazyPrimaryPool,
): RateLimiterAbstract {
  return new RateLimiterPostgres({
    ...options,
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    // Deletes rows expired over an hour ago, on an unref'd timer: keys do not pile up.
    clearExpiredByTimeout: true,
  });
}

// Prometheus metrics for /api/metrics. The registry lives on globalThis because the custom server
// (request latency) and the app's bundle (search latency, pool use) each load their own copy of
// this module; whichever runs first creates the metrics and the other reuses them.
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  searchDuration: Histogram<"outcome">;
  poolSources: Map<string, () => PoolStats>;
};

const KEY = Symbol.for("sourcemark.metrics");

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sourcemark_process_" });
  const poolSources = new Map<string, () => PoolStats>();
  const httpDuration = new Histogram({
    name: "sourcemark_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const searchDuration = new Histogram({
    name: "sourcemark_search_duration_seconds",
    help: "Time to answer a passage search, from query to presented results.",
    labelNames: ["outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const gauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["pool"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [pool, stats] of poolSources) this.set({ pool }, pick(stats()));
      },
    });
  gauge("sourcemark_db_pool_connections", "Open connections in the database pool (busy and idle).", (s) => s.total);
  gauge("sourcemark_db_pool_idle_connections", "Idle connections in the database pool.", (s) => s.idle);
  gauge("sourcemark_db_pool_waiting_requests", "Queries waiting for a free connection.", (s) => s.waiting);
  gauge("sourcemark_db_pool_max_connections", "Most connections the pool may open.", (s) => s.max);
  return { registry, httpDuration, searchDuration, poolSources };
}

export function metrics(): Metrics {
  const holder = globalThis as Record<symbol, Metrics | undefined>;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** Registers a pool ("primary", "replica") whose use is read at every scrape. */
export function observePool(name: string, stats: () => PoolStats): void {
  metrics().poolSources.set(name, stats);
}

/** Times a search; the outcome label says whether it answered or failed. */
export async function timeSearch<T>(run: () => Promise<T>): Promise<T> {
  const end = metrics().searchDuration.startTimer();
  try {
    const result = await run();
    end({ outcome: "ok" });
    return result;
  } catch (error) {
    end({ outcome: "error" });
    throw error;
  }
}

import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";

export type Readiness = {
  ready: boolean;
  draining: boolean;
  database: "up" | "down";
  migrations: { expected: number; applied: number; missing: string[] } | null;
  message: string;
};

const DRAINING = Symbol.for("sourcemark.draining");

/** Set by the custom server on SIGTERM: the load balancer should stop sending new requests. */
export function isDraining(): boolean {
  return (globalThis as Record<symbol, unknown>)[DRAINING] === true;
}

let expectedMigrations: string[] | undefined;

// The migrations this build was shipped with; read once, they cannot change under a running process.
function shippedMigrations(): string[] {
  expectedMigrations ??= readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return expectedMigrations;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Database reachable within a short timeout, and every migration this build ships applied. */
export async function checkReadiness(timeoutMs = Number(process.env.READY_TIMEOUT_MS ?? 2000)): Promise<Readiness> {
  const draining = isDraining();
  let applied: string[];
  try {
    const rows = await withTimeout(
      prisma.$queryRaw<
        { migration_name: string }[]
      >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeoutMs,
    );
    applied = rows.map((row) => row.migration_name);
  } catch {
    return {
      ready: false,
      draining,
      database: "down",
      migrations: null,
      message: `The database did not answer within ${timeoutMs} ms.`,
    };
  }
  const expected = shippedMigrations();
  const done = new Set(applied);
  const missing = expected.filter((name) => !done.has(name));
  const migrations = { expected: expected.length, applied: applied.length, missing };
  if (missing.length > 0)
    return {
      ready: false,
      draining,
      database: "up",
      migrations,
      message: `${missing.length} migration(s) not applied: run npm run db:migrate.`,
    };
  if (draining)
    return {
      ready: false,
      draining,
      database: "up",
      migrations,
      message: "Shutting down: finishing requests in flight.",
    };
  return { ready: true, draining, database: "up", migrations, message: "Ready." };
}

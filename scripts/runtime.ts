// What `npm start`, `npm run dev` and `npm test` share: the environment the app runs with.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, firstLine, StartupError } from "./db/database.ts";

export const NEXT_BIN = path.resolve(import.meta.dirname, "../node_modules/next/dist/bin/next");

/** A demo start (embedded database, or SOURCEMARK_DEMO=1) may make up its own secret and keep it. */
export function authSecret(demo: boolean): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!demo) {
    throw new StartupError(
      "NEXTAUTH_SECRET is not set. A production start needs one: generate it with `openssl rand -base64 32`.",
    );
  }
  const file = path.join(dataDir(), "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/**
 * Every way a start can fail ends here: one line that says what to do, never a stack trace
 * (SOURCEMARK_VERBOSE=1 prints the full error for whoever debugs it).
 */
export function fail(error: unknown): never {
  if (error instanceof StartupError) console.error(`sourcemark: ${error.message}`);
  else {
    const hint = process.env.DATABASE_URL
      ? "check that DATABASE_URL points at a running PostgreSQL"
      : "or set DATABASE_URL to use your own PostgreSQL";
    console.error(
      `sourcemark: could not start: ${firstLine(error)}. Run again with SOURCEMARK_VERBOSE=1 for the details, ${hint}.`,
    );
    if (process.env.SOURCEMARK_VERBOSE) console.error(error);
  }
  process.exit(1);
}

/** Errors thrown outside our promise chain (a child process's `error` event, a library's timer) end the same way. */
export function failOnStrayErrors(): void {
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}

// The request a line of log belongs to. Set by the custom server (scripts/serve.ts) around every
// request and read by the logger on every line. No `server-only` here: the custom server loads this
// module outside Next's bundle, and the bundle loads its own copy, so the storage lives on
// globalThis under one key that both copies share.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = { requestId: string; userId?: string; databaseUnavailable?: boolean };

const KEY = Symbol.for("sourcemark.requestContext");
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return store.getStore();
}

/** Called where the user of a request becomes known (session or API token), so later lines carry it. */
export function setRequestUser(userId: string): void {
  const context = store.getStore();
  if (context) context.userId = userId;
}

/** Called when rendering this request failed because the database cannot be reached (instrumentation.ts). */
export function markDatabaseUnavailable(): void {
  const context = store.getStore();
  if (context) context.databaseUnavailable = true;
}

// An incoming id is echoed only when it is short and plain: it lands in logs and a response header.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's X-Request-Id when it is well formed (a load balancer's trace id), else a new one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && WELL_FORMED_REQUEST_ID.test(value) ? value : randomUUID();
}

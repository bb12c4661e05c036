// Whether an error means "the database cannot be reached right now" (down, restarting, pool
// exhausted) rather than a bug: those answer 503 so a client or load balancer retries, quickly.

const UNAVAILABLE_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // server reached but timed out
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, or in recovery)
  "53300", // too_many_connections
]);

const UNAVAILABLE_TEXT =
  /Connection terminated|connection (?:is )?(?:closed|refused|reset)|timeout exceeded when trying to connect|database system is (?:starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Can't reach database server|Client has encountered a connection error|DatabaseNotReachable|ConnectionClosed|SocketTimeout/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  for (const code of [e.code, e.originalCode, e.kind]) {
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08/.test(code) || UNAVAILABLE_TEXT.test(code)))
      return true;
  }
  if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

// Runs once when the server starts (`next start` and `next dev`), before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientAddresses } = await import("@/lib/auth/stamp-client-address");
  stampClientAddresses();
}

/**
 * Next calls this for every error a page or handler did not catch. A page that failed because the
 * database cannot be reached is an outage, not a bug: the request is marked, and the production
 * server (scripts/serve.ts) answers it with 503 and the "database unavailable" page instead of 500.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnavailable } = await import("@/lib/observability/database-errors");
  if (!isDatabaseUnavailable(error)) return;
  const { markDatabaseUnavailable } = await import("@/lib/observability/request-context");
  markDatabaseUnavailable();
}

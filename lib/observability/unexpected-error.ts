import "server-only";
import { NextResponse } from "next/server";
import { isDatabaseUnavailable } from "@/lib/observability/database-errors";
import { logger } from "@/lib/observability/logger";

const UNAVAILABLE_BODY = {
  error: { code: "unavailable", message: "The database is not answering right now. Try again in a few seconds." },
};

/**
 * For errors no handler expected. A database that cannot be reached is an outage, not a bug: it
 * answers 503 with Retry-After so clients and load balancers try again. Anything else is logged
 * (with the request id and user id, secrets redacted) and left to the caller's generic 500.
 */
export function logUnexpectedError(error: unknown): NextResponse<typeof UNAVAILABLE_BODY> | undefined {
  if (isDatabaseUnavailable(error)) {
    logger().warn({ err: error }, "database unavailable");
    return NextResponse.json(UNAVAILABLE_BODY, { status: 503, headers: { "Retry-After": "5" } });
  }
  logger().error({ err: error }, "unexpected error");
  return undefined;
}

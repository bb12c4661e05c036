import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

// Public readiness check for load balancers: 200 when this instance can serve (database answers,
// migrations current, not shutting down), 503 otherwise. Says nothing a visitor could misuse.
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

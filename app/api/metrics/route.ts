import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const matches = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

// Prometheus scrape endpoint. Off (404) unless METRICS_TOKEN is set; then it wants
// `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise): route names and pool sizes are not
// for visitors.
export async function GET(request: Request) {
  const expected = process.env.METRICS_TOKEN;
  if (!expected) return NextResponse.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!matches(given, expected)) {
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "Send the metrics token as `Authorization: Bearer …`." } },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}

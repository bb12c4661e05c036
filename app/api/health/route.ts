import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Public liveness check: the process is up and answers. Deliberately touches nothing else, so a
// database outage does not make an orchestrator restart every instance; /api/ready checks that.
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}

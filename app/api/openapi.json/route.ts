import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/document";

// Public: the shape of the API is no secret; every operation still checks access.
export function GET() {
  return NextResponse.json(openApiDocument());
}

import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { searchPassages } from "@/lib/services/search/search-passages";

/** GET /api/v1/search?q=…&document=&speaker=&kind=&primaryOnly=1&from=&to=&page=&pageSize= */
export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await searchPassages({ actor, input: { q: "", ...params } }));
});

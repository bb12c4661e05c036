import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZSuggestPassagesRequest } from "@/lib/schemas/sources";
import { suggestPassagesForClaim } from "@/lib/services/search/suggest-passages-for-claim";

/** Passages that may hold a claim's words, best first: exact quotes before near ones. */
export const POST = route(async (request) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZSuggestPassagesRequest);
  return NextResponse.json({ suggestions: await suggestPassagesForClaim({ actor, input }) });
});

import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { mergePassages } from "@/lib/services/sources/merge-passages";

type Context = { params: Promise<{ id: string }> };

/** Merges the passage with the one after it; evidence of the second moves to the first. */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ merge: await mergePassages({ actor, input: { passageId: (await params).id } }) });
});

import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { ZPassageWindowQuery } from "@/lib/schemas/sources";
import { getSource } from "@/lib/services/sources/get-source";

type Context = { params: Promise<{ id: string }> };

/**
 * A source document by id or slug, whole, with its passages: all of them, or a window of
 * `size` (up to 1000) from ordinal `from` or around passage `passage`.
 */
export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const query = ZPassageWindowQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const window =
    query.from !== undefined || query.passage || query.size
      ? { from: query.from, around: query.passage, size: query.size }
      : undefined;
  return NextResponse.json({ source: await getSource({ actor, slugOrId: (await params).id, window }) });
});

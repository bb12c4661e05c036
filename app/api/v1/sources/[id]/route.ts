import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { getSource } from "@/lib/services/sources/get-source";

type Context = { params: Promise<{ id: string }> };

/** A source document by id or slug, whole, with its passages. */
export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ source: await getSource({ actor, slugOrId: (await params).id }) });
});

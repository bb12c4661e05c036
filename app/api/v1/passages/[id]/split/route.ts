import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZSplitBody } from "@/lib/schemas/sources";
import { splitPassage } from "@/lib/services/sources/split-passage";

type Context = { params: Promise<{ id: string }> };

/** Splits the passage `at` UTF-16 code units from its start; 409 when evidence spans that point. */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { at } = await readJson(request, ZSplitBody);
  return NextResponse.json(
    { split: await splitPassage({ actor, input: { passageId: (await params).id, at } }) },
    { status: 201 },
  );
});

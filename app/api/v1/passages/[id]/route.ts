import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZPassagePatch } from "@/lib/schemas/sources";
import { getPassage } from "@/lib/services/sources/get-passage";
import { setPassageSpeaker } from "@/lib/services/sources/set-passage-speaker";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ passage: await getPassage({ actor, passageId: (await params).id }) });
});

/** Changes who speaks the passage (null or "" for nobody). */
export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { speaker } = await readJson(request, ZPassagePatch);
  const result = await setPassageSpeaker({ actor, input: { passageId: (await params).id, speaker } });
  return NextResponse.json({ passage: await getPassage({ actor, passageId: result.passageId }) });
});

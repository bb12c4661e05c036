import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZUpdateVerdictRequest } from "@/lib/schemas/verdicts";
import { updateVerdict } from "@/lib/services/verdicts/manage-verdicts";

type Context = { params: Promise<{ key: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZUpdateVerdictRequest);
  return NextResponse.json({ verdict: await updateVerdict({ actor, key: (await params).key, input }) });
});

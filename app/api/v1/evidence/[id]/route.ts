import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZUpdateEvidenceRequest } from "@/lib/schemas/evidence";
import { removeEvidence, updateEvidence } from "@/lib/services/evidence/change-evidence";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZUpdateEvidenceRequest);
  return NextResponse.json(await updateEvidence({ actor, evidenceId: (await params).id, input }));
});

export const DELETE = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json(await removeEvidence({ actor, evidenceId: (await params).id }));
});

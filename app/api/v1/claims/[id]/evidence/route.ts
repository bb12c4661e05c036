import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZLinkEvidenceRequest } from "@/lib/schemas/evidence";
import { linkEvidence } from "@/lib/services/evidence/link-evidence";
import { listEvidence } from "@/lib/services/evidence/list-evidence";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ evidence: await listEvidence({ actor, claimId: (await params).id }) });
});

/** Links the claim to words of a passage: start/end are offsets into the passage's text, or none for all of it. */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZLinkEvidenceRequest);
  return NextResponse.json(await linkEvidence({ actor, claimId: (await params).id, input }), { status: 201 });
});

import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZLinkEvidenceRequest } from "@/lib/schemas/evidence";
import { getClaimDossier } from "@/lib/services/claims/get-claim-dossier";
import { linkEvidence } from "@/lib/services/evidence/link-evidence";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { evidence } = await getClaimDossier({ actor, claimId: (await params).id });
  return NextResponse.json({ evidence });
});

/** Links the claim to words of a passage: start/end are offsets into the passage's text, or none for all of it. */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZLinkEvidenceRequest);
  return NextResponse.json(await linkEvidence({ actor, claimId: (await params).id, input }), { status: 201 });
});

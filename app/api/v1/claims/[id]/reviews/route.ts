import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZReviewClaimRequest } from "@/lib/schemas/reviews";
import { getClaimDossier } from "@/lib/services/claims/get-claim-dossier";
import { reviewClaim } from "@/lib/services/reviews/review-claim";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { reviews } = await getClaimDossier({ actor, claimId: (await params).id });
  return NextResponse.json({ reviews });
});

/** Approve, request changes (comment required) or reject (comment required). */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZReviewClaimRequest);
  return NextResponse.json(await reviewClaim({ actor, claimId: (await params).id, input }), { status: 201 });
});

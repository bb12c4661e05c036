import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZReviewClaimRequest } from "@/lib/schemas/reviews";
import { listReviews } from "@/lib/services/reviews/list-reviews";
import { reviewClaim } from "@/lib/services/reviews/review-claim";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ reviews: await listReviews({ actor, claimId: (await params).id }) });
});

/** Approve, request changes (comment required) or reject (comment required). */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZReviewClaimRequest);
  return NextResponse.json(await reviewClaim({ actor, claimId: (await params).id, input }), { status: 201 });
});

import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { getClaimDossier } from "@/lib/services/claims/get-claim-dossier";

type Context = { params: Promise<{ id: string }> };

/** Everything to judge or review a claim: evidence with quote checks, wordings, reviews, thread, history. */
export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json(await getClaimDossier({ actor, claimId: (await params).id }));
});

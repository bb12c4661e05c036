import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZUpdateClaimRequest } from "@/lib/schemas/claims";
import { ZVersionParam } from "@/lib/schemas/common";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { getClaim } from "@/lib/services/claims/get-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ claim: await getClaim({ actor, claimId: (await params).id }) });
});

export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZUpdateClaimRequest);
  return NextResponse.json({ claim: await updateClaim({ actor, claimId: (await params).id, input }) });
});

/** Deleting a claim also removes its mark, so it needs the article's version: ?articleVersion=N. */
export const DELETE = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const articleVersion = z
    .object({ articleVersion: ZVersionParam })
    .parse(Object.fromEntries(new URL(request.url).searchParams)).articleVersion;
  return NextResponse.json(await deleteClaim({ actor, claimId: (await params).id, articleVersion }));
});
